import { describe, expect, it } from "vitest";
import { judgePair, readPairs, scoresOf } from "../../bench/merge-eval/evaluate.js";

describe("near-duplicate evaluation (bench/merge-eval/pairs.jsonl)", () => {
  it("should hold at least 60 pairs, with true duplicates and look-alikes", async () => {
    const pairs = await readPairs();
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    expect(pairs.filter((pair) => pair.same).length).toBeGreaterThanOrEqual(30);
    expect(pairs.filter((pair) => !pair.same).length).toBeGreaterThanOrEqual(25);
  });

  it("should merge no look-alike and most true duplicates, comparing texts whatever their dates", async () => {
    const scores = scoresOf((await readPairs()).map(judgePair), "text");
    expect(scores.falsePositives).toBe(0);
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBeGreaterThanOrEqual(0.8);
  });
});
