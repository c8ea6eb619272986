import { describe, expect, it } from "vitest";
import { parseFeedText } from "../../src/ingest/parse-feed.js";
import { IngestError } from "../../src/ingest/types.js";
import { readFixture } from "./ingest-helpers.js";

describe("parseFeedText", () => {
  it("should read every item of an English RSS 2.0 feed with its link, guid, date and language", async () => {
    const items = parseFeedText(await readFixture("feed-en.rss.xml"), {
      origin: "feed-en.rss.xml",
    });
    expect(items.map((item) => item.title)).toEqual([
      "SEC approves the first spot bitcoin ETFs in the United States",
      "Microsoft extends its OpenAI partnership with a multibillion-dollar investment",
      "Nvidia becomes the first chipmaker valued at $1 trillion",
      "Apple unveils the Vision Pro headset",
    ]);
    const [sec] = items;
    expect(sec).toMatchObject({
      kind: "feed",
      url: "https://techfinance.example.com/2024/01/10/sec-approves-spot-bitcoin-etfs?utm_source=rss&utm_medium=feed",
      guid: "tfd-2024-0110-bitcoin-etf",
      publishedAt: "2024-01-10T23:00:00.000Z",
      languageHint: "en-us",
      sourceName: "Tech Finance Daily",
      keywords: ["Crypto", "Regulation"],
    });
    // The full text (content:encoded) wins over the teaser, without its promo and footer lines.
    const text = sec?.blocks.map((block) => block.text) ?? [];
    expect(text).toHaveLength(3);
    expect(text.join(" ")).not.toMatch(/newsletter|appeared first/);
  });

  it("should split <br><br> bodies into paragraphs", async () => {
    const items = parseFeedText(await readFixture("feed-en.rss.xml"), {
      origin: "feed-en.rss.xml",
    });
    expect(items[2]?.blocks).toHaveLength(3);
  });

  it("should read a French Atom feed: html and text content, links, published dates, xml:lang", async () => {
    const entries = parseFeedText(await readFixture("feed-fr.atom.xml"), {
      origin: "feed-fr.atom.xml",
    });
    expect(entries).toHaveLength(4);
    expect(entries[0]).toMatchObject({
      title: "La BCE lance la phase de préparation de l’euro numérique",
      url: "https://hebdo.techfinance.example.fr/2023/10/18/bce-euro-numerique",
      guid: "tag:hebdo.techfinance.example.fr,2023-10-18:euro-numerique",
      publishedAt: "2023-10-18T15:00:00.000Z",
      languageHint: "fr",
      sourceName: "Tech Finance Hebdo",
    });
    expect(entries[0]?.blocks.map((block) => block.text).join(" ")).not.toContain("Abonnez-vous");
    expect(entries[2]?.blocks[0]?.text).toMatch(
      /^Les enchères pour l’attribution des fréquences 5G/,
    );
    expect(entries[3]?.blocks.map((block) => block.text).join(" ")).not.toContain("logo");
  });

  it("should say the XML is malformed", async () => {
    const xml = await readFixture("malformed.rss.xml");
    expect(() => parseFeedText(xml, { origin: "malformed.rss.xml" })).toThrow(IngestError);
    expect(() => parseFeedText(xml, { origin: "malformed.rss.xml" })).toThrow(/malformed XML/);
  });

  it("should say when well-formed XML is not a feed", () => {
    const sitemap = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.com/</loc></url></urlset>`;
    expect(() => parseFeedText(sitemap, { origin: "sitemap.xml" })).toThrow(
      /not an RSS or Atom feed/,
    );
  });

  it("should resolve relative links against the address the feed came from", () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>/</link><description>d</description>
      <item><title>One</title><link>/2024/one</link><description>Text.</description></item></channel></rss>`;
    const [item] = parseFeedText(rss, { origin: "x", baseUrl: "http://127.0.0.1:8080/feed.xml" });
    expect(item?.url).toBe("http://127.0.0.1:8080/2024/one");
  });
});
