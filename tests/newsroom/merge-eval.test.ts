import { describe, expect, it } from "vitest";
import { judgePair, readPairs, scoresOf } from "../../bench/merge-eval/evaluate.js";

describe("near-duplicate evaluation (bench/merge-eval/pairs.jsonl)", () => {
  it("should hold at least 60 pairs, with true duplicates and look-alikes", async () => {
    const pairs = await readPairs();
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    expect(pairs.filter((pair) => pair.same).length).toBeGreaterThanOrEqual(30);
    expect(pairs.filter((pair) => !pair.same).length).toBeGreaterThanOrEqual(25);
  });

  it("should merge no look-alike and most true duplicates as ingest runs (3-day window)", async () => {
    const scores = scoresOf((await readPairs()).map(judgePair), "deployed");
    expect(scores.falsePositives).toBe(0);
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBeGreaterThanOrEqual(0.8);
  });

  it("should tell the tuning pairs apart on their text alone, whatever their dates", async () => {
    const tuning = (await readPairs()).filter((pair) => pair.split !== "held-out");
    const scores = scoresOf(tuning.map(judgePair), "text");
    expect(scores.falsePositives).toBe(0);
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBeGreaterThanOrEqual(0.8);
  });
});
