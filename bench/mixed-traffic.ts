/**
 * Benchmark 4: replies and pushes sharing Telegram's limits, on the emulator with
 * Telegram's own figures (30 messages/s bot-wide, 1/s per chat). Two phases, each on a
 * fresh emulator and bot process:
 * - a burst: many readers send a command in the same second; every one must be answered
 *   with no 429, the last within a margin of what 30/s physically allows;
 * - a broadcast at the full rate, with readers writing meanwhile: their replies must go
 *   first (latency), and the broadcast must keep the capacity the replies leave.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { dataLayoutOf } from "../src/data-layout.js";
import type { PushReport } from "../src/push/push-runner.js";
import { TOPIC_IDS } from "../src/topics/catalog.js";
import type { SubscribeLoadResult } from "./emulator-process.js";
import {
  createBenchDir,
  createSyntheticArticles,
  owedPushes,
  seedLedger,
  seedReaderState,
  topicOf,
  writeArticleFile,
} from "./fixtures.js";
import { type BenchOptions, withBenchProcesses } from "./processes.js";
import { type BenchResult, formatCount, formatMs, formatPercent } from "./report.js";

/** Telegram's free limits (Bots FAQ), which the emulator enforces and the bot defaults to. */
const TELEGRAM_PER_SECOND = 30;
const TELEGRAM_LIMITS = { botWidePerSecond: TELEGRAM_PER_SECOND, perChatPerSecond: 1 };
/** The last burst reply may come this many times the physical minimum after the first command. */
const TARGET_BURST_RATIO = 1.35;
/** Every reader command answered within this during a broadcast. */
const TARGET_REPLY_MAX_MS = 2000;
/** Share of the capacity replies leave that the broadcast must use. */
const TARGET_BROADCAST_SHARE = 0.95;
// No push schedule during the measurement: the broadcast is started by hand.
const NEVER_CRON = "0 0 1 1 *";
const LOAD_TIMEOUT_MS = 5 * 60_000;
const BURST_FIRST_CHAT = 3_000_000;
const PUSH_FIRST_CHAT = 4_000_000;
const ASKING_FIRST_CHAT = 5_000_000;
const OLD_ARTICLES = 100;
const FIRST_NEW_ITEM = 200_000;
const ASK_SCRIPT = ["/latest", "/subscribe ai", "/topics", "/latest cloud"] as const;

interface Sizes {
  /** Commands sent within one second. */
  burst: number;
  /** Readers each owed one push (one topic each, one new item per topic). */
  pushReaders: number;
  /** Reader commands during the broadcast, one per chat, at `askPerSecond`. */
  asks: number;
  askPerSecond: number;
}

const FULL: Sizes = { burst: 150, pushReaders: 900, asks: 40, askPerSecond: 2 };
const QUICK: Sizes = { burst: 60, pushReaders: 240, asks: 12, askPerSecond: 2 };

const botEnv = { PUSH_CRON: NEVER_CRON };

interface BurstResult {
  load: SubscribeLoadResult;
  tooManyRequests: number;
}

async function runBurst(
  options: BenchOptions,
  sizes: Sizes,
  dataDir: string,
): Promise<BurstResult> {
  await writeArticleFile(dataLayoutOf(dataDir).articles, createSyntheticArticles(OLD_ARTICLES));
  return withBenchProcesses(options, async (emulator, bot) => {
    const { apiRoot } = await emulator.call("start", { limits: TELEGRAM_LIMITS });
    await bot.call("startBriefbot", { apiRoot, dataDir, env: botEnv });
    await emulator.call("watchDeliveries", {});
    const commands = Array.from({ length: sizes.burst }, (_, index) => ({
      chatId: BURST_FIRST_CHAT + index,
      text: "/subscribe fintech",
    }));
    const load = await emulator.call("runSubscribes", {
      commands,
      ratePerSecond: sizes.burst,
      timeoutMs: LOAD_TIMEOUT_MS,
    });
    const stats = await emulator.call("stats", {});
    return { load, tooManyRequests: stats.tooManyRequests };
  });
}

interface MixedResult {
  report: PushReport;
  asks: SubscribeLoadResult;
  lost: number;
  duplicated: number;
  tooManyRequests: number;
}

async function runMixed(
  options: BenchOptions,
  sizes: Sizes,
  dataDir: string,
): Promise<MixedResult> {
  const old = createSyntheticArticles(OLD_ARTICLES);
  // One new item per topic: every reader (one topic each) is owed exactly one push.
  const fresh = createSyntheticArticles(TOPIC_IDS.length, FIRST_NEW_ITEM);
  await writeArticleFile(dataLayoutOf(dataDir).articles, [...fresh, ...old]);
  const cursor = await seedLedger(dataDir, old);
  await seedReaderState(dataLayoutOf(dataDir).readersDir, sizes.pushReaders, 64, {
    firstChatId: PUSH_FIRST_CHAT,
    topicsOf: (index) => [topicOf(index)],
    cursor,
  });
  const expected = owedPushes(sizes.pushReaders, PUSH_FIRST_CHAT, FIRST_NEW_ITEM, fresh.length);

  return withBenchProcesses(options, async (emulator, bot) => {
    const { apiRoot } = await emulator.call("start", { limits: TELEGRAM_LIMITS });
    await bot.call("startBriefbot", { apiRoot, dataDir, env: botEnv });
    await emulator.call("watchDeliveries", {});
    const commands = Array.from({ length: sizes.asks }, (_, index) => ({
      chatId: ASKING_FIRST_CHAT + index,
      text: ASK_SCRIPT[index % ASK_SCRIPT.length] ?? "/latest",
    }));
    const broadcast = bot.call("runAppPush", {});
    const asks = await emulator.call("runSubscribes", {
      commands,
      ratePerSecond: sizes.askPerSecond,
      timeoutMs: LOAD_TIMEOUT_MS,
    });
    const report = await broadcast;
    const deliveries = await emulator.call("deliveryReport", { expected });
    return {
      report,
      asks,
      lost: deliveries.lost,
      duplicated: deliveries.duplicated,
      tooManyRequests: deliveries.stats.tooManyRequests,
    };
  });
}

export async function runMixedTrafficBench(options: BenchOptions): Promise<BenchResult> {
  const sizes = options.quick ? QUICK : FULL;
  const dir = await createBenchDir("mixed");
  try {
    const burstDir = join(dir.path, "burst");
    const mixedDir = join(dir.path, "mixed");
    await mkdir(burstDir, { recursive: true });
    await mkdir(mixedDir, { recursive: true });
    const burst = await runBurst(options, sizes, burstDir);
    const mixed = await runMixed(options, sizes, mixedDir);
    return report(sizes, burst, mixed);
  } finally {
    await dir.remove();
  }
}

function report(sizes: Sizes, burst: BurstResult, mixed: MixedResult): BenchResult {
  // What 30/s physically needs for the burst: one second's worth leaves at once, the rest at 30/s.
  const burstReferenceMs = (sizes.burst / TELEGRAM_PER_SECOND) * 1000;
  const burstRatio = burst.load.durationMs / burstReferenceMs;
  const runS = mixed.report.durationMs / 1000;
  const replyRate = mixed.asks.replied / runS;
  const leftCapacity = TELEGRAM_PER_SECOND - replyRate;
  const pushRate = mixed.report.sent / runS;
  const share = pushRate / leftCapacity;

  const failures: string[] = [];
  if (burst.load.replied < burst.load.sent) {
    failures.push(`burst: ${burst.load.sent - burst.load.replied} commands got no answer.`);
  }
  if (mixed.asks.replied < mixed.asks.sent) {
    failures.push(
      `broadcast: ${mixed.asks.sent - mixed.asks.replied} reader commands got no answer.`,
    );
  }
  if (mixed.lost > 0) failures.push(`broadcast: ${mixed.lost} owed pushes never arrived.`);
  if (mixed.duplicated > 0) failures.push(`broadcast: ${mixed.duplicated} pushes arrived twice.`);

  return {
    title: "4. Mixed traffic (replies and pushes in one lane)",
    setup:
      `Emulator with Telegram's limits (${TELEGRAM_PER_SECOND} messages/s bot-wide, 1/s per chat), bot with its defaults; ` +
      `Briefbot as createApp wires it, in its own process. Burst: ${sizes.burst} chats send /subscribe fintech ` +
      `within one second. Broadcast: ${formatCount(sizes.pushReaders)} readers owed one push each, run inside the ` +
      `same bot while ${sizes.asks} other chats send ${ASK_SCRIPT.join(", ")} at ${sizes.askPerSecond}/s.`,
    rows: [
      {
        metric: "Burst: commands answered",
        value: `${formatCount(burst.load.replied)} / ${formatCount(burst.load.sent)}`,
      },
      {
        metric: "Burst: 429 Too Many Requests",
        value: formatCount(burst.tooManyRequests),
        target: "0",
        met: burst.tooManyRequests === 0,
      },
      {
        metric: `Burst: last reply after the first command (reference ${formatMs(burstReferenceMs)} at ${TELEGRAM_PER_SECOND}/s)`,
        value: `${formatMs(burst.load.durationMs)} = ${burstRatio.toFixed(2)} ×`,
        target: `≤ ${TARGET_BURST_RATIO} ×`,
        met: burstRatio <= TARGET_BURST_RATIO,
      },
      {
        metric: "Burst: reply latency p50 / p99",
        value: `${formatMs(burst.load.latency.p50Ms)} / ${formatMs(burst.load.latency.p99Ms)}`,
      },
      {
        metric: "Broadcast: reader commands answered",
        value: `${formatCount(mixed.asks.replied)} / ${formatCount(mixed.asks.sent)}`,
      },
      {
        metric: "Broadcast: reply latency p50 / p99 / max",
        value: `${formatMs(mixed.asks.latency.p50Ms)} / ${formatMs(mixed.asks.latency.p99Ms)} / ${formatMs(mixed.asks.latency.maxMs)}`,
        target: `max ≤ ${formatMs(TARGET_REPLY_MAX_MS)}`,
        met: mixed.asks.latency.maxMs <= TARGET_REPLY_MAX_MS,
      },
      {
        metric: "Broadcast: 429 Too Many Requests",
        value: formatCount(mixed.tooManyRequests),
        target: "0",
        met: mixed.tooManyRequests === 0,
      },
      {
        metric: "Broadcast: pushes lost / duplicated",
        value: `${formatCount(mixed.lost)} / ${formatCount(mixed.duplicated)} of ${formatCount(sizes.pushReaders)}`,
        target: "0 / 0",
        met: mixed.lost === 0 && mixed.duplicated === 0,
      },
      {
        metric: "Broadcast rate / capacity replies leave",
        value: `${pushRate.toFixed(1)} / ${leftCapacity.toFixed(1)} messages/s = ${formatPercent(share)}`,
        target: `≥ ${formatPercent(TARGET_BROADCAST_SHARE)}`,
        met: share >= TARGET_BROADCAST_SHARE,
      },
      {
        metric: "Broadcast: run duration, sent / failed",
        value: `${formatMs(mixed.report.durationMs)}, ${formatCount(mixed.report.sent)} / ${formatCount(mixed.report.failed)}`,
      },
    ],
    failures,
  };
}
