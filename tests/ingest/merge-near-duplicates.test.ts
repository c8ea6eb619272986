import { describe, expect, it } from "vitest";
import { validateArticleFile } from "../../src/articles/schema.js";
import { mergeArticles } from "../../src/ingest/merge.js";
import { makeCandidate, type StoredItem } from "./ingest-helpers.js";

const T1 = "2024-01-11T06:00:00.000Z";
const T2 = "2024-01-11T09:00:00.000Z";

// The SEC's approval of 11 spot bitcoin ETFs (10 January 2024), as a second outlet wrote it.
const REWRITE = makeCandidate({
  id: "bitcoin-etfs-green-light-sec-9d8e7f",
  key: "9d8e7f".padEnd(64, "0"),
  url: "https://cryptowire.example/bitcoin-etfs-green-light",
  source: "Crypto Wire",
  origin: "feeds/wire.xml",
  label: 'feeds/wire.xml item 1 "Bitcoin ETFs get the green light from the SEC"',
  briefs: {
    en: {
      title: "Bitcoin ETFs get the green light from the SEC",
      summary:
        "The SEC approved 11 spot bitcoin exchange-traded products on Wednesday, January 10, 2024. Trading in the funds began the next day.",
    },
  },
});

const FRENCH_EDITION = makeCandidate({
  id: "sec-autorise-etf-bitcoin-comptant-4b5c6d",
  key: "4b5c6d".padEnd(64, "0"),
  url: "https://fr.techfinance.example.com/2024/01/10/sec-etf-bitcoin",
  alternates: ["https://techfinance.example.com/2024/01/10/sec-approves-spot-bitcoin-etfs"],
  language: "fr",
  briefs: {
    fr: {
      title: "La SEC autorise les premiers ETF bitcoin au comptant",
      summary:
        "La SEC a approuvé le 10 janvier 2024 onze produits cotés adossés au bitcoin. Les cotations ont commencé le lendemain.",
    },
  },
});

const firstRun = () => mergeArticles([], [makeCandidate()], T1).articles;

describe("mergeArticles with near-duplicates", () => {
  it("should keep the first source's brief and list the other outlet, not add a second item", () => {
    const result = mergeArticles(firstRun(), [REWRITE], T2);
    expect(result.outcomes).toEqual([
      expect.objectContaining({ status: "merged", changed: true, byLink: false }),
    ]);
    const items = result.articles as StoredItem[];
    expect(items).toHaveLength(1);
    expect(items[0]?.briefs.en?.title).toBe("SEC approves the first spot bitcoin ETFs");
    expect(items[0]?.alsoReportedBy).toEqual([
      { source: "Crypto Wire", url: "https://cryptowire.example/bitcoin-etfs-green-light" },
    ]);
    expect(validateArticleFile({ articles: items }, "store").problems).toEqual([]);
  });

  it("should merge two sources of one run into one item", () => {
    const result = mergeArticles([], [makeCandidate(), REWRITE], T1);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(["added", "merged"]);
    expect(result.articles).toHaveLength(1);
  });

  it("should change nothing when the second source is read again", () => {
    const stored = mergeArticles(firstRun(), [REWRITE], T2).articles;
    const again = mergeArticles(stored, [makeCandidate(), REWRITE], T2);
    expect(again.changed).toBe(false);
    expect(again.outcomes.map((outcome) => outcome.status)).toEqual(["unchanged", "merged"]);
    expect(again.outcomes[1]).toMatchObject({ changed: false, byLink: true });
  });

  it("should add the other language's edition matched by its hreflang alternate as a brief", () => {
    const result = mergeArticles(firstRun(), [FRENCH_EDITION], T2);
    expect(result.outcomes[0]).toMatchObject({ status: "merged", byLink: true, addedBrief: true });
    const [item] = result.articles as StoredItem[];
    expect(Object.keys(item?.briefs ?? {}).sort()).toEqual(["en", "fr"]);
    expect(item?.briefs.fr?.title).toBe("La SEC autorise les premiers ETF bitcoin au comptant");
    // Same outlet, other edition: nothing to list.
    expect(item?.alsoReportedBy).toBeUndefined();
    expect(item?.ingest?.hash["briefs.fr.title"]).toBeDefined();
  });

  it("should make one item of two sources' editions pointing at the same article, keeping the first source", () => {
    const sameTarget = makeCandidate({
      ...FRENCH_EDITION,
      url: "https://www.techfinance.example.com/2024/01/10/sec-approves-spot-bitcoin-etfs?utm_source=veille",
      alternates: undefined,
      source: "Veille Crypto",
      origin: "feeds/veille.xml",
    });
    const first = mergeArticles([], [makeCandidate(), sameTarget], T1);
    expect(first.outcomes.map((outcome) => outcome.status)).toEqual(["added", "merged"]);
    const [item] = first.articles as StoredItem[];
    expect(first.articles).toHaveLength(1);
    expect(item?.source).toBe("Tech Finance Daily");
    expect(Object.keys(item?.briefs ?? {}).sort()).toEqual(["en", "fr"]);
    // Its link is the article itself: nothing else to point readers to.
    expect(item?.alsoReportedBy).toBeUndefined();
    // Every later run reads both again and changes nothing.
    const again = mergeArticles(first.articles, [makeCandidate(), sameTarget], T2);
    expect(again.changed).toBe(false);
    expect(again.outcomes.map((outcome) => outcome.status)).toEqual(["unchanged", "merged"]);
  });

  it("should leave a language an editor deleted on purpose", () => {
    const stored = mergeArticles(firstRun(), [FRENCH_EDITION], T2).articles as StoredItem[];
    const edited = structuredClone(stored);
    delete edited[0]?.briefs.fr;
    const again = mergeArticles(edited, [FRENCH_EDITION], T2);
    expect(again.changed).toBe(false);
    expect((again.articles[0] as StoredItem).briefs.fr).toBeUndefined();
  });

  it("should add a new item for a look-alike story outside the window, or with the check off", () => {
    const weekLater = makeCandidate({ ...REWRITE, publishedAt: "2024-01-17T23:00:00.000Z" });
    expect(mergeArticles(firstRun(), [weekLater], T2).articles).toHaveLength(2);
    const off = mergeArticles(firstRun(), [REWRITE], T2, { nearDuplicateWindowDays: 0 });
    expect(off.articles).toHaveLength(2);
  });
});
