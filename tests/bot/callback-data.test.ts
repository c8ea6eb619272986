import { describe, expect, it } from "vitest";
import {
  createCallbackData,
  MAX_CALLBACK_DATA_BYTES,
} from "../../src/bot/helpers/callback-data.js";

describe("createCallbackData", () => {
  const more = createCallbackData("more", ["scope", "offset"]);

  it("should pack values after the prefix and unpack them back", () => {
    const data = more.pack({ scope: "ai+fintech", offset: 5 });
    expect(data).toBe("more:ai+fintech:5");
    expect(more.unpack(data)).toEqual({ scope: "ai+fintech", offset: "5" });
  });

  it("should read data that buttons on old messages carry (same scheme as before)", () => {
    expect(createCallbackData("topic", ["id"]).unpack("topic:fintech")).toEqual({ id: "fintech" });
    expect(createCallbackData("set", ["kind", "value"]).unpack("set:quiet:1320-420")).toEqual({
      kind: "quiet",
      value: "1320-420",
    });
  });

  it("should refuse data of another scheme or with the wrong number of values", () => {
    for (const forged of [
      undefined,
      "",
      "more",
      "more:",
      "more:all",
      "more:all:5:6",
      "moree:a:1",
      "lang:en",
    ]) {
      expect(more.unpack(forged)).toBeUndefined();
    }
    expect(more.filter.test("more:all:5")).toBe(true);
    expect(more.filter.test("more:all")).toBe(false);
    expect(more.filter.test("xmore:all:5")).toBe(false);
  });

  it("should keep empty values distinct from missing ones", () => {
    expect(more.unpack("more::")).toEqual({ scope: "", offset: "" });
  });

  it("should refuse to pack a value holding the separator", () => {
    expect(() => more.pack({ scope: "a:b", offset: 1 })).toThrow(/may not hold/);
  });

  it("should refuse to pack data Telegram would reject (over 64 bytes, counted in UTF-8)", () => {
    const tag = createCallbackData("t", ["v"]);
    // "t:" is 2 bytes; "é" is 2 bytes in UTF-8, so 31 of them make 64 bytes and 32 make 66.
    expect(Buffer.byteLength(tag.pack({ v: "é".repeat(31) }))).toBe(MAX_CALLBACK_DATA_BYTES);
    expect(() => tag.pack({ v: "é".repeat(32) })).toThrow(/66 bytes/);
  });

  it("should refuse a malformed scheme at definition time", () => {
    expect(() => createCallbackData("Bad:prefix", ["v"])).toThrow(/prefix/);
    expect(() => createCallbackData("ok", [])).toThrow(/fields/);
    expect(() => createCallbackData("ok", ["a", "a"])).toThrow(/distinct/);
  });
});
