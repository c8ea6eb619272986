import type { ArticleStore } from "../articles/article-store.js";
import {
  createJsonArticleLedger,
  type JsonArticleLedger,
} from "../articles/json-article-ledger.js";
import type { BriefRenderer, Translator } from "../briefs/render.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { dataLayoutOf } from "../data-layout.js";
import { createPushedBriefRecorder } from "../feedback/pushed-briefs.js";
import type { Logger } from "../logger.js";
import type { ReaderStore } from "../readers/reader-store.js";
import type { OutboundLane } from "../telegram/outbound-lane.js";
import { createJsonPushStats, type PushStatsRecorder } from "./json-push-stats.js";
import { createPushApi } from "./push-api.js";
import { createPushRunner, type PushRunner } from "./push-runner.js";
import { createPushScheduler } from "./push-scheduler.js";

export interface PushServiceOptions {
  config: Config;
  logger: Logger;
  clock: Clock;
  i18n: Translator;
  /** The app's brief renderer, shared with /latest. */
  briefs?: BriefRenderer;
  articles: ArticleStore;
  readers: ReaderStore;
  /** The bot's one outbound lane, shared with replies. */
  lane: OutboundLane;
}

/** Scheduled pushes, assembled: what app.ts needs from src/push/. */
export interface PushService {
  /** For BotDeps.ledger (new readers start at its maxSeq). */
  ledger: JsonArticleLedger;
  /** For BotDeps.pushStats (/stats). */
  stats: PushStatsRecorder;
  runner: PushRunner;
  /** Starts the PUSH_CRON schedule. */
  start(): void;
  /** No more ticks; a broadcast in progress stops cleanly (cursors saved). */
  stop(): Promise<void>;
}

/**
 * Opens the push state in <dataDir>/state/ and keeps the ledger in step with the
 * article store: an article is "new" from the moment the store loads it, so a reader
 * who subscribes a minute after it appeared does not get it pushed.
 */
export async function createPushService(options: PushServiceOptions): Promise<PushService> {
  const { config, clock, articles } = options;
  const logger = options.logger.child({ component: "push" });
  const layout = dataLayoutOf(config.dataDir);
  let highestCursor = 0;
  for (const reader of options.readers.all())
    highestCursor = Math.max(highestCursor, reader.cursor);
  const ledger = await createJsonArticleLedger({
    path: layout.ledger,
    floorSeq: highestCursor,
  });
  const stats = await createJsonPushStats({ path: layout.pushStats });
  await ledger.sync(articles.list(), clock.now());
  const stopSyncing = articles.onChange((list) => {
    ledger
      .sync(list, clock.now())
      .catch((error: unknown) => logger.error({ err: error }, "article ledger not saved"));
  });

  // Each delivered brief is noted with its reader, so a reaction on it counts (feedback.ts).
  const recordPushed = createPushedBriefRecorder(options.readers, (error) =>
    logger.error({ err: error }, "pushed message not noted"),
  );
  const runner = createPushRunner({
    config,
    logger,
    clock,
    api: createPushApi(config, options.lane, recordPushed.transformer),
    i18n: options.i18n,
    ...(options.briefs ? { briefs: options.briefs } : {}),
    articles,
    readers: options.readers,
    ledger,
    stats,
  });
  const scheduler = createPushScheduler({
    cron: config.push.cron,
    timeZone: config.push.timeZone,
    onTick: () => runner.run(),
    logger,
  });

  return {
    ledger,
    stats,
    runner,
    start: () => scheduler.start(),
    async stop() {
      stopSyncing();
      await scheduler.stop();
      await runner.stop();
      await recordPushed.flush();
      await stats.save(clock.now());
    },
  };
}
