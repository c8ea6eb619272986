import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleFileError, parseArticleFile } from "../../src/articles/schema.js";
import { REPO_ROOT, SAMPLE_ARTICLES } from "../helpers/test-app.js";

const fixture = (name: string) =>
  readFileSync(join(REPO_ROOT, "tests/fixtures/articles", name), "utf8");

describe("parseArticleFile", () => {
  it("should accept the shipped sample store with every topic covered", () => {
    const { articles, problems } = parseArticleFile(
      readFileSync(SAMPLE_ARTICLES, "utf8"),
      "data/articles.json",
    );
    expect(problems).toEqual([]);
    expect(
      articles.find((article) => article.id === "tencent-70bn-fintech-2020")?.briefs.fr?.title,
    ).toMatch(/Tencent/);
    const topics = new Set(articles.flatMap((article) => article.topics));
    expect(topics.size).toBe(9);
  });

  it("should refuse a file that is not JSON, naming the file", () => {
    expect(() => parseArticleFile(fixture("invalid-json.json"), "data/articles.json")).toThrow(
      /data\/articles\.json: not valid JSON/,
    );
  });

  it("should refuse a file without an articles list", () => {
    expect(() => parseArticleFile(fixture("not-an-object.json"), "a.json")).toThrow(
      ArticleFileError,
    );
  });

  it("should keep good items and name the file, item and field of each bad one", () => {
    const { articles, problems, rejectedIds } = parseArticleFile(
      fixture("bad-items.json"),
      "f.json",
    );
    expect(articles.map((article) => article.id)).toEqual(["good-item"]);
    expect(problems).toHaveLength(7);
    const expected = [
      /item 2 .*id: must be a lowercase ASCII slug/,
      /item 3 \(id "missing-url"\): url: is missing/,
      /item 4 \(id "unknown-topic"\): topics\.1: must be one of/,
      /item 5 \(id "no-briefs"\): briefs: needs at least one of fr or en/,
      /item 6 \(id "empty-title"\): briefs\.en\.title: must not be empty/,
      /item 7 \(id "bad-date"\): publishedAt: must be an ISO 8601 date-time/,
      /item 8 \(id "good-item"\): id: duplicate/,
    ];
    expected.forEach((pattern, index) => {
      expect(problems[index]).toMatch(/^f\.json: /);
      expect(problems[index]).toMatch(pattern);
    });
    expect(rejectedIds).toContain("bad-date");
  });
});
