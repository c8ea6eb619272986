import { describe, expect, it } from "vitest";
import { bold, type Html, join, text } from "../../src/briefs/html.js";
import {
  cutText,
  MAX_MESSAGE_LENGTH,
  packMessages,
  truncateAtSentence,
} from "../../src/briefs/split.js";

function block(length: number, title = "T"): Html {
  return join([bold(title), text("x".repeat(length - title.length))]);
}

describe("packMessages", () => {
  it("should keep blocks that fit in one message together", () => {
    const messages = packMessages([block(100), block(200)]);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.length).toBe(302);
  });

  it("should start a new message rather than exceed 4,096 characters", () => {
    const messages = packMessages([block(3000), block(1000), block(1000)]);
    expect(messages.map((message) => message.length)).toEqual([4002, 1000]);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });

  it("should cut a single over-long block into plain pieces at sentence ends", () => {
    const sentence = "Tencent will invest about $70bn over five years. ";
    const long = text(sentence.repeat(200));
    const messages = packMessages([long]);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(message.html.endsWith("years.")).toBe(true);
    }
    const rejoined = messages.map((message) => message.html).join(" ");
    expect(rejoined.replace(/\s+/g, " ")).toBe(long.html.trim().replace(/\s+/g, " "));
  });
});

describe("cutText", () => {
  it("should never split a surrogate pair", () => {
    const pieces = cutText("😀".repeat(3000), 4095);
    expect(pieces.join("")).toBe("😀".repeat(3000));
    // A lone surrogate at either end of a piece would be a split pair.
    for (const piece of pieces) expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });
});

describe("truncateAtSentence", () => {
  it("should leave short text alone", () => {
    expect(truncateAtSentence("One. Two.", 100)).toBe("One. Two.");
  });

  it("should cut at the last sentence that fits", () => {
    expect(truncateAtSentence("First sentence here. Second one is longer. Third.", 45)).toBe(
      "First sentence here. Second one is longer.",
    );
  });

  it("should fall back to a word boundary with an ellipsis", () => {
    expect(truncateAtSentence("averyveryverylongword and more words without stop", 30)).toBe(
      "averyveryverylongword and…",
    );
  });
});
