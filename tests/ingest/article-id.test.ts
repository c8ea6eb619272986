import { describe, expect, it } from "vitest";
import { ARTICLE_ID_PATTERN } from "../../src/articles/schema.js";
import {
  articleKey,
  canonicalUrl,
  createArticleId,
  slugify,
  urlIdentity,
} from "../../src/ingest/article-id.js";

describe("article ids", () => {
  it("should build a readable slug plus a short hash that matches the store's id pattern", () => {
    const key = articleKey({ url: "https://example.com/tencent", content: "" });
    const id = createArticleId(
      "Tencent – 70 milliards de dollars investit dans la Fintech, la blockchain et l’IA",
      key,
    );
    expect(id).toMatch(/^tencent-70-milliards-dollars-investit-fintech-[0-9a-f]{6}$/);
    expect(id).toMatch(ARTICLE_ID_PATTERN);
  });

  it("should give the same key for the same article whatever the tracking, scheme or trailing slash", () => {
    const base = articleKey({ url: "https://www.example.com/2024/01/10/etf", content: "a" });
    expect(
      articleKey({ url: "http://example.com/2024/01/10/etf/?utm_source=rss#top", content: "b" }),
    ).toBe(base);
    expect(articleKey({ url: "https://example.com/2024/01/10/other", content: "a" })).not.toBe(
      base,
    );
  });

  it("should fall back to the guid, then to the words of the text", () => {
    const byGuid = articleKey({ guid: "tag:example.com,2024:1", content: "one" });
    expect(articleKey({ guid: "tag:example.com,2024:1", content: "two" })).toBe(byGuid);
    const byText = articleKey({ content: "Tencent investit.\n\nLe groupe chinois…" });
    expect(articleKey({ content: "  tencent investit   le groupe chinois " })).toBe(byText);
    expect(articleKey({ content: "Alibaba investit." })).not.toBe(byText);
  });

  it("should keep the article's own URL but drop fragments and tracking parameters", () => {
    expect(canonicalUrl("https://example.com/a/?utm_source=x&page=2#comments")).toBe(
      "https://example.com/a/?page=2",
    );
    expect(canonicalUrl("ftp://example.com/a")).toBeUndefined();
    expect(urlIdentity("https://www.example.com/a/")).toBe(urlIdentity("http://example.com/a"));
  });

  it("should slug a title without letters to a fixed word", () => {
    expect(slugify("— ! —")).toBe("article");
  });
});
