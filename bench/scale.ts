/**
 * Benchmark 3: Briefbot on a large state (100,000 readers, 10,000 articles), once per
 * reader-store shard count: 1 shard is plain lowdb with one file (before), 64 is the
 * default (after), 256 shows the trend. Start-up and memory are the bot process's
 * own; /subscribe goes through the real bot, whose reply waits for the disk.
 */
import { mkdir, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { dataLayoutOf } from "../src/data-layout.js";
import { DEFAULT_SHARD_COUNT } from "../src/readers/json-reader-store.js";
import type { MemorySample, PlanTiming, StartResult, StoreProbe } from "./bot-process.js";
import type { SubscribeLoadResult } from "./emulator-process.js";
import {
  createBenchDir,
  createSyntheticArticles,
  seedLedger,
  seedReaderState,
  topicOf,
  writeArticleFile,
} from "./fixtures.js";
import {
  type BenchOptions,
  SHIPPED_NODE_FLAGS,
  withBenchProcesses,
  withBotProcess,
} from "./processes.js";
import type { BenchResult, ResultRow } from "./report.js";
import { formatBytes, formatCount, formatMs } from "./report.js";

const TARGET_SUBSCRIBE_P99_MS = 50;
const TARGET_STARTUP_MS = 2000;
const TARGET_RSS_BYTES = 300 * 1024 * 1024;
const FIRST_CHAT_ID = 10_000_000;
/** The shard count the store uses by default; its row carries the verdicts. */
const DEFAULT_SHARDS = DEFAULT_SHARD_COUNT;
const NODE_DEFAULTS: readonly string[] = [];

interface Sizes {
  readers: number;
  articles: number;
  /** Articles the ledger has not seen yet: what the timed push run finds. */
  newItems: number;
  setups: readonly StoreSetup[];
  /** /subscribe commands per round, each from a different reader, sent at `subscribeRate`. */
  subscribes: number;
  subscribeRatePerSecond: number;
  /**
   * Rounds of that load on the same bot; the round with the median p99 is reported, so
   * one burst of other work on a shared machine does not decide the figure.
   */
  subscribeRounds: number;
  /** Sequential changes straight on the store, for bytes written per change. */
  probeChanges: number;
}

const FULL: Sizes = {
  readers: 100_000,
  articles: 10_000,
  newItems: 20,
  setups: [
    { shards: 1, nodeFlags: SHIPPED_NODE_FLAGS },
    { shards: 64, nodeFlags: SHIPPED_NODE_FLAGS },
    { shards: 256, nodeFlags: SHIPPED_NODE_FLAGS },
    { shards: 1024, nodeFlags: SHIPPED_NODE_FLAGS },
    { shards: DEFAULT_SHARD_COUNT, nodeFlags: NODE_DEFAULTS },
  ],
  subscribes: 400,
  subscribeRatePerSecond: 50,
  subscribeRounds: 3,
  probeChanges: 50,
};
const QUICK: Sizes = {
  readers: 10_000,
  articles: 1000,
  newItems: 20,
  setups: [
    { shards: 1, nodeFlags: SHIPPED_NODE_FLAGS },
    { shards: DEFAULT_SHARD_COUNT, nodeFlags: SHIPPED_NODE_FLAGS },
  ],
  subscribes: 100,
  subscribeRatePerSecond: 50,
  subscribeRounds: 1,
  probeChanges: 20,
};

/** One column of the comparison: how the state is split, and the bot's V8 heap limit. */
interface StoreSetup {
  shards: number;
  /** V8 flags for the bot process (heap sizing); [] = Node's defaults. */
  nodeFlags: readonly string[];
}

interface SetupRun {
  setup: StoreSetup;
  start: StartResult;
  /** The round with the median p99. */
  subscribe: SubscribeLoadResult;
  rounds: SubscribeLoadResult[];
  afterLoad: MemorySample;
  plan: PlanTiming;
  peakRssBytes: number;
  probe: StoreProbe;
  stateBytes: number;
}

/** Reader i follows two topics; this one it does not follow, so subscribing changes state. */
function unfollowedTopicOf(index: number) {
  return topicOf(index + 1);
}

const readerTopics = (index: number) => [topicOf(index), topicOf(index + 4)];

function medianByP99(rounds: readonly SubscribeLoadResult[]): SubscribeLoadResult {
  const sorted = [...rounds].sort((a, b) => a.latency.p99Ms - b.latency.p99Ms);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (median === undefined) throw new Error("no /subscribe round ran");
  return median;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

/** Evenly spread readers, so every shard takes its share of the changes. */
function spreadIndexes(count: number, readers: number): number[] {
  const step = Math.max(1, Math.floor(readers / count));
  return Array.from({ length: Math.min(count, readers) }, (_, k) => k * step);
}

async function prepare(dataDir: string, sizes: Sizes, shards: number): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const articles = createSyntheticArticles(sizes.articles);
  await writeArticleFile(dataLayoutOf(dataDir).articles, articles);
  // The newest items (first in the list) are unknown to the ledger: a push run's work.
  const cursor = await seedLedger(dataDir, articles.slice(sizes.newItems));
  await seedReaderState(dataLayoutOf(dataDir).readersDir, sizes.readers, shards, {
    firstChatId: FIRST_CHAT_ID,
    topicsOf: readerTopics,
    cursor,
  });
}

function labelOf(setup: StoreSetup): string {
  const shards = setup.shards === 1 ? "1 shard" : `${setup.shards} shards`;
  if (setup.nodeFlags === SHIPPED_NODE_FLAGS) return shards;
  return `${shards}, ${setup.nodeFlags.length === 0 ? "Node's default heap" : setup.nodeFlags.join(" ")}`;
}

async function measureSetup(
  options: BenchOptions,
  sizes: Sizes,
  dataDir: string,
  setup: StoreSetup,
): Promise<SetupRun> {
  const { nodeFlags } = setup;
  await prepare(dataDir, sizes, setup.shards);
  const stateBytes = await folderBytes(dataLayoutOf(dataDir).readersDir);
  const commands = spreadIndexes(sizes.subscribes * sizes.subscribeRounds, sizes.readers).map(
    (index) => ({
      chatId: FIRST_CHAT_ID + index,
      text: `/subscribe ${unfollowedTopicOf(index)}`,
    }),
  );
  const botRun = await withBenchProcesses(
    options,
    async (emulator, bot) => {
      const { apiRoot } = await emulator.call("start", {});
      // 50 /subscribe a second is above Telegram's 30/s: the lane is lifted so this measures
      // the store at scale, not the pacing (the mixed-traffic benchmark measures that).
      const start = await bot.call("startBriefbot", { apiRoot, dataDir, unpaced: true });
      const rounds: SubscribeLoadResult[] = [];
      for (let round = 0; round < sizes.subscribeRounds; round += 1) {
        rounds.push(
          await emulator.call("runSubscribes", {
            commands: commands.filter((_, k) => k % sizes.subscribeRounds === round),
            ratePerSecond: sizes.subscribeRatePerSecond,
            timeoutMs: 5 * 60_000,
          }),
        );
      }
      const afterLoad = await bot.call("memory", {});
      const plan = await bot.call("timePlan", {});
      const stopped = await bot.call("stop", {});
      return {
        start,
        subscribe: medianByP99(rounds),
        rounds,
        afterLoad,
        plan,
        peakRssBytes: stopped.maxRssBytes,
      };
    },
    nodeFlags,
  );
  // Other readers than the /subscribe ones, in a process of its own: no sockets, so
  // every byte it writes is the store's.
  const probeChats = spreadIndexes(sizes.probeChanges, sizes.readers).map(
    (index) => FIRST_CHAT_ID + index + 1,
  );
  const probe = await withBotProcess(
    options,
    (bot) => bot.call("probeStore", { dataDir, chatIds: probeChats }),
    nodeFlags,
  );
  return { setup, ...botRun, probe, stateBytes };
}

function verdictRows(run: SetupRun, newItems: number): ResultRow[] {
  return [
    {
      metric: "Start-up (state loaded, taking updates)",
      value: formatMs(run.start.startupMs),
      target: `< ${formatMs(TARGET_STARTUP_MS)}`,
      met: run.start.startupMs < TARGET_STARTUP_MS,
    },
    {
      metric: "Resident memory after start-up",
      value: formatBytes(run.start.memory.rssBytes),
      target: `< ${formatBytes(TARGET_RSS_BYTES)}`,
      met: run.start.memory.rssBytes < TARGET_RSS_BYTES,
    },
    {
      metric: "Peak resident memory (start-up, /subscribe load, push plan, stop)",
      value: formatBytes(run.peakRssBytes),
      target: `< ${formatBytes(TARGET_RSS_BYTES)}`,
      met: run.peakRssBytes < TARGET_RSS_BYTES,
    },
    {
      metric: "Durable /subscribe p99 (update → reply; median round)",
      value: formatMs(run.subscribe.latency.p99Ms),
      target: `≤ ${formatMs(TARGET_SUBSCRIBE_P99_MS)}`,
      met: run.subscribe.latency.p99Ms <= TARGET_SUBSCRIBE_P99_MS,
    },
    { metric: "Durable /subscribe p50", value: formatMs(run.subscribe.latency.p50Ms) },
    {
      metric: "Bytes written per subscription change",
      value: formatBytes(run.probe.bytesPerChange),
    },
    { metric: "State size (reader files)", value: formatBytes(run.stateBytes) },
    {
      metric: `Push plan: who gets what (${newItems} new items)`,
      value: formatMs(run.plan.planMs),
    },
    {
      metric: "Push plan result",
      value: `${formatCount(run.plan.pushesPlanned)} pushes to ${formatCount(run.plan.readersPlanned)} readers`,
    },
  ];
}

/** The before/after table: one column per shard count. */
function comparisonRows(runs: readonly SetupRun[]): string {
  const header = `| Reader state | ${runs.map((run) => labelOf(run.setup)).join(" | ")} |`;
  const line = (label: string, value: (run: SetupRun) => string) =>
    `| ${label} | ${runs.map(value).join(" | ")} |`;
  return [
    header,
    `| --- | ${runs.map(() => "---").join(" | ")} |`,
    line("Start-up", (run) => formatMs(run.start.startupMs)),
    line(
      "… of which loading articles / readers (measured alone)",
      (run) => `${formatMs(run.probe.articlesLoadMs)} / ${formatMs(run.probe.readersLoadMs)}`,
    ),
    line("RSS after start-up", (run) => formatBytes(run.start.memory.rssBytes)),
    line("RSS after the /subscribe load", (run) => formatBytes(run.afterLoad.rssBytes)),
    line("Peak RSS before the push plan", (run) => formatBytes(run.afterLoad.maxRssBytes)),
    line("Peak RSS (whole life: push plan and stop included)", (run) =>
      formatBytes(run.peakRssBytes),
    ),
    line("/subscribe p50 (bot)", (run) => formatMs(run.subscribe.latency.p50Ms)),
    line("/subscribe p99 (bot; median round)", (run) => formatMs(run.subscribe.latency.p99Ms)),
    line("/subscribe p99 of each round", (run) =>
      run.rounds.map((round) => formatMs(round.latency.p99Ms)).join(" / "),
    ),
    line(
      "Store change p50 / p99 (store alone, one at a time)",
      (run) => `${formatMs(run.probe.p50Ms)} / ${formatMs(run.probe.p99Ms)}`,
    ),
    line("Bytes written per change", (run) => formatBytes(run.probe.bytesPerChange)),
    line("State size", (run) => formatBytes(run.stateBytes)),
  ].join("\n");
}

export async function runScaleBench(options: BenchOptions): Promise<BenchResult> {
  const sizes = options.quick ? QUICK : FULL;
  const dir = await createBenchDir("scale");
  try {
    const runs: SetupRun[] = [];
    for (const [index, setup] of sizes.setups.entries()) {
      const dataDir = join(dir.path, `setup-${index}`);
      const run = await measureSetup(options, sizes, dataDir, setup).catch((error: unknown) => {
        throw new Error(`with ${labelOf(setup)}: ${(error as Error).message}`, { cause: error });
      });
      runs.push(run);
    }
    const main =
      runs.find(
        (run) => run.setup.shards === DEFAULT_SHARDS && run.setup.nodeFlags === SHIPPED_NODE_FLAGS,
      ) ?? runs.at(-1);
    if (main === undefined) throw new Error("no shard count measured");
    const failures = runs
      .flatMap((run) => run.rounds.map((round) => ({ run, round })))
      .filter(({ round }) => round.replied !== round.sent)
      .map(
        ({ run, round }) =>
          `${labelOf(run.setup)}: ${round.sent - round.replied} /subscribe commands got no reply in time, e.g. ${JSON.stringify(round.unanswered)}.`,
      );
    return {
      title: "3. Scale",
      setup:
        `${formatCount(sizes.readers)} readers (two topics each) and ${formatCount(sizes.articles)} articles, ` +
        `${sizes.newItems} of them new to the push ledger. ${sizes.subscribeRounds} round(s) of ` +
        `${formatCount(sizes.subscribes)} /subscribe from different readers at ${sizes.subscribeRatePerSecond}/s ` +
        "(open loop), each a real change; latency from the round with the median p99. " +
        "Start-up is createApp and start() as in production: articles, reader state, and the push " +
        "ledger synced with the store (which is when the new items are recorded). " +
        `The bot runs with the production V8 flags (${SHIPPED_NODE_FLAGS.join(" ")}) unless a column says otherwise. ` +
        `Verdicts for the store as shipped (${labelOf(main.setup)}); the comparison below is ` +
        "before (1 shard = one lowdb file) and after" +
        (runs.some((run) => run.setup.nodeFlags === NODE_DEFAULTS)
          ? ", and the shipped store with Node's default heap sizing.\n\n"
          : ".\n\n") +
        comparisonRows(runs),
      rows: verdictRows(main, sizes.newItems),
      failures,
    };
  } finally {
    await dir.remove();
  }
}
