import { describe, expect, it } from "vitest";
import { createPushedBriefs, feedbackSeqOf } from "../../src/feedback/pushed-briefs.js";

describe("pushed briefs", () => {
  it("should forget the oldest push past its bound, and keep a re-recorded one", () => {
    const briefs = createPushedBriefs(2);
    briefs.record(1, 10, 100);
    briefs.record(1, 11, 101);
    briefs.record(1, 10, 100); // seen again: now the newest
    briefs.record(2, 10, 102);
    expect(briefs.seqOf(1, 10)).toBe(100);
    expect(briefs.seqOf(1, 11)).toBeUndefined();
    expect(briefs.seqOf(2, 10)).toBe(102);
  });

  it("should read the brief off a feedback row and nothing off other buttons", () => {
    const row = { inline_keyboard: [[{ text: "👍", callback_data: "fb:up:42" }]] };
    expect(feedbackSeqOf(row)).toBe(42);
    expect(
      feedbackSeqOf({ inline_keyboard: [[{ text: "More", callback_data: "more:all:5" }]] }),
    ).toBeUndefined();
    expect(feedbackSeqOf(undefined)).toBeUndefined();
  });
});
