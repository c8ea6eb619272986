import { describe, expect, it } from "vitest";
import { parsePlainText } from "../../src/ingest/parse-text.js";
import { parseSeed } from "./ingest-helpers.js";

describe("parsePlainText", () => {
  it("should take the seed's headline as title, not the promo line or the logo caption", async () => {
    const seed = await parseSeed();
    expect(seed.title).toBe(
      "Tencent – 70 milliards de dollars investit dans la Fintech, la blockchain et l’IA",
    );
    const text = seed.blocks.map((block) => block.text).join("\n");
    expect(text).not.toMatch(/Save 20%|newsletter|Tencent logo/);
    expect(seed.blocks[0]?.text).toMatch(/^Le géant chinois de la technologie Tencent Holdings/);
  });

  it("should mark short unpunctuated lines as subheadings, and keep long unfinished lines as text", async () => {
    const seed = await parseSeed();
    const headings = seed.blocks
      .filter((block) => block.kind === "heading")
      .map((block) => block.text);
    expect(headings).toEqual([
      "La pandémie du Covid-19 stimule l’intérêt de la blockchain en Chine",
      "Le gouvernement chinois adopte la blockchain",
    ]);
    expect(seed.blocks.find((block) => block.text.endsWith("entre autres,"))?.kind).toBe(
      "paragraph",
    );
  });

  it("should have no URL or date when the text gives none, and name the file as source", async () => {
    const seed = await parseSeed();
    expect(seed.url).toBeUndefined();
    expect(seed.publishedAt).toBeUndefined();
    expect(seed.sourceName).toBe("seed-article");
  });

  it("should read optional URL, Source and Date lines above the headline", () => {
    const article = parsePlainText(
      [
        "Subscribe",
        "URL: https://www.example.com/2021/09/07/el-salvador-bitcoin",
        "Source: Example News",
        "Date: 2021-09-07T10:00:00Z",
        "",
        "El Salvador makes bitcoin legal tender",
        "",
        "Bitcoin became legal tender in El Salvador",
        "on September 7, 2021.",
        "",
        "It was the first country to do so.",
      ].join("\n"),
      "pasted.txt",
    );
    expect(article).toMatchObject({
      title: "El Salvador makes bitcoin legal tender",
      url: "https://www.example.com/2021/09/07/el-salvador-bitcoin",
      sourceName: "Example News",
      publishedAt: "2021-09-07T10:00:00.000Z",
    });
    // Lines wrapped inside one paragraph are joined.
    expect(article.blocks).toEqual([
      {
        kind: "paragraph",
        text: "Bitcoin became legal tender in El Salvador on September 7, 2021.",
      },
      { kind: "paragraph", text: "It was the first country to do so." },
    ]);
  });

  it("should treat every line as a paragraph when the text has no blank lines", () => {
    const article = parsePlainText(
      "Stripe raises $6.5 billion at a $50 billion valuation\nStripe said it raised more than $6.5 billion.\nThe money pays for employee taxes.",
      "stripe.txt",
    );
    expect(article.blocks.map((block) => block.text)).toEqual([
      "Stripe said it raised more than $6.5 billion.",
      "The money pays for employee taxes.",
    ]);
  });
});
