import { type RunnerHandle, run } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
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
import { createPushService } from "./push/push-service.js";
import { createJsonReaderStore } from "./readers/json-reader-store.js";
import { createHealthHandler, HEALTH_PATH } from "./server/health.js";
import { type HttpServer, startHttpServer } from "./server/http-server.js";
import { createTopicMatcher } from "./topics/aliases.js";

export interface AppOptions {
  logger: Logger;
  clock: Clock;
  /** Folder of locales/<locale>/*.ftl. */
  localesDir: string;
  /** Skip the getMe round trip (tests, demo, benchmarks). */
  botInfo?: UserFromGetMe;
}

export interface App {
  deps: BotDeps;
  bot: ReturnType<typeof createBot>;
  /** Starts receiving updates (polling or webhook) and the push schedule. */
  start(): Promise<void>;
  /** Stops taking updates, lets handlers in flight finish, flushes state. Idempotent. */
  stop(): Promise<void>;
}

// Updates the bot handles; my_chat_member tells it when a reader blocks it.
const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

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
  const push = await createPushService({ config, logger, clock, i18n, briefs, articles, readers });
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
  };

  const inFlight = createInFlightTracker<Context>();
  const bot = createBot(deps, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    before: [inFlight.middleware],
  });

  let runner: RunnerHandle | undefined;
  let webhookServer: HttpServer | undefined;
  let healthServer: HttpServer | undefined;
  let stopping: Promise<void> | undefined;
  const health = createHealthHandler(() => ({
    ok: stopping === undefined && (config.mode.kind === "webhook" || runner?.isRunning() === true),
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
    await registerMenus(bot.api, translate).catch((error: unknown) =>
      logger.warn({ err: error }, "command menu not registered; commands still work"),
    );
    if (config.mode.kind === "webhook") {
      const mode = config.mode;
      const path = new URL(mode.url).pathname;
      const callback = webhookCallback(bot, "http", { secretToken: mode.secret });
      webhookServer = await startHttpServer(
        [
          health,
          async (request, response) => {
            if (request.method !== "POST" || request.url !== path) return false;
            await callback(request, response);
            return true;
          },
        ],
        { host: mode.host, port: mode.port },
      );
      await bot.api.setWebhook(mode.url, {
        secret_token: mode.secret,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      logger.info({ port: webhookServer.port, path }, "webhook mode: listening");
    } else {
      await bot.api.deleteWebhook();
      // The runner would print each getUpdates failure, request URL and token included,
      // with console.error; it stays silent and the redacting logger says it instead.
      bot.api.config.use(async (call, method, payload, signal) => {
        try {
          return await call(method, payload, signal);
        } catch (error) {
          if (method === "getUpdates" && !signal?.aborted) {
            logger.warn({ problem: (error as Error).message }, "could not fetch updates; retrying");
          }
          throw error;
        }
      });
      runner = run(bot, {
        runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true },
      });
      logger.info({ username: bot.botInfo.username }, "polling for updates");
    }
    if (config.healthPort !== undefined && !sharesWebhookPort(config)) {
      healthServer = await startHttpServer([health], {
        host: config.healthHost,
        port: config.healthPort,
      });
      logger.info({ port: healthServer.port, path: HEALTH_PATH }, "health endpoint listening");
    }
    // Pushes start once commands are answered: a reader's /stop during the first run counts.
    push.start();
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      starting.abort();
      if (runner?.isRunning()) await runner.stop();
      await webhookServer?.close();
      await healthServer?.close();
      await inFlight.drain();
      // After the handlers: a /settings change in flight is part of what the push saves.
      await push.stop();
      articles.close();
      await readers.flush();
      logger.info("stopped");
    })();
    return stopping;
  }

  return { deps, bot, start, stop };
}

/** In webhook mode the webhook server answers /healthz too; a second server only on another port. */
function sharesWebhookPort(config: Config): boolean {
  return config.mode.kind === "webhook" && config.mode.port === config.healthPort;
}
