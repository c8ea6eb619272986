/**
 * Synthetic benchmark data: articles that pass src/articles/schema.ts and readers in
 * the reader model, written through the stores' own code so the files are exactly
 * what the bot writes. Everything goes to a temporary folder, never into data/.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UserFromGetMe } from "grammy/types";
import { emulatedBotInfo } from "../dev/emulator/index.js";
import { createJsonArticleLedger } from "../src/articles/json-article-ledger.js";
import type { Article } from "../src/articles/schema.js";
import { dataLayoutOf } from "../src/data-layout.js";
import type { Locale } from "../src/locales.js";
import { createJsonReaderStore } from "../src/readers/json-reader-store.js";
import { DEFAULT_DELIVERY, type Reader } from "../src/readers/reader.js";
import { TOPIC_IDS, type TopicId } from "../src/topics/catalog.js";

/** Right shape for grammY and the emulator; only ever sent to emulators on 127.0.0.1. */
export const BENCH_TOKEN = "7654321:AAH-benchmark-token-for-loopback-only";
export const BENCH_BOT_USERNAME = "briefbot_bench_bot";

/** What the emulator's getMe says; given to the bots so they skip that round trip. */
export const BENCH_BOT_INFO: UserFromGetMe = emulatedBotInfo(BENCH_TOKEN, {
  botUsername: BENCH_BOT_USERNAME,
  botFirstName: "Briefbot bench",
});

/** Articles and subscriptions predate every run, so new items are newer than any subscription. */
const DATA_EPOCH_MS = Date.parse("2026-01-01T00:00:00.000Z");
const MINUTE_MS = 60_000;
// A brief of this size keeps a /latest page of five in one Telegram message.
const SUMMARY_SENTENCES = 4;

/** The folder one benchmark works in; remove() deletes it. */
export interface BenchDir {
  path: string;
  remove(): Promise<void>;
}

export async function createBenchDir(label: string): Promise<BenchDir> {
  const path = await mkdtemp(join(tmpdir(), `briefbot-bench-${label}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export function topicOf(index: number): TopicId {
  return TOPIC_IDS[index % TOPIC_IDS.length] as TopicId;
}

function summary(index: number, language: "en" | "fr"): string {
  const sentence =
    language === "en"
      ? `Synthetic benchmark item ${index} describes a made-up event for load testing only.`
      : `L'élément de test ${index} décrit un événement inventé, pour les mesures de charge.`;
  return Array.from({ length: SUMMARY_SENTENCES }, () => sentence).join(" ");
}

/**
 * `count` articles numbered from `first`, newest first, one topic each in turn.
 * Titles carry `BENCH-<n>` so a delivered message says which item it is.
 */
export function createSyntheticArticles(count: number, first = 0): Article[] {
  return Array.from({ length: count }, (_, offset) => {
    const index = first + offset;
    return {
      id: `bench-${index}`,
      url: `https://bench.invalid/articles/${index}`,
      source: "Synthetic benchmark data",
      publishedAt: new Date(DATA_EPOCH_MS - offset * MINUTE_MS).toISOString(),
      topics: [topicOf(index)],
      briefs: {
        en: { title: `BENCH-${index} synthetic headline`, summary: summary(index, "en") },
        fr: { title: `BENCH-${index} titre synthétique`, summary: summary(index, "fr") },
      },
    };
  });
}

/** The item number a message's text names (see createSyntheticArticles), if any. */
export function benchItemOf(text: string): number | undefined {
  const match = /BENCH-(\d+)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

export async function writeArticleFile(path: string, articles: readonly Article[]): Promise<void> {
  await writeFile(path, JSON.stringify({ articles }, null, 2));
}

export interface SyntheticReaderOptions {
  firstChatId: number;
  /** Topics each reader follows, from its index. */
  topicsOf: (index: number) => readonly TopicId[];
  /** Highest article sequence number already given to readers. */
  cursor: number;
}

export function createSyntheticReader(index: number, options: SyntheticReaderOptions): Reader {
  const since = new Date(DATA_EPOCH_MS).toISOString();
  const locale: Locale = index % 3 === 0 ? "fr" : "en";
  return {
    chatId: options.firstChatId + index,
    locale,
    active: true,
    since,
    topics: Object.fromEntries(options.topicsOf(index).map((topic) => [topic, since])),
    delivery: { ...DEFAULT_DELIVERY },
    cursor: options.cursor,
  };
}

/**
 * Writes `count` readers into a reader store folder with `shards` shards, through
 * the store's own update(): all changes in one tick, so each shard is written once.
 */
export async function seedReaderState(
  dir: string,
  count: number,
  shards: number,
  options: SyntheticReaderOptions,
): Promise<void> {
  const store = await createJsonReaderStore({ dir, shards });
  const writes: Promise<unknown>[] = [];
  for (let index = 0; index < count; index += 1) {
    const reader = createSyntheticReader(index, options);
    writes.push(store.update(reader.chatId, () => reader));
  }
  await Promise.all(writes);
  await store.flush();
}

/**
 * Records `articles` as already seen (the ledger's first sync is a baseline), so
 * only articles added later count as new. Returns the highest sequence number.
 */
export async function seedLedger(dataDir: string, articles: readonly Article[]): Promise<number> {
  await mkdir(dataLayoutOf(dataDir).stateDir, { recursive: true });
  const ledger = await createJsonArticleLedger({ path: dataLayoutOf(dataDir).ledger });
  await ledger.sync(articles, new Date(DATA_EPOCH_MS));
  return ledger.maxSeq();
}
