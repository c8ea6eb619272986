import { describe, expect, it } from "vitest";
import type { ArticleLedger, LedgerEntry } from "../../src/articles/article-ledger.js";
import type { ArticleStore } from "../../src/articles/article-store.js";
import type { Article } from "../../src/articles/schema.js";
import { isPushFor, LAZY_ADVANCE_MIN_ITEMS, planPushes } from "../../src/push/plan.js";
import { createReader, type DeliverySettings, type Reader } from "../../src/readers/reader.js";
import type { TopicId } from "../../src/topics/catalog.js";
import { makeArticle } from "./push-harness.js";

const SUBSCRIBED = "2026-11-01T00:00:00.000Z";
const SEEN = "2026-11-02T00:00:00.000Z";
const NOW = new Date("2026-11-28T12:00:00Z");

/** Articles in ledger order: item i has seq i + 1. */
function stores(
  articles: Article[],
  seenAt = SEEN,
): { articles: ArticleStore; ledger: ArticleLedger } {
  const entries = new Map<string, LedgerEntry>(
    articles.map((article, index) => [article.id, { seq: index + 1, firstSeenAt: seenAt }]),
  );
  return {
    articles: {
      list: () => articles,
      get: (id) => articles.find((article) => article.id === id),
      onChange: () => () => undefined,
    },
    ledger: { entry: (id) => entries.get(id), maxSeq: () => articles.length },
  };
}

function reader(
  chatId: number,
  topics: TopicId[],
  delivery: Partial<DeliverySettings> = {},
): Reader {
  const base = createReader(chatId, "en", new Date(SUBSCRIBED), 0);
  return {
    ...base,
    topics: Object.fromEntries(topics.map((topic) => [topic, SUBSCRIBED])),
    delivery: { ...base.delivery, ...delivery },
  };
}

const irrelevant = (count: number) =>
  Array.from({ length: count }, (_, index) => makeArticle(`other-${index}`, ["iot"]));

describe("planPushes", () => {
  it("should list each matching item once, in ledger order, and skip inactive readers", () => {
    const { articles, ledger } = stores([
      makeArticle("a", ["ai", "cloud"]),
      makeArticle("b", ["iot"]),
      makeArticle("c", ["cloud"]),
    ]);
    const plan = planPushes({
      readers: [reader(1, ["ai", "cloud"]), { ...reader(2, ["ai"]), active: false }],
      articles,
      ledger,
      now: NOW,
    });
    expect(plan.readers).toHaveLength(1);
    const [only] = plan.readers;
    expect(only?.kind).toBe("instant");
    expect(
      only?.kind === "instant" && only.items.map((item) => [item.article.id, item.seq]),
    ).toEqual([
      ["a", 1],
      ["c", 3],
    ]);
    expect(only?.finalCursor).toBe(3);
  });

  it("should not plan items first seen before the subscription", () => {
    const { articles, ledger } = stores([makeArticle("a", ["ai"])], "2026-10-01T00:00:00.000Z");
    expect(
      planPushes({ readers: [reader(1, ["ai"])], articles, ledger, now: NOW }).readers,
    ).toEqual([]);
  });

  it("should move the cursor over a long run of items the reader does not follow, not a short one", () => {
    const short = stores(irrelevant(LAZY_ADVANCE_MIN_ITEMS - 1));
    expect(planPushes({ readers: [reader(1, ["ai"])], ...short, now: NOW }).readers).toEqual([]);

    const long = stores(irrelevant(LAZY_ADVANCE_MIN_ITEMS));
    expect(planPushes({ readers: [reader(1, ["ai"])], ...long, now: NOW }).readers).toEqual([
      { kind: "advance", chatId: 1, finalCursor: LAZY_ADVANCE_MIN_ITEMS },
    ]);
  });

  it("should never move a waiting reader's cursor past an item they still owe", () => {
    const { articles, ledger } = stores([
      ...irrelevant(60),
      makeArticle("owed", ["ai"]),
      ...irrelevant(5),
    ]);
    const quiet = reader(1, ["ai"], { quietHours: { start: 11 * 60, end: 13 * 60 } });
    const plan = planPushes({ readers: [quiet], articles, ledger, now: NOW });
    expect(plan.readers).toEqual([{ kind: "advance", chatId: 1, finalCursor: 60 }]);
    expect(plan.waiting).toBe(1);
  });

  it("should plan a due digest even without items, so the day counts as served", () => {
    const { articles, ledger } = stores([]);
    const digest = reader(1, ["ai"], { mode: "digest", digestHour: 9 });
    expect(planPushes({ readers: [digest], articles, ledger, now: NOW }).readers).toEqual([
      { kind: "digest", chatId: 1, items: [], finalCursor: 0, localDate: "2026-11-28" },
    ]);
  });
});

describe("planPushes with watched and muted terms", () => {
  const titled = (id: string, title: string, topics: TopicId[] = ["iot"]) =>
    makeArticle(id, topics, { briefs: { en: { title, summary: "Details follow." } } });
  const itemIds = (plan: ReturnType<typeof planPushes>, chatId: number) => {
    const found = plan.readers.find((entry) => entry.chatId === chatId);
    return found && found.kind !== "advance" ? found.items.map((item) => item.article.id) : [];
  };

  it("should bring items that mention a watched term, once, only if first seen after the watch", () => {
    const { articles, ledger } = stores([
      titled("h100", "Nvidia ships the H100"),
      titled("other", "Arm files for an IPO"),
    ]);
    const watcher = { ...reader(1, []), watch: { nvidia: SUBSCRIBED } };
    const late = { ...reader(2, []), watch: { nvidia: "2026-11-05T00:00:00.000Z" } };
    const plan = planPushes({ readers: [watcher, late], articles, ledger, now: NOW });
    expect(itemIds(plan, 1)).toEqual(["h100"]);
    expect(itemIds(plan, 2)).toEqual([]);

    // Once each: with the cursor past it, the next plan has nothing for the watcher.
    const after = planPushes({
      readers: [{ ...watcher, cursor: 2 }],
      articles,
      ledger,
      now: NOW,
    });
    expect(after.readers).toEqual([]);
  });

  it("should let a mute beat both a topic and a watch", () => {
    const { articles, ledger } = stores([
      titled("doge", "Dogecoin memecoin rallies", ["crypto"]),
      titled("btc", "Bitcoin ETF approved", ["crypto"]),
    ]);
    const muter = {
      ...reader(1, ["crypto"]),
      watch: { dogecoin: SUBSCRIBED },
      mute: { memecoin: SUBSCRIBED },
    };
    const plan = planPushes({ readers: [muter], articles, ledger, now: NOW });
    expect(itemIds(plan, 1)).toEqual(["btc"]);
  });

  it("should leave out every item of a muted source", () => {
    const { articles, ledger } = stores([titled("a", "Cloud prices fall", ["cloud"])]);
    // makeArticle's source is "Example News".
    const muter = { ...reader(1, ["cloud"]), mute: { "source:example news": SUBSCRIBED } };
    expect(planPushes({ readers: [muter], articles, ledger, now: NOW }).readers).toEqual([]);
    expect(
      itemIds(planPushes({ readers: [reader(2, ["cloud"])], articles, ledger, now: NOW }), 2),
    ).toEqual(["a"]);
  });

  it("should agree with the send-time check for every reader", () => {
    const list = [
      titled("a", "Nvidia and TSMC expand packaging capacity", ["ai"]),
      titled("b", "Memecoins slump as bitcoin steadies", ["crypto"]),
    ];
    const { articles, ledger } = stores(list);
    const readers: Reader[] = [
      { ...reader(1, ["ai"]), mute: { tsmc: SUBSCRIBED } },
      { ...reader(2, []), watch: { $btc: SUBSCRIBED } },
      { ...reader(3, ["crypto"]), watch: { $tsm: SUBSCRIBED }, mute: { memecoin: SUBSCRIBED } },
    ];
    const plan = planPushes({ readers, articles, ledger, now: NOW });
    for (const one of readers) {
      const expected = list
        .filter((article) => isPushFor(one, article, ledger.entry(article.id) as LedgerEntry))
        .map((article) => article.id);
      expect(itemIds(plan, one.chatId)).toEqual(expected);
    }
    expect(itemIds(plan, 2)).toEqual(["b"]);
    expect(itemIds(plan, 3)).toEqual(["a"]);
  });
});
