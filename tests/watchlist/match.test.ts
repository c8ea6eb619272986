import { describe, expect, it } from "vitest";
import {
  createTermIndex,
  MAX_TERM_LENGTH,
  matchArticle,
  normalizeTerm,
  parseTerms,
} from "../../src/watchlist/match.js";

const article = (en: string, fr = "", source = "Example News") => ({
  source,
  briefs: {
    en: { title: en, summary: "Details follow." },
    ...(fr ? { fr: { title: fr, summary: "Les détails suivent." } } : {}),
  },
});

describe("parseTerms", () => {
  it("should read words, quoted phrases in every quote style, and tickers", () => {
    expect(
      parseTerms('Nvidia "digital euro" « euro numérique » “Open AI” $NVDA, MiCA').terms,
    ).toEqual(["nvidia", "digital euro", "euro numerique", "open ai", "$nvda", "mica"]);
  });

  it("should refuse HTML, punctuation, emoji and over-long terms, naming each", () => {
    const { terms, problems } = parseTerms(`<b>x</b> ... 🚀🚀 ${"a".repeat(MAX_TERM_LENGTH + 1)}`);
    expect(terms).toEqual([]);
    expect(problems.map((problem) => problem.kind)).toEqual([
      "html",
      "no-letters",
      "no-letters",
      "too-long",
    ]);
  });

  it("should keep a muted source as source:<name>", () => {
    expect(normalizeTerm("source:Les Échos")).toBe("source:les echos");
  });
});

describe("matchArticle", () => {
  it("should match whole words, any case and accents", () => {
    expect(matchArticle(article("NVIDIA tops $1 trillion"), ["nvidia"])).toEqual(["nvidia"]);
    expect(matchArticle(article("Nvidians rejoice"), ["nvidia"])).toEqual([]);
    expect(
      matchArticle(article("", "La BCE prépare l'euro numérique"), ["euro numerique"]),
    ).toEqual(["euro numerique"]);
  });

  it("should match a ticker to its company and the reverse", () => {
    expect(matchArticle(article("Nvidia briefly tops $1 trillion"), ["$nvda"])).toEqual(["$nvda"]);
    expect(matchArticle(article("NVDA shares rise"), ["nvidia"])).toEqual(["nvidia"]);
    expect(matchArticle(article("SEC approves spot bitcoin products"), ["$btc"])).toEqual(["$btc"]);
  });

  it("should match singular and plural in English and French", () => {
    expect(matchArticle(article("New rules for stablecoins"), ["stablecoin"])).toEqual([
      "stablecoin",
    ]);
    expect(matchArticle(article("One memecoin crashes"), ["memecoins"])).toEqual(["memecoins"]);
    expect(matchArticle(article("", "Des centres de données"), ["centre de donnees"])).toEqual([
      "centre de donnees",
    ]);
    expect(
      matchArticle(article("AI regulatory sandboxes", "Les réseaux sociaux"), ["reseau social"]),
    ).toEqual(["reseau social"]);
  });

  it("should match a muted source by name", () => {
    expect(matchArticle(article("Anything", "", "CoinDesk"), ["source:coindesk"])).toEqual([
      "source:coindesk",
    ]);
  });

  it("should serve many terms from one index", () => {
    const index = createTermIndex(["nvidia", "mica", "digital euro", "$btc"]);
    expect(
      index.match(article("MiCA and the digital euro: what bitcoin holders should know")),
    ).toEqual(["mica", "digital euro", "$btc"]);
  });
});
