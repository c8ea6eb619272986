import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Locale } from "../../src/locales.js";
import {
  compareStories,
  createNearDuplicateIndex,
  type StoryComparison,
} from "../../src/newsroom/near-duplicates.js";
import type { StoryText } from "../../src/newsroom/story-features.js";

/** Hand-written pairs of true stories: same story or look-alike (see BENCHMARKS.md). */
export const PAIRS_FILE = join(import.meta.dirname, "pairs.jsonl");

export interface PairItem {
  source: string;
  url: string;
  language: Locale;
  publishedAt: string;
  title: string;
  lead: string;
  /** hreflang alternates the page lists. */
  alternates?: string[];
}

export interface Pair {
  line: number;
  id: string;
  category: string;
  same: boolean;
  /** "held-out": written after the detector was tuned, and never tuned on. */
  split?: "held-out";
  a: PairItem;
  b: PairItem;
}

export interface PairResult {
  pair: Pair;
  /** Text only: the pair compared whatever their dates. */
  text: StoryComparison;
  /** As ingest runs it: b looked up in an index holding a, with the 3-day window. */
  deployed: boolean;
}

export interface Scores {
  pairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export async function readPairs(path = PAIRS_FILE): Promise<Pair[]> {
  const lines = (await readFile(path, "utf8")).split("\n").filter((line) => line.trim() !== "");
  return lines.map((line, index) => ({
    line: index + 1,
    ...(JSON.parse(line) as Omit<Pair, "line">),
  }));
}

export function storyOf(item: PairItem): StoryText {
  return {
    language: item.language,
    title: item.title,
    lead: item.lead,
    links: [item.url, ...(item.alternates ?? [])],
  };
}

export function judgePair(pair: Pair): PairResult {
  const index = createNearDuplicateIndex();
  index.add({ id: "a", publishedAt: pair.a.publishedAt, story: storyOf(pair.a) });
  const deployed =
    index.findDuplicate({ publishedAt: pair.b.publishedAt, story: storyOf(pair.b) }) !== undefined;
  return { pair, text: compareStories(storyOf(pair.a), storyOf(pair.b)), deployed };
}

export function scoresOf(results: readonly PairResult[], mode: "text" | "deployed"): Scores {
  const said = (result: PairResult) => (mode === "text" ? result.text.duplicate : result.deployed);
  const count = (test: (result: PairResult) => boolean) => results.filter(test).length;
  const truePositives = count((result) => result.pair.same && said(result));
  const falsePositives = count((result) => !result.pair.same && said(result));
  const falseNegatives = count((result) => result.pair.same && !said(result));
  const merged = truePositives + falsePositives;
  const positives = truePositives + falseNegatives;
  return {
    pairs: results.length,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: merged === 0 ? 1 : truePositives / merged,
    recall: positives === 0 ? 1 : truePositives / positives,
  };
}
