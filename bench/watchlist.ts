/**
 * Benchmark 4: planning a push when every reader has a watchlist. 100,000 readers,
 * each following two topics, watching 10 terms and muting 2 (out of 2,000 distinct
 * terms), and 20 new items among 10,000 stored. Pure planning in this process: the
 * stores are in memory, so the figure is the matching cost alone, beside the same
 * plan for readers without terms (the scale benchmark's plan row).
 */
import { performance } from "node:perf_hooks";
import type { ArticleLedger, LedgerEntry } from "../src/articles/article-ledger.js";
import type { ArticleStore } from "../src/articles/article-store.js";
import type { Article } from "../src/articles/schema.js";
import { planPushes } from "../src/push/plan.js";
import type { Reader } from "../src/readers/reader.js";
import { createSyntheticArticles, createSyntheticReader, topicOf } from "./fixtures.js";
import type { BenchOptions } from "./processes.js";
import { type BenchResult, formatCount, formatMs } from "./report.js";

const TARGET_PLAN_MS = 1000;
const WATCHED_PER_READER = 10;
const MUTED_PER_READER = 2;
const DISTINCT_TERMS = 2000;
/** Runs of each plan; the median is reported, so one burst of other work does not decide it. */
const RUNS = 5;
const WATCHED_SINCE = "2026-01-01T00:00:00.000Z";
const OLD_ITEMS_SEEN = "2026-01-02T00:00:00.000Z";
const NEW_ITEMS_SEEN = "2026-02-01T00:00:00.000Z";

interface Sizes {
  readers: number;
  articles: number;
  newItems: number;
}
const FULL: Sizes = { readers: 100_000, articles: 10_000, newItems: 20 };
const QUICK: Sizes = { readers: 10_000, articles: 1000, newItems: 20 };

// Synthetic names: no real company is said to be in a synthetic headline.
const termOf = (index: number) => `vendor${index % DISTINCT_TERMS}`;

/** New item i names two synthetic vendors, so some readers' watches and mutes hit it. */
function withVendors(article: Article, index: number): Article {
  const names = `${termOf(index * 37)} and ${termOf(index * 53 + 1)}`;
  const en = article.briefs.en;
  return en
    ? { ...article, briefs: { ...article.briefs, en: { ...en, title: `${en.title} on ${names}` } } }
    : article;
}

function createStores(sizes: Sizes): {
  articles: ArticleStore;
  ledger: ArticleLedger;
  cursor: number;
} {
  // Newest first, as the store lists them; the oldest has seq 1.
  const list = createSyntheticArticles(sizes.articles).map((article, index) =>
    index < sizes.newItems ? withVendors(article, index) : article,
  );
  const entries = new Map<string, LedgerEntry>();
  list.forEach((article, index) => {
    entries.set(article.id, {
      seq: sizes.articles - index,
      firstSeenAt: index < sizes.newItems ? NEW_ITEMS_SEEN : OLD_ITEMS_SEEN,
    });
  });
  const byId = new Map(list.map((article) => [article.id, article]));
  return {
    articles: { list: () => list, get: (id) => byId.get(id), onChange: () => () => undefined },
    ledger: { entry: (id) => entries.get(id), maxSeq: () => sizes.articles },
    cursor: sizes.articles - sizes.newItems,
  };
}

function createReaders(sizes: Sizes, cursor: number, withTerms: boolean): Reader[] {
  return Array.from({ length: sizes.readers }, (_, index) => {
    const reader = createSyntheticReader(index, {
      firstChatId: 1,
      topicsOf: (k) => [topicOf(k), topicOf(k + 4)],
      cursor,
    });
    if (!withTerms) return reader;
    const pick = (count: number, offset: number) =>
      Object.fromEntries(
        Array.from({ length: count }, (_, j) => [
          termOf(index * 7 + j * 131 + offset),
          WATCHED_SINCE,
        ]),
      );
    return { ...reader, watch: pick(WATCHED_PER_READER, 0), mute: pick(MUTED_PER_READER, 977) };
  });
}

interface PlanRun {
  medianMs: number;
  pushes: number;
}

function timePlans(readers: readonly Reader[], stores: ReturnType<typeof createStores>): PlanRun {
  const times: number[] = [];
  let pushes = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const plan = planPushes({
      readers,
      articles: stores.articles,
      ledger: stores.ledger,
      now: new Date(NEW_ITEMS_SEEN),
    });
    times.push(performance.now() - started);
    pushes = 0;
    for (const entry of plan.readers) if (entry.kind !== "advance") pushes += entry.items.length;
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(RUNS / 2)] as number, pushes };
}

export async function runWatchlistBench(options: BenchOptions): Promise<BenchResult> {
  const sizes = options.quick ? QUICK : FULL;
  const stores = createStores(sizes);
  const plain = timePlans(createReaders(sizes, stores.cursor, false), stores);
  const watching = timePlans(createReaders(sizes, stores.cursor, true), stores);
  const failures: string[] = [];
  // Watches only add pushes (2 topics of 9 leave most items to them); fewer means matching broke.
  if (watching.pushes <= plain.pushes) {
    failures.push(`watches added no pushes (${watching.pushes} vs ${plain.pushes} without terms)`);
  }
  return {
    title: "4. Watchlists in the push plan",
    setup: `${formatCount(sizes.readers)} readers (2 topics, ${WATCHED_PER_READER} watched and ${MUTED_PER_READER} muted terms each, ${formatCount(DISTINCT_TERMS)} distinct terms), ${formatCount(sizes.newItems)} new items among ${formatCount(sizes.articles)} stored; planPushes in memory, median of ${RUNS} runs.`,
    rows: [
      {
        metric: "Plan with watchlists",
        value: formatMs(watching.medianMs),
        target: `< ${formatMs(TARGET_PLAN_MS)}`,
        met: watching.medianMs < TARGET_PLAN_MS,
      },
      { metric: "Same plan, readers without terms", value: formatMs(plain.medianMs) },
      {
        metric: "Pushes planned with / without terms",
        value: `${formatCount(watching.pushes)} / ${formatCount(plain.pushes)}`,
      },
    ],
    failures,
  };
}
