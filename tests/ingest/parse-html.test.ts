import { describe, expect, it } from "vitest";
import { parseHtmlPage } from "../../src/ingest/parse-html.js";
import { readFixture } from "./ingest-helpers.js";

describe("parseHtmlPage", () => {
  it("should keep the article's text and drop navigation, promos, share buttons, captions and footer", async () => {
    const page = parseHtmlPage(await readFixture("article-en.html"), "article-en.html");
    const text = page.blocks.map((block) => block.text);
    expect(text[0]).toMatch(/^Ethereum, whose ether token is the second-largest cryptocurrency/);
    expect(text).toContain(
      "The Ethereum Foundation estimates that the switch cuts the network's energy consumption by about 99.95%.",
    );
    const all = text.join("\n");
    for (const furniture of [
      "Home",
      "Markets",
      "Save 20%",
      "newsletter",
      "Tweet",
      "logo",
      "Photo:",
      "Related articles",
      "All rights reserved",
      "Privacy policy",
      "Read more",
    ]) {
      expect(all).not.toContain(furniture);
    }
  });

  it("should read title, canonical URL, date, language and site name from the page's own tags", async () => {
    const page = parseHtmlPage(await readFixture("article-en.html"), "article-en.html");
    expect(page).toMatchObject({
      kind: "html",
      title: "Ethereum completes the Merge and switches to proof of stake",
      url: "https://techfinance.example.com/2022/09/15/ethereum-merge-proof-of-stake",
      publishedAt: "2022-09-15T09:30:00.000Z",
      languageHint: "en",
      sourceName: "Tech Finance Daily",
    });
  });

  it("should find no text on a page made only of furniture", async () => {
    const page = parseHtmlPage(await readFixture("no-text.html"), "no-text.html");
    expect(page.blocks.filter((block) => block.kind === "paragraph")).toEqual([]);
  });

  it("should fall back to the <h1> and the fetched address when the page has no metadata", () => {
    const page = parseHtmlPage(
      "<html><body><h1>Visa to buy Plaid</h1><p>Visa agreed to buy Plaid for $5.3 billion in January 2020.</p></body></html>",
      "http://127.0.0.1/plaid",
      { fetchedUrl: "http://127.0.0.1/plaid" },
    );
    expect(page.title).toBe("Visa to buy Plaid");
    expect(page.url).toBe("http://127.0.0.1/plaid");
    expect(page.sourceName).toBe("127.0.0.1");
  });
});
