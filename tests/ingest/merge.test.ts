import { describe, expect, it } from "vitest";
import { validateArticleFile } from "../../src/articles/schema.js";
import { mergeArticles, wantsTranslation } from "../../src/ingest/merge.js";
import type { Candidate } from "../../src/ingest/types.js";
import { makeCandidate, type StoredItem } from "./ingest-helpers.js";

const T1 = "2024-02-01T10:00:00.000Z";
const T2 = "2024-02-02T10:00:00.000Z";

const firstRun = (candidate: Candidate = makeCandidate()) =>
  mergeArticles([], [candidate], T1).articles as StoredItem[];

describe("mergeArticles", () => {
  it("should add a new article that passes the bot's schema, with provenance", () => {
    const { articles, outcomes, changed } = mergeArticles([], [makeCandidate()], T1);
    expect(changed).toBe(true);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["added"]);
    expect(validateArticleFile({ articles }, "store").problems).toEqual([]);
    expect(articles[0]).toMatchObject({
      id: "sec-approves-spot-bitcoin-etfs-abc123",
      publishedAt: "2024-01-10T23:00:00.000Z",
      ingest: { source: "feeds/en.xml", at: T1 },
    });
  });

  it("should date an article without a date now, and keep that date on later runs", () => {
    const undated = makeCandidate({ publishedAt: undefined });
    const first = mergeArticles([], [undated], T1).articles;
    expect((first[0] as StoredItem).publishedAt).toBe(T1);
    const second = mergeArticles(first, [undated], T2);
    expect(second.changed).toBe(false);
    expect((second.articles[0] as StoredItem).publishedAt).toBe(T1);
  });

  it("should change nothing when the same article comes again", () => {
    const stored = firstRun();
    const again = mergeArticles(stored, [makeCandidate()], T2);
    expect(again.changed).toBe(false);
    expect(again.outcomes[0]?.status).toBe("unchanged");
    expect(again.articles).toEqual(stored);
  });

  it("should update the fields it still owns when the source changes", () => {
    const stored = firstRun();
    const changedSummary =
      "The SEC approved 11 spot bitcoin ETPs. Trading began on January 11, 2024.";
    const result = mergeArticles(
      stored,
      [
        makeCandidate({
          briefs: {
            en: { title: "SEC approves the first spot bitcoin ETFs", summary: changedSummary },
          },
        }),
      ],
      T2,
    );
    expect(result.outcomes[0]).toMatchObject({ status: "updated", changed: ["briefs.en.summary"] });
    const item = result.articles[0] as StoredItem;
    expect(item.briefs.en?.summary).toBe(changedSummary);
    expect(item.ingest?.at).toBe(T2);
    // The store passed in is untouched.
    expect(stored[0]?.briefs.en?.summary).not.toBe(changedSummary);
  });

  it("should keep what an editor wrote: a summary, a translation, a removed topic", () => {
    const stored = firstRun();
    const edited = structuredClone(stored);
    const item = edited[0] as StoredItem;
    item.briefs.en = {
      title: item.briefs.en?.title ?? "",
      summary: "Editor's own summary of the SEC decision.",
    };
    item.briefs.fr = {
      title: "La SEC autorise les ETF bitcoin",
      summary: "Résumé écrit à la main.",
    };
    item.topics = ["crypto"];
    item.note = "checked by the desk";

    const result = mergeArticles(
      edited,
      [
        makeCandidate({
          topics: ["crypto", "regulation", "fintech"],
          briefs: {
            en: {
              title: "SEC approves spot bitcoin ETFs (updated)",
              summary: "A new ingested summary. It differs.",
            },
            fr: { title: "Traduction automatique", summary: "Traduction automatique du résumé." },
          },
        }),
      ],
      T2,
    );
    const merged = result.articles[0] as StoredItem;
    expect(merged.briefs.en?.summary).toBe("Editor's own summary of the SEC decision.");
    expect(merged.briefs.fr).toEqual({
      title: "La SEC autorise les ETF bitcoin",
      summary: "Résumé écrit à la main.",
    });
    expect(merged.topics).toEqual(["crypto"]);
    expect(merged.note).toBe("checked by the desk");
    // The title was still the pipeline's, so it follows the source.
    expect(merged.briefs.en?.title).toBe("SEC approves spot bitcoin ETFs (updated)");
    expect(result.outcomes[0]).toMatchObject({
      status: "updated",
      changed: ["briefs.en.title"],
      kept: expect.arrayContaining([
        "topics",
        "briefs.en.summary",
        "briefs.fr.title",
        "briefs.fr.summary",
      ]),
    });
  });

  it("should not bring back a field an editor deleted", () => {
    const stored = firstRun(
      makeCandidate({
        briefs: {
          en: { title: "SEC approves the first spot bitcoin ETFs", summary: "One. Two." },
          fr: { title: "La SEC approuve", summary: "Un. Deux." },
        },
      }),
    );
    const edited = structuredClone(stored);
    delete (edited[0] as StoredItem).briefs.fr;
    const result = mergeArticles(
      edited,
      [
        makeCandidate({
          briefs: {
            en: { title: "SEC approves the first spot bitcoin ETFs", summary: "One. Two." },
            fr: { title: "La SEC approuve", summary: "Un. Deux." },
          },
        }),
      ],
      T2,
    );
    expect((result.articles[0] as StoredItem).briefs.fr).toBeUndefined();
    expect(result.changed).toBe(false);
  });

  it("should find an article again by its key when the headline, and so the slug, changed", () => {
    const stored = firstRun();
    const renamed = makeCandidate({ id: "sec-clears-bitcoin-funds-abc123" });
    const result = mergeArticles(stored, [renamed], T2);
    expect(result.articles).toHaveLength(1);
    expect(result.outcomes[0]?.id).toBe("sec-approves-spot-bitcoin-etfs-abc123");
  });

  it("should recognise an article an editor wrote by hand by its URL, and leave it as is", () => {
    const handWritten = {
      id: "sec-spot-bitcoin-etps-2024",
      url: "http://www.techfinance.example.com/2024/01/10/sec-approves-spot-bitcoin-etfs/",
      source: "SEC",
      publishedAt: "2024-01-10T21:00:00Z",
      topics: ["crypto"],
      briefs: { en: { title: "Hand title", summary: "Hand summary." } },
    };
    const result = mergeArticles([handWritten], [makeCandidate()], T2);
    expect(result.articles).toEqual([handWritten]);
    expect(result.outcomes[0]).toMatchObject({
      status: "unchanged",
      handWritten: true,
      matchedBy: "url",
    });
  });

  it("should match a pasted text without URL to a stored article with nearly the same headline", () => {
    const stored = [
      {
        id: "tencent-70bn-fintech-2020",
        url: "https://example.com/tencent",
        source: "Example",
        publishedAt: "2020-05-27T08:00:00Z",
        topics: ["fintech"],
        briefs: {
          fr: {
            title:
              "Tencent va investir 70 milliards de dollars dans la fintech, la blockchain et l’IA",
            summary: "Résumé.",
          },
        },
      },
    ];
    const pasted = makeCandidate({
      id: "tencent-70-milliards-dollars-investit-fintech-3d7151",
      key: "3d7151",
      url: "https://duckduckgo.com/?q=Tencent",
      hasOwnUrl: false,
      language: "fr",
      briefs: {
        fr: {
          title:
            "Tencent – 70 milliards de dollars investit dans la Fintech, la blockchain et l’IA",
          summary: "Autre résumé. Deux.",
        },
      },
    });
    expect(mergeArticles(stored, [pasted], T2).outcomes[0]).toMatchObject({
      status: "unchanged",
      matchedBy: "title",
    });
    const unrelated = makeCandidate({
      ...pasted,
      briefs: {
        fr: { title: "Alibaba ouvre un centre de données en France", summary: "Un. Deux." },
      },
    });
    expect(mergeArticles(stored, [unrelated], T2).outcomes[0]?.status).toBe("added");
  });

  it("should leave alone a stored item that is invalid (an editor is mid-edit)", () => {
    const stored = firstRun();
    const broken = structuredClone(stored);
    (broken[0] as StoredItem).topics = [];
    const result = mergeArticles(
      broken,
      [makeCandidate({ topics: ["crypto"], publishedAt: "2024-01-11T00:00:00.000Z" })],
      T2,
      { invalid: new Set([0]) },
    );
    expect(result.changed).toBe(false);
    expect(result.articles).toEqual(broken);
    expect(result.outcomes[0]).toMatchObject({
      status: "skipped",
      reason: expect.stringContaining("invalid"),
    });
  });

  it("should skip the second copy of an article given twice in one run", () => {
    const result = mergeArticles([], [makeCandidate(), makeCandidate({ label: "page.html" })], T1);
    expect(result.articles).toHaveLength(1);
    expect(result.outcomes[1]).toMatchObject({
      status: "skipped",
      reason: expect.stringContaining("same article as"),
    });
  });
});

describe("wantsTranslation", () => {
  it("should translate a new article, and an article whose other language is missing", () => {
    expect(wantsTranslation([], makeCandidate())).toBe(true);
    expect(wantsTranslation(firstRun(), makeCandidate())).toBe(true);
  });

  it("should not translate over an editor's translation or one they deleted", () => {
    const withFr = firstRun(
      makeCandidate({
        briefs: {
          en: { title: "SEC approves the first spot bitcoin ETFs", summary: "One. Two." },
          fr: { title: "Machine", summary: "Machine." },
        },
      }),
    );
    const edited = structuredClone(withFr);
    (edited[0] as StoredItem).briefs.fr = { title: "Machine", summary: "Écrit par la rédaction." };
    const candidate = makeCandidate({
      briefs: { en: { title: "SEC approves the first spot bitcoin ETFs", summary: "One. Two." } },
    });
    expect(wantsTranslation(edited, candidate)).toBe(false);
    const deleted = structuredClone(withFr);
    delete (deleted[0] as StoredItem).briefs.fr;
    expect(wantsTranslation(deleted, candidate)).toBe(false);
  });

  it("should translate again only when the source text changed since the last translation", () => {
    const brief = { title: "SEC approves the first spot bitcoin ETFs", summary: "One. Two." };
    const stored = firstRun(
      makeCandidate({ briefs: { en: brief, fr: { title: "Machine", summary: "Machine." } } }),
    );
    expect(wantsTranslation(stored, makeCandidate({ briefs: { en: brief } }))).toBe(false);
    expect(
      wantsTranslation(
        stored,
        makeCandidate({ briefs: { en: { ...brief, summary: "One. Two. Three." } } }),
      ),
    ).toBe(true);
  });
});
