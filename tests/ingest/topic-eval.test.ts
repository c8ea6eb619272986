import { describe, expect, it } from "vitest";
import { evaluate, readLabelledSet } from "../../bench/topic-eval/evaluate.js";
import { TOPIC_IDS } from "../../src/topics/catalog.js";

/** The accuracy an editor signs off (issue 12): below either floor, the change loses tags or adds wrong ones. */
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.9;
/** What the labelled set must keep holding for the figures to mean something (LABELLING.md). */
const MIN_ARTICLES = 160;
const MIN_LABELS_PER_TOPIC = 12;

describe("topic tagging on the labelled set (npm run eval:topics)", async () => {
  const articles = await readLabelledSet();

  it("should keep a set of at least 160 articles, about half French, with every topic labelled 12 times", () => {
    expect(articles.length).toBeGreaterThanOrEqual(MIN_ARTICLES);
    const french = articles.filter((article) => article.lang === "fr").length;
    expect(Math.abs(french / articles.length - 0.5)).toBeLessThanOrEqual(0.05);
    for (const topic of TOPIC_IDS) {
      const labelled = articles.filter((article) => article.topics.includes(topic)).length;
      expect(labelled, topic).toBeGreaterThanOrEqual(MIN_LABELS_PER_TOPIC);
    }
    // Hard negatives: articles about none of the topics, where a passing mention must not tag.
    expect(articles.some((article) => article.topics.length === 0)).toBe(true);
  });

  it("should tag the whole set with micro precision and recall of at least 0.9", () => {
    const { micro } = evaluate(articles);
    expect(micro.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(micro.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it("should hold both floors on the held-out part, never used to tune the tagger", () => {
    const heldOut = articles.filter((article) => article.split === "held-out");
    expect(heldOut.length).toBeGreaterThanOrEqual(MIN_ARTICLES / 4);
    const { micro } = evaluate(heldOut);
    expect(micro.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(micro.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
