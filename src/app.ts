import type { UserFromGetMe } from "grammy/types";
import { createFileArticleStore, type FileArticleStore } from "./articles/article-store.js";
import { registerMenus } from "./bot/commands.js";
import type { BotDeps, Context } from "./bot/context.js";
import { createBot } from "./bot/index.js";
import { createInFlightTracker } from "./bot/middlewares/in-flight.js";
import { waitForTelegram } from "./bot/wait-for-telegram.js";
import { createBriefRenderer } from "./briefs/render.js";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import { dataLayoutOf } from "./data-layout.js";
import { createI18n } from "./i18n.js";
import { localeFromLanguageCode } from "./locales.js";
import type { Logger } from "./logger.js";
import { createAdminAlerts } from "./newsroom/admin-alerts.js";
import type { DocumentReader } from "./newsroom/document-reader.js";
import { createNewsroom, type Newsroom } from "./newsroom/newsroom-pass.js";
import { createNewsroomScheduler, newsroomUserAgent } from "./newsroom/newsroom-scheduler.js";
import { createDocumentReaderForRuntime } from "./newsroom/parse-pool.js";
import { createPoliteFetcher } from "./newsroom/polite-fetcher.js";
import { createSourcesDesk } from "./newsroom/sources-desk.js";
import { createPushService, type PushService } from "./push/push-service.js";
import { createJsonReaderStore } from "./readers/json-reader-store.js";
import { createHealthHandler, HEALTH_PATH } from "./server/health.js";
import { type HttpServer, startHttpServer } from "./server/http-server.js";
import { startPolling, startWebhook, stopTransport, type Transport } from "./server/transport.js";
import { createOutboundLane, laneLimitsFrom } from "./telegram/outbound-lane.js";
import { createTopicMatcher } from "./topics/aliases.js";

export interface AppOptions {
  logger: Logger;
  clock: Clock;
  /** Folder of locales/<locale>/*.ftl. */
  localesDir: string;
  /** Skip the getMe round trip (tests, demo, benchmarks). */
  botInfo?: UserFromGetMe;
  /** The newsroom's parsing; worker threads when compiled, this thread from src/ (benchmarks compare). */
  documentReader?: DocumentReader;
}

export interface App {
  deps: BotDeps;
  bot: ReturnType<typeof createBot>;
  /** The push engine (tests and benchmarks run a broadcast beside the bot's replies). */
  push: PushService;
  /** Polls sources.json's sources into the store on INGEST_CRON. */
  newsroom: Newsroom;
  /** Starts receiving updates (polling or webhook) and the push schedule. */
  start(): Promise<void>;
  /** Stops taking updates, lets handlers in flight finish, flushes state. Idempotent. */
  stop(): Promise<void>;
}

// Updates the bot handles; my_chat_member tells it when a reader blocks it.
const ALLOWED_UPDATES = [
  "message",
  "edited_message",
  "callback_query",
  "my_chat_member",
  "inline_query",
  // Opt-in on Telegram: without it, no reaction ever reaches the bot.
  "message_reaction",
] as const;
/**
 * A pass may take minutes (slow sites, many teasers): shutdown waits this long for
 * it to write its state, no longer. A pass cut short loses only its own fetches.
 */
const PASS_SHUTDOWN_WAIT_MS = 5000;
/**
 * Shutdown lets handlers in flight send their replies for this long; then the lane
 * closes, and a reply still waiting (a flood wait can last minutes) is dropped, logged,
 * instead of holding the process up to LANE_GIVE_UP_AFTER_MS.
 */
const REPLIES_SHUTDOWN_WAIT_MS = 10_000;
const STOPPING_REASON = "the bot is stopping";

async function settledWithin(settled: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    settled,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

/**
 * Wires the whole bot from a validated config: stores, translations, the bot and
 * its transport. Production (main.ts), the demo and the tests all come through here;
 * only the config (API root, data dir) differs.
 */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger, clock } = options;
  const layout = dataLayoutOf(config.dataDir);
  const i18n = createI18n<Context>(
    options.localesDir,
    (ctx) => ctx.reader?.locale ?? localeFromLanguageCode(ctx.from?.language_code),
  );
  const translate = (locale: string, key: string) => i18n.t(locale, key);
  const briefs = createBriefRenderer(i18n);
  const articles: FileArticleStore = await createFileArticleStore({
    path: layout.articles,
    label: layout.articles,
    logger,
  });
  const readers = await createJsonReaderStore({
    dir: layout.readersDir,
    onProblem: (problem) => logger.warn({ problem }, "reader state corrected on load"),
  });
  // One lane for every message the bot sends: the bot's Api carries replies, the push
  // engine's its pushes (see createPushApi), so both share Telegram's limits.
  const lane = createOutboundLane({
    limits: laneLimitsFrom(config.telegram),
    logger: logger.child({ component: "lane" }),
  });
  const push = await createPushService({
    config,
    logger,
    clock,
    i18n,
    briefs,
    articles,
    readers,
    lane,
  });
  // One fetcher for the newsroom and the admin commands: per-host limits hold across both.
  let botUsername: string | undefined = options.botInfo?.username;
  const fetcher = createPoliteFetcher({
    fetch: globalThis.fetch,
    clock,
    userAgent: () => newsroomUserAgent(botUsername),
  });
  const deps: BotDeps = {
    config,
    logger,
    clock,
    i18n,
    articles,
    briefs,
    readers,
    ledger: push.ledger,
    topics: createTopicMatcher(translate),
    pushStats: push.stats,
    sources: createSourcesDesk({ dataDir: config.dataDir, fetcher, clock }),
  };

  const inFlight = createInFlightTracker<Context>();
  const bot = createBot(deps, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    before: [inFlight.middleware],
  });
  bot.api.config.use(lane.transformer("reply"));
  // Parsing and extraction off the event loop, so commands are answered during a pass.
  const documentReader = options.documentReader ?? createDocumentReaderForRuntime();
  const newsroom = createNewsroom({
    dataDir: config.dataDir,
    fetcher,
    reader: documentReader,
    clock,
    logger,
    alert: createAdminAlerts({
      adminIds: config.adminIds,
      sendMessage: (chatId, text) => bot.api.sendMessage(chatId, text),
      translate: (locale, key, vars) => i18n.t(locale, key, vars),
      localeOf: (adminId) => readers.get(adminId)?.locale,
      timeZone: config.push.timeZone,
    }),
  });
  const ingestCron = config.ingest.cron;
  const newsroomSchedule = ingestCron
    ? createNewsroomScheduler({
        cron: ingestCron,
        timeZone: config.push.timeZone,
        onTick: () => newsroom.runPass(),
        logger,
      })
    : undefined;

  let transport: Transport | undefined;
  let healthServer: HttpServer | undefined;
  let stopping: Promise<void> | undefined;
  const health = createHealthHandler(() => ({
    ok:
      stopping === undefined &&
      (transport?.kind === "webhook" ||
        (transport?.kind === "polling" && transport.runner.isRunning())),
    articles: articles.list().length,
    readers: readers.size(),
  }));

  // Ends a start() still waiting for Telegram when stop() is called.
  const starting = new AbortController();

  async function start(): Promise<void> {
    if (!bot.isInited()) {
      const me = await waitForTelegram(bot.api, { logger, signal: starting.signal });
      if (me === undefined) return; // stopped while waiting
      bot.botInfo = me;
    }
    botUsername = bot.botInfo.username;
    await registerMenus(bot.api, translate).catch((error: unknown) =>
      logger.warn({ err: error }, "command menu not registered; commands still work"),
    );
    const allowedUpdates = ALLOWED_UPDATES;
    transport =
      config.mode.kind === "webhook"
        ? await startWebhook(bot, config.mode, { allowedUpdates, also: [health], logger })
        : await startPolling(bot, { allowedUpdates, logger });
    if (config.healthPort !== undefined && !sharesWebhookPort(config)) {
      healthServer = await startHttpServer([health], {
        host: config.healthHost,
        port: config.healthPort,
      });
      logger.info({ port: healthServer.port, path: HEALTH_PATH }, "health endpoint listening");
    }
    // Pushes start once commands are answered: a reader's /stop during the first run counts.
    push.start();
    newsroomSchedule?.start();
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      starting.abort();
      await stopTransport(transport);
      await healthServer?.close();
      await newsroomSchedule?.stop();
      await settledWithin(inFlight.drain(), REPLIES_SHUTDOWN_WAIT_MS);
      // Nothing more goes out: waiting calls fail now, so the handlers holding them end.
      lane.close(STOPPING_REASON);
      await inFlight.drain();
      // After the handlers: a /settings change in flight is part of what the push saves.
      // Before the pass settles: pushes the closed lane refused must not be retried meanwhile.
      await push.stop();
      await settledWithin(newsroom.settled(), PASS_SHUTDOWN_WAIT_MS);
      await documentReader.close();
      articles.close();
      await readers.flush();
      logger.info("stopped");
    })();
    return stopping;
  }

  return { deps, bot, push, newsroom, start, stop };
}

/** In webhook mode the webhook server answers /healthz too; a second server only on another port. */
function sharesWebhookPort(config: Config): boolean {
  return config.mode.kind === "webhook" && config.mode.port === config.healthPort;
}
