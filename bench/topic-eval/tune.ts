import { createTopicTagger, type TopicWeights } from "../../src/ingest/topic-lexicon.js";
import { evaluate, type LabelledArticle } from "./evaluate.js";

/** The grid searched: title and lead weights, the lead's length, the tagging threshold; the body weighs 1. */
const TITLE_WEIGHTS = [2, 3, 4];
const LEAD_WEIGHTS = [1, 1.5, 2, 2.5, 3];
// 0: the first paragraph alone is the lead.
const LEAD_WORDS = [0, 20, 30, 40, 50, 60];
// Above the body weight: one later paragraph alone is a passing mention, never enough.
const MIN_SCORES = [1.5, 2, 2.5, 3, 3.5];

export interface TuningResult {
  weights: TopicWeights;
  precision: number;
  recall: number;
  f1: number;
}

const f1Of = (precision: number, recall: number) =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

/** Every weighting of the grid scored on the given articles (the tuning split), best F1 first. */
export function tuneWeights(articles: readonly LabelledArticle[]): TuningResult[] {
  const results: TuningResult[] = [];
  for (const title of TITLE_WEIGHTS) {
    for (const lead of LEAD_WEIGHTS) {
      for (const leadWords of LEAD_WORDS) {
        for (const minScore of MIN_SCORES) {
          const weights = { title, lead, leadWords, body: 1, keyword: 1, minScore };
          const { micro } = evaluate(articles, createTopicTagger({ weights }));
          results.push({ weights, ...micro, f1: f1Of(micro.precision, micro.recall) });
        }
      }
    }
  }
  return results.sort((a, b) => b.f1 - a.f1);
}
