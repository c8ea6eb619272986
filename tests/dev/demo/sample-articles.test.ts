import { describe, expect, it } from "vitest";
import { createSampleCopy } from "../../../dev/demo/publish-sample.js";
import { SAMPLE_ARTICLES } from "../../../dev/demo/sample-articles.js";
import { validateArticleFile } from "../../../src/articles/schema.js";

const NOW = new Date("2026-11-28T09:00:00Z");

describe("the demo's sample articles", () => {
  it("each publish as a valid article in both languages, dated now, under a new id", () => {
    const copies = SAMPLE_ARTICLES.map((sample) => createSampleCopy(sample, NOW, new Set()));
    const { articles, problems } = validateArticleFile({ articles: copies }, "samples");
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(SAMPLE_ARTICLES.length);
    for (const article of articles) {
      expect(article.publishedAt).toBe(NOW.toISOString());
      expect(article.briefs.fr).toBeDefined();
      expect(article.briefs.en).toBeDefined();
    }
  });

  it("never reuse an id already in the store", () => {
    const sample = SAMPLE_ARTICLES[0];
    if (sample === undefined) throw new Error("no sample");
    const first = createSampleCopy(sample, NOW, new Set());
    const second = createSampleCopy(sample, NOW, new Set([first.id]));
    expect(second.id).not.toBe(first.id);
    expect(second.id.startsWith(sample.id)).toBe(true);
  });
});
