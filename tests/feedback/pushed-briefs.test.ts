import { describe, expect, it } from "vitest";
import {
  checkPushedBriefs,
  feedbackSeqOf,
  MAX_PUSHED_BRIEFS,
  type PushedBrief,
  recordPushedBrief,
  seqOfPushed,
} from "../../src/feedback/pushed-briefs.js";

describe("pushed briefs", () => {
  it("should forget the oldest push past its bound, and keep a re-recorded one", () => {
    let list: PushedBrief[] | undefined;
    for (let id = 1; id <= MAX_PUSHED_BRIEFS; id += 1)
      list = recordPushedBrief(list, id, 1000 + id);
    list = recordPushedBrief(list, 1, 1001); // seen again: now the newest
    list = recordPushedBrief(list, MAX_PUSHED_BRIEFS + 1, 7);
    expect(list).toHaveLength(MAX_PUSHED_BRIEFS);
    expect(seqOfPushed(list, 1)).toBe(1001);
    expect(seqOfPushed(list, 2)).toBeUndefined();
    expect(seqOfPushed(list, MAX_PUSHED_BRIEFS + 1)).toBe(7);
    expect(seqOfPushed(undefined, 1)).toBeUndefined();
  });

  it("should keep the good entries of a hand-edited list and say what it left out", () => {
    const { list, problems } = checkPushedBriefs([[10, 3], [11, "4"], "x", [12, 5, 6], [13, 0]]);
    expect(list).toEqual([[10, 3]]);
    expect(problems).toHaveLength(4);
    expect(checkPushedBriefs({ 10: 3 }).list).toBeUndefined();
    expect(checkPushedBriefs(undefined)).toEqual({ list: undefined, problems: [] });
    const long = Array.from({ length: MAX_PUSHED_BRIEFS + 5 }, (_, i) => [i + 1, i + 1]);
    const trimmed = checkPushedBriefs(long);
    expect(trimmed.list?.[0]).toEqual([6, 6]);
    expect(trimmed.problems).toEqual([
      `holds ${MAX_PUSHED_BRIEFS + 5} pushes; keeping the ${MAX_PUSHED_BRIEFS} newest`,
    ]);
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
