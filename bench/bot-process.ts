/**
 * Benchmark child process: the bot under test, alone in its process so that its
 * start-up time and memory are its own. It runs Briefbot as production wires it
 * (createApp), a bare grammY bot, a push run, or the reader store on its own.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { Bot } from "grammy";
import { type App, createApp } from "../src/app.js";
import { createFileArticleStore } from "../src/articles/article-store.js";
import { systemClock } from "../src/clock.js";
import { type Config, createConfig, type LogLevel } from "../src/config.js";
import { dataLayoutOf } from "../src/data-layout.js";
import { createI18n } from "../src/i18n.js";
import { createLogger, type Logger } from "../src/logger.js";
import { LOCALES_DIR } from "../src/paths.js";
import { planPushes } from "../src/push/plan.js";
import type { PushReport } from "../src/push/push-runner.js";
import { createPushService } from "../src/push/push-service.js";
import { createJsonReaderStore } from "../src/readers/json-reader-store.js";
import { createOutboundLane, laneLimitsFrom } from "../src/telegram/outbound-lane.js";
import { serveParent } from "./child.js";
import { BENCH_BOT_INFO, BENCH_TOKEN } from "./fixtures.js";
import { percentile } from "./report.js";

export interface MemorySample {
  /** CPU time (user + system) this process has used so far. */
  cpuMs: number;
  rssBytes: number;
  /** Peak resident set of this process so far. */
  maxRssBytes: number;
  heapUsedBytes: number;
}

export interface StartResult {
  /** From just before wiring the bot to it taking updates. */
  startupMs: number;
  /** Process age when ready: adds Node's own start and loading the code through tsx. */
  processReadyMs: number;
  memory: MemorySample;
}

export interface PlanTiming {
  planMs: number;
  readersPlanned: number;
  pushesPlanned: number;
}

export interface StoreProbe {
  /** Loading and validating articles.json alone. */
  articlesLoadMs: number;
  /** Loading every reader file alone. */
  readersLoadMs: number;
  changes: number;
  /** write(2) bytes of this process per change (/proc/self/io wchar); NaN off Linux. */
  bytesPerChange: number;
  p50Ms: number;
  p99Ms: number;
}

export interface PushRunResult {
  report: PushReport;
  /** CPU time (user + system) of this process during the run. */
  cpuMs: number;
  memory: MemorySample;
  /** Warnings and errors the bot logged (each is a line in its log). */
  warnings: number;
  firstProblems: string[];
}

export interface BotEnv {
  apiRoot: string;
  dataDir: string;
  /** Extra configuration variables (push limits). */
  env?: Record<string, string>;
  /**
   * Lift the outbound lane's Telegram limits (30/s, 1/s per chat), which no config may:
   * for benchmarks of the bot's own cost per command, against a bare bot that has none.
   * Telegram's limits are measured by the mixed-traffic benchmark instead.
   */
  unpaced?: boolean;
}

const UNPACED_PER_SECOND = 1_000_000;

export type BotProcessApi = {
  startBriefbot(params: BotEnv): Promise<StartResult>;
  startBareBot(params: { apiRoot: string }): Promise<StartResult>;
  memory(params: Record<string, never>): Promise<MemorySample>;
  /** The work a push run does before its first send, on the running bot's stores. */
  timePlan(params: Record<string, never>): Promise<PlanTiming>;
  /** Loads the stores alone, then makes sequential durable changes (no bot, no sockets). */
  probeStore(params: { dataDir: string; chatIds: readonly number[] }): Promise<StoreProbe>;
  runPush(params: BotEnv): Promise<PushRunResult>;
  /** A push run inside the running Briefbot, sharing its outbound lane with the replies. */
  runAppPush(params: Record<string, never>): Promise<PushReport>;
  stop(params: Record<string, never>): Promise<MemorySample>;
};

const KEPT_PROBLEMS = 3;
/** Production logs every update at info; benchmarks keep warnings and errors only. */
const BENCH_LOG_LEVEL: LogLevel = "warn";

function sampleMemory(): MemorySample {
  const usage = process.memoryUsage();
  const cpu = process.cpuUsage();
  return {
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssBytes: usage.rss,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: usage.heapUsed,
  };
}

/** Bytes this process has passed to write(2) so far, or NaN where /proc is absent. */
function writtenBytes(): number {
  try {
    const match = /^wchar:\s*(\d+)$/m.exec(readFileSync("/proc/self/io", "utf8"));
    return match ? Number(match[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** A logger that counts warnings and keeps the first few, instead of printing thousands. */
function createCountingLogger() {
  const problems: string[] = [];
  let lines = 0;
  const logger: Logger = createLogger({
    level: BENCH_LOG_LEVEL,
    secrets: [BENCH_TOKEN],
    write: (line) => {
      lines += 1;
      if (problems.length < KEPT_PROBLEMS) problems.push(line.trim());
    },
  });
  return { logger, count: () => lines, problems };
}

function benchConfig({ apiRoot, dataDir, env, unpaced }: BotEnv): Config {
  const config = createConfig({
    BOT_TOKEN: BENCH_TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    DATA_DIR: dataDir,
    LOG_LEVEL: BENCH_LOG_LEVEL,
    ...env,
  });
  if (!unpaced) return config;
  const telegram = {
    ...config.telegram,
    maxPerSecond: UNPACED_PER_SECOND,
    maxPerChatPerSecond: UNPACED_PER_SECOND,
  };
  return { ...config, telegram };
}

function serve(): void {
  let app: App | undefined;
  let bare: { bot: Bot; runner: RunnerHandle } | undefined;

  const stopAll = async () => {
    await app?.stop();
    if (bare?.runner.isRunning()) await bare.runner.stop();
    app = undefined;
    bare = undefined;
  };

  const api: BotProcessApi = {
    async startBriefbot(params) {
      const started = performance.now();
      const config = benchConfig(params);
      app = await createApp(config, {
        logger: createCountingLogger().logger,
        clock: systemClock,
        localesDir: LOCALES_DIR,
        botInfo: BENCH_BOT_INFO,
      });
      await app.start();
      const ready = performance.now();
      return { startupMs: ready - started, processReadyMs: ready, memory: sampleMemory() };
    },

    async startBareBot({ apiRoot }) {
      const started = performance.now();
      const bot = new Bot(BENCH_TOKEN, { client: { apiRoot }, botInfo: BENCH_BOT_INFO });
      bot.on("message", (ctx) => ctx.reply("ok"));
      await bot.init();
      await bot.api.deleteWebhook();
      bare = { bot, runner: run(bot) };
      const ready = performance.now();
      return { startupMs: ready - started, processReadyMs: ready, memory: sampleMemory() };
    },

    memory: async () => sampleMemory(),

    async timePlan() {
      if (app === undefined) throw new Error("timePlan needs a running Briefbot");
      // The app's own ledger: createApp synced it with the store at start-up, as in
      // production, so this times exactly what a push run does first.
      const { articles, readers, ledger } = app.deps;
      const planStarted = performance.now();
      const plan = planPushes({ readers: readers.all(), articles, ledger, now: new Date() });
      const planEnded = performance.now();
      let pushesPlanned = 0;
      for (const reader of plan.readers)
        if (reader.kind !== "advance") pushesPlanned += reader.items.length;
      return {
        planMs: planEnded - planStarted,
        readersPlanned: plan.readers.length,
        pushesPlanned,
      };
    },

    async probeStore({ dataDir, chatIds }) {
      const articlesStarted = performance.now();
      const articles = await createFileArticleStore({
        path: dataLayoutOf(dataDir).articles,
        logger: createCountingLogger().logger,
        watch: false,
      });
      const readersStarted = performance.now();
      const store = await createJsonReaderStore({ dir: dataLayoutOf(dataDir).readersDir });
      const loaded = performance.now();
      articles.close();
      const latencies: number[] = [];
      const before = writtenBytes();
      for (const chatId of chatIds) {
        const started = performance.now();
        await store.update(chatId, (reader) =>
          reader ? { ...reader, cursor: reader.cursor + 1 } : undefined,
        );
        latencies.push(performance.now() - started);
      }
      const written = writtenBytes() - before;
      return {
        articlesLoadMs: readersStarted - articlesStarted,
        readersLoadMs: loaded - readersStarted,
        changes: chatIds.length,
        bytesPerChange: written / chatIds.length,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
      };
    },

    async runPush(params) {
      const config = benchConfig(params);
      const { logger, count, problems } = createCountingLogger();
      const i18n = createI18n(LOCALES_DIR, () => undefined);
      const articles = await createFileArticleStore({
        path: dataLayoutOf(params.dataDir).articles,
        logger,
        watch: false,
      });
      // The push engine as production assembles it (ledger, stats, runner), minus the schedule.
      const push = await createPushService({
        config,
        logger,
        clock: systemClock,
        i18n,
        articles,
        readers: await createJsonReaderStore({ dir: dataLayoutOf(params.dataDir).readersDir }),
        lane: createOutboundLane({ limits: laneLimitsFrom(config.telegram), logger }),
      });
      const cpuBefore = process.cpuUsage();
      const report = await push.runner.run();
      const cpu = process.cpuUsage(cpuBefore);
      await push.stop();
      articles.close();
      if ("skipped" in report) throw new Error("the push run was skipped");
      return {
        report,
        cpuMs: (cpu.user + cpu.system) / 1000,
        memory: sampleMemory(),
        warnings: count(),
        firstProblems: problems,
      };
    },

    async runAppPush() {
      if (app === undefined) throw new Error("runAppPush needs a running Briefbot");
      const report = await app.push.runner.run();
      if ("skipped" in report) throw new Error("the push run was skipped");
      return report;
    },

    async stop() {
      await stopAll();
      return sampleMemory();
    },
  };

  serveParent(api, stopAll);
}

serve();
