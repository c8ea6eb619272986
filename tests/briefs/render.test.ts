import type { Context } from "grammy";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/schema.js";
import { MAX_ALSO_SHOWN, renderBrief, translateFor } from "../../src/briefs/render.js";
import { MAX_MESSAGE_LENGTH, packMessages } from "../../src/briefs/split.js";
import { createI18n } from "../../src/i18n.js";
import type { Locale } from "../../src/locales.js";
import { LOCALES_DIR } from "../../src/paths.js";

const i18n = createI18n<Context>(LOCALES_DIR, () => undefined);
const render = (article: Article, locale: Locale) =>
  renderBrief(article, { locale, t: translateFor(i18n, locale) });

// Bybit's hack of 21 February 2025, as two outlets ran it.
const BYBIT: Article = {
  id: "bybit-hack-1-5bn-ether-3f9a1c",
  url: "https://reuters.example/bybit-hack",
  source: "Reuters",
  publishedAt: "2025-02-21T20:00:00Z",
  topics: ["crypto"],
  briefs: {
    en: {
      title: "Bybit hacked for about $1.5 billion in ether",
      summary:
        "Dubai-based crypto exchange Bybit said hackers stole about $1.5 billion in ether from one of its cold wallets. Chief executive Ben Zhou said the exchange remained solvent.",
    },
  },
};

describe("renderBrief with other outlets", () => {
  it("should add no line when no other outlet ran the story", () => {
    expect(render(BYBIT, "en").html).not.toContain("Also:");
  });

  it("should name each other outlet with a link to its own article, in the reader's language", () => {
    const article: Article = {
      ...BYBIT,
      alsoReportedBy: [
        { source: "The Block", url: "https://theblock.example/bybit-146bn-heist" },
        { source: "Les Echos", url: "https://lesechos.example/bybit-vol-record?a=1&b=2" },
      ],
    };
    const english = render(article, "en").html;
    expect(english).toContain(
      '<i>Also:</i> <a href="https://theblock.example/bybit-146bn-heist">The Block</a>, <a href="https://lesechos.example/bybit-vol-record?a=1&amp;b=2">Les Echos</a>',
    );
    expect(render(article, "fr").html).toContain(
      '<i>Aussi chez</i> <a href="https://theblock.example/bybit-146bn-heist">The Block</a>',
    );
  });

  it("should escape outlet names and count the outlets beyond the first few", () => {
    const many = Array.from({ length: MAX_ALSO_SHOWN + 2 }, (_, index) => ({
      source: `Wire <${index}> & Co`,
      url: `https://wire${index}.example/bybit`,
    }));
    const html = render({ ...BYBIT, alsoReportedBy: many }, "en").html;
    expect(html).toContain("Wire &lt;0&gt; &amp; Co");
    expect(html).not.toContain(`Wire &lt;${MAX_ALSO_SHOWN}&gt;`);
    expect(html).toMatch(/ \+2$/m);
  });

  it("should count the line in the visible length, so five briefs still fit the 4,096 limit", () => {
    const outlets = Array.from({ length: 40 }, (_, index) => ({
      source: `${"Outlet name ".repeat(8)}${index}`,
      url: `https://outlet${index}.example/bybit`,
    }));
    const brief = render({ ...BYBIT, alsoReportedBy: outlets }, "en");
    const plain = brief.html.replace(/<[^>]*>/g, "").replace(/&(lt|gt|amp|quot);/g, "_");
    expect(brief.length).toBe(plain.length);
    for (const message of packMessages([brief, brief, brief, brief, brief])) {
      expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    }
  });
});
