import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context } from "grammy";
import { createBotApiEmulator } from "../../dev/emulator/index.js";
import type { BotApiEmulator, EmulatorOptions } from "../../dev/emulator/types.js";
import { createFileArticleStore, type FileArticleStore } from "../../src/articles/article-store.js";
import {
  createJsonArticleLedger,
  type JsonArticleLedger,
} from "../../src/articles/json-article-ledger.js";
import type { Article } from "../../src/articles/schema.js";
import { createManualClock } from "../../src/clock.js";
import { createConfig } from "../../src/config.js";
import { createI18n } from "../../src/i18n.js";
import type { Locale } from "../../src/locales.js";
import { createLogger } from "../../src/logger.js";
import { LOCALES_DIR } from "../../src/paths.js";
import { createJsonPushStats, type PushStatsRecorder } from "../../src/push/json-push-stats.js";
import { createPushApi } from "../../src/push/push-api.js";
import { createPushRunner, type PushReport, type PushRunner } from "../../src/push/push-runner.js";
import { createJsonReaderStore } from "../../src/readers/json-reader-store.js";
import { createReader, type DeliverySettings, type Reader } from "../../src/readers/reader.js";
import type { ReaderStore } from "../../src/readers/reader-store.js";
import { createOutboundLane, laneLimitsFrom } from "../../src/telegram/outbound-lane.js";
import type { TopicId } from "../../src/topics/catalog.js";
import { TEST_TOKEN } from "../helpers/test-app.js";

/** Scaled-down Telegram limits: fast tests, same code paths. */
export const TEST_LIMITS = { botWidePerSecond: 300, perChatPerSecond: 30 };

export function makeArticle(
  id: string,
  topics: TopicId[],
  options: { publishedAt?: string; briefs?: Article["briefs"] } = {},
): Article {
  return {
    id,
    url: `https://news.example/${id}`,
    source: "Example News",
    publishedAt: options.publishedAt ?? "2026-11-20T10:00:00Z",
    topics,
    briefs: options.briefs ?? {
      en: { title: `Title ${id}`, summary: `Summary of ${id}.` },
      fr: { title: `Titre ${id}`, summary: `Résumé de ${id}.` },
    },
  };
}

/** One bot process's worth of push state on a data dir (a "restart" builds a new one). */
export interface PushSide {
  articles: FileArticleStore;
  readers: ReaderStore;
  ledger: JsonArticleLedger;
  stats: PushStatsRecorder;
  runner: PushRunner;
  close(): Promise<void>;
}

export interface PushHarness {
  emu: BotApiEmulator;
  dataDir: string;
  clock: ReturnType<typeof createManualClock>;
  logs: string[];
  side: PushSide;
  /** Replaces articles.json and reloads the store (an editor's save). */
  saveArticles(articles: readonly Article[]): Promise<void>;
  /** A reader following `topics` since the clock's now (or `since`). */
  addReader(
    chatId: number,
    topics: TopicId[],
    options?: { locale?: Locale; since?: Date; delivery?: Partial<DeliverySettings> },
  ): Promise<Reader>;
  run(): Promise<PushReport>;
  /** Closes this process's stores and opens new ones on the same dir. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function createPushHarness(
  options: {
    limits?: EmulatorOptions["limits"];
    now?: string;
    articles?: readonly Article[];
    env?: Record<string, string>;
    /** Send to this emulator (left open on close) instead of a new one. */
    emulator?: BotApiEmulator;
  } = {},
): Promise<PushHarness> {
  const emu =
    options.emulator ??
    (await createBotApiEmulator({ token: TEST_TOKEN, limits: options.limits ?? TEST_LIMITS }));
  const dataDir = await mkdtemp(join(tmpdir(), "briefbot-push-"));
  const articlesPath = join(dataDir, "articles.json");
  await writeFile(articlesPath, JSON.stringify({ articles: options.articles ?? [] }));
  const clock = createManualClock(options.now ?? "2026-11-28T09:00:00Z");
  const config = createConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: emu.apiRoot,
    DATA_DIR: dataDir,
    // Scaled-up limits pass the free 30/s only as paid broadcasts; the emulator holds
    // paid sends to the same botWidePerSecond, so the test is as strict.
    TELEGRAM_PAID_BROADCAST: "true",
    TELEGRAM_MAX_PER_SECOND: String(
      options.limits?.botWidePerSecond ?? TEST_LIMITS.botWidePerSecond,
    ),
    PUSH_MAX_PER_CHAT_PER_SECOND: String(
      options.limits?.perChatPerSecond ?? TEST_LIMITS.perChatPerSecond,
    ),
    ...options.env,
  });
  const logs: string[] = [];
  const logger = createLogger({
    level: "info",
    secrets: [TEST_TOKEN],
    write: (line) => logs.push(line),
  });
  const i18n = createI18n<Context>(LOCALES_DIR, () => undefined);
  const lane = createOutboundLane({ limits: laneLimitsFrom(config.telegram), logger });
  const api = createPushApi(config, lane);

  async function openSide(): Promise<PushSide> {
    const articles = await createFileArticleStore({ path: articlesPath, logger, watch: false });
    const readers = await createJsonReaderStore({ dir: join(dataDir, "readers"), shards: 4 });
    const ledger = await createJsonArticleLedger({ path: join(dataDir, "state", "ledger.json") });
    const stats = await createJsonPushStats({ path: join(dataDir, "state", "push-stats.json") });
    // What main.ts does at start-up: the articles already there become the baseline.
    await ledger.sync(articles.list(), clock.now());
    const runner = createPushRunner({
      config,
      logger,
      clock,
      api,
      i18n,
      articles,
      readers,
      ledger,
      stats,
      tuning: { retryBaseMs: 20 },
    });
    return {
      articles,
      readers,
      ledger,
      stats,
      runner,
      async close() {
        await runner.stop();
        articles.close();
        await readers.flush();
      },
    };
  }

  const harness: PushHarness = {
    emu,
    dataDir,
    clock,
    logs,
    side: await openSide(),
    async saveArticles(articles) {
      await writeFile(articlesPath, JSON.stringify({ articles }, null, 2));
      await harness.side.articles.reload();
      await harness.side.ledger.sync(harness.side.articles.list(), clock.now());
    },
    async addReader(chatId, topics, readerOptions = {}) {
      const since = readerOptions.since ?? clock.now();
      const reader: Reader = {
        ...createReader(chatId, readerOptions.locale ?? "en", since, harness.side.ledger.maxSeq()),
        topics: Object.fromEntries(topics.map((topic) => [topic, since.toISOString()])),
      };
      reader.delivery = { ...reader.delivery, ...readerOptions.delivery };
      await harness.side.readers.update(chatId, () => reader);
      return reader;
    },
    async run() {
      const report = await harness.side.runner.run();
      if ("skipped" in report) throw new Error("push run unexpectedly skipped");
      return report;
    },
    async restart() {
      await harness.side.close();
      harness.side = await openSide();
    },
    async close() {
      await harness.side.close();
      if (options.emulator === undefined) await emu.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Texts the bot delivered to a chat, oldest first. */
export function deliveredTexts(emu: BotApiEmulator, chatId: number): string[] {
  return emu.deliveredTo(chatId).map((message) => message.text);
}
