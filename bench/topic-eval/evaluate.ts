import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createTopicTagger, type TopicTagger } from "../../src/ingest/topic-lexicon.js";
import { isTopicId, TOPIC_IDS, type TopicId } from "../../src/topics/catalog.js";

/** The labelled set: one JSON object a line, labelled by the rules in LABELLING.md. */
export const LABELLED_SET = join(import.meta.dirname, "articles.jsonl");
/** Every HELD_OUT_EVERY-th article is held out: never looked at while tuning the lexicon. */
export const HELD_OUT_EVERY = 4;

export interface LabelledArticle {
  line: number;
  lang: "fr" | "en";
  title: string;
  text: string;
  topics: TopicId[];
  split: "tuning" | "held-out";
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Evaluation {
  articles: number;
  perTopic: Record<TopicId, Counts>;
  micro: { precision: number; recall: number };
  /** Articles where the tagger and the label disagree, for the table's notes. */
  misses: { line: number; title: string; expected: TopicId[]; got: TopicId[] }[];
}

export async function readLabelledSet(path = LABELLED_SET): Promise<LabelledArticle[]> {
  const lines = (await readFile(path, "utf8")).split("\n").filter((line) => line.trim() !== "");
  return lines.map((line, index) => {
    const item = JSON.parse(line) as Omit<LabelledArticle, "line" | "split">;
    if (!item.topics.every(isTopicId)) throw new Error(`line ${index + 1}: unknown topic`);
    return {
      ...item,
      line: index + 1,
      split: (index + 1) % HELD_OUT_EVERY === 0 ? "held-out" : "tuning",
    };
  });
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** Tags each article the way ingest does (title, then its sentences as paragraphs) and scores it. */
export function evaluate(
  articles: readonly LabelledArticle[],
  tagger: TopicTagger = createTopicTagger(),
): Evaluation {
  const perTopic = Object.fromEntries(
    TOPIC_IDS.map((topic) => [topic, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]),
  ) as Record<TopicId, Counts>;
  const misses: Evaluation["misses"] = [];
  for (const article of articles) {
    const got = tagger
      .tag({ title: article.title, paragraphs: article.text.split(/(?<=[.!?])\s+/) })
      .map((entry) => entry.topic);
    for (const topic of TOPIC_IDS) {
      const expected = article.topics.includes(topic);
      const tagged = got.includes(topic);
      if (expected && tagged) perTopic[topic].truePositives += 1;
      else if (tagged) perTopic[topic].falsePositives += 1;
      else if (expected) perTopic[topic].falseNegatives += 1;
    }
    const same =
      got.length === article.topics.length && got.every((topic) => article.topics.includes(topic));
    if (!same)
      misses.push({ line: article.line, title: article.title, expected: article.topics, got });
  }
  const total = Object.values(perTopic).reduce(
    (sum, counts) => ({
      truePositives: sum.truePositives + counts.truePositives,
      falsePositives: sum.falsePositives + counts.falsePositives,
      falseNegatives: sum.falseNegatives + counts.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  return {
    articles: articles.length,
    perTopic,
    micro: {
      precision: ratio(total.truePositives, total.truePositives + total.falsePositives),
      recall: ratio(total.truePositives, total.truePositives + total.falseNegatives),
    },
    misses,
  };
}

export function precisionOf(counts: Counts): number {
  return ratio(counts.truePositives, counts.truePositives + counts.falsePositives);
}

export function recallOf(counts: Counts): number {
  return ratio(counts.truePositives, counts.truePositives + counts.falseNegatives);
}
