import { performance } from "node:perf_hooks";
import type { Api } from "grammy";
import type { ArticleStore } from "../articles/article-store.js";
import type { JsonArticleLedger } from "../articles/json-article-ledger.js";
import { type BriefRenderer, createBriefRenderer, type Translator } from "../briefs/render.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { dataLayoutOf } from "../data-layout.js";
import type { Logger } from "../logger.js";
import type { ReaderStore } from "../readers/reader-store.js";
import { type BroadcastTuning, DEFAULT_BROADCAST_TUNING, runBroadcast } from "./broadcast.js";
import type { PushStatsRecorder } from "./json-push-stats.js";
import { planPushes } from "./plan.js";
import { openProgressJournal, type ProgressJournal } from "./progress-journal.js";

export interface PushDeps {
  config: Pick<Config, "push" | "dataDir">;
  logger: Logger;
  /** Every "now" decision (new items, quiet hours, digests); pacing uses real timers. */
  clock: Clock;
  /** An Api without auto-retry: the push engine owns its retry policy (see createPushApi). */
  api: Api;
  /** The I18n instance, used outside any update: i18n.t(locale, key, variables). */
  i18n: Translator;
  /**
   * Instant pushes are exactly the briefs /latest shows: the app passes its renderer so
   * both share one cache; by default the runner keeps its own for its lifetime.
   */
  briefs?: BriefRenderer;
  articles: ArticleStore;
  readers: ReaderStore;
  ledger: JsonArticleLedger;
  stats: PushStatsRecorder;
  /** Aborting it stops the current run cleanly (sends in flight finish and are recorded). */
  signal?: AbortSignal;
  /** Retry and concurrency knobs; tests shorten the backoff. */
  tuning?: Partial<Omit<BroadcastTuning, "perSecond" | "perChatPerSecond">>;
}

export interface PushReport {
  startedAt: string;
  durationMs: number;
  /** Items that were new to the bot at this run. */
  newItems: number;
  /** Readers who got (or were due) something this run. */
  readers: number;
  sent: number;
  failed: number;
  deactivated: number;
  /** Items held by quiet hours or waiting for a digest. */
  waiting: number;
  /** Messages per second over the run. */
  rate: number;
  aborted: boolean;
}

export interface PushRunner {
  /** One push run; a call while a run is going is skipped, never queued. */
  run(): Promise<PushReport | { skipped: true }>;
  readonly running: boolean;
  /** Stops the current run (if any) cleanly and resolves when it has ended. */
  stop(): Promise<void>;
}

// Stats are counted in memory; saving now and then bounds what a crash loses.
const STATS_SAVE_INTERVAL_MS = 5_000;

export function createPushRunner(deps: PushDeps): PushRunner {
  const { logger, clock, stats } = deps;
  const briefs = deps.briefs ?? createBriefRenderer(deps.i18n);
  let current: Promise<PushReport> | undefined;
  let controller: AbortController | undefined;

  async function execute(signal: AbortSignal): Promise<PushReport> {
    const journal = await openProgressJournal(dataLayoutOf(deps.config.dataDir).pushProgress);
    try {
      // Progress a crashed run left in the journal goes into the reader store first.
      await journal.settle(deps.readers);
      return await broadcastOnce(journal, signal);
    } finally {
      await journal.settle(deps.readers);
      await journal.close();
    }
  }

  async function broadcastOnce(journal: ProgressJournal, signal: AbortSignal): Promise<PushReport> {
    const startedAt = clock.now();
    const started = performance.now();
    const newItems = await deps.ledger.sync(deps.articles.list(), startedAt);
    const plan = planPushes({
      readers: deps.readers.all(),
      articles: deps.articles,
      ledger: deps.ledger,
      now: startedAt,
    });
    const sending = plan.readers.filter((reader) => reader.kind !== "advance").length;
    if (sending > 0 || newItems > 0) {
      logger.info({ newItems, readers: sending, waiting: plan.waiting }, "push run started");
    }

    const saver = setInterval(() => {
      stats
        .save(clock.now())
        .catch((error: unknown) => logger.warn({ err: error }, "saving push stats failed"));
    }, STATS_SAVE_INTERVAL_MS);
    let result: Awaited<ReturnType<typeof runBroadcast>>;
    try {
      result = await runBroadcast(
        plan.readers,
        { ...deps, briefs, journal },
        {
          ...DEFAULT_BROADCAST_TUNING,
          ...deps.tuning,
          perSecond: deps.config.push.maxPerSecond,
          perChatPerSecond: deps.config.push.maxPerChatPerSecond,
        },
        signal,
      );
      // Cursors into the reader store before the run counts as done.
      await journal.settle(deps.readers);
    } finally {
      clearInterval(saver);
    }

    const durationMs = performance.now() - started;
    const messages = result.sent + result.failed;
    const rate = durationMs > 0 ? (result.sent * 1000) / durationMs : 0;
    const report: PushReport = {
      startedAt: startedAt.toISOString(),
      durationMs,
      newItems,
      readers: sending,
      waiting: plan.waiting,
      rate,
      ...result,
    };
    // An idle run (nothing to send) would hide the last real one from /stats.
    if (messages > 0) {
      stats.recordRun({
        startedAt: report.startedAt,
        durationMs,
        sent: result.sent,
        failed: result.failed,
        rate,
      });
    }
    await stats.save(clock.now());
    if (messages > 0 || result.aborted) {
      logger.info(
        {
          sent: result.sent,
          failed: result.failed,
          deactivated: result.deactivated,
          durationMs: Math.round(durationMs),
          rate: Math.round(rate * 10) / 10,
          aborted: result.aborted,
        },
        "push run finished",
      );
    }
    return report;
  }

  return {
    get running() {
      return current !== undefined;
    },
    async run() {
      if (current !== undefined) {
        logger.info("previous push run still going; this one is skipped");
        return { skipped: true };
      }
      controller = new AbortController();
      const signals = deps.signal ? [controller.signal, deps.signal] : [controller.signal];
      current = execute(AbortSignal.any(signals));
      try {
        return await current;
      } finally {
        current = undefined;
        controller = undefined;
      }
    },
    async stop() {
      controller?.abort();
      await current?.catch(() => undefined);
    },
  };
}
