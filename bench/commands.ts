/**
 * Benchmark 2: many chats sending commands as fast as the bot answers them, Briefbot
 * next to a bare grammY bot that answers a constant text, on the same emulator set-up
 * in the same run. The ratio of the two throughputs is the figure.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { dataLayoutOf } from "../src/data-layout.js";
import type { CommandLoad, CommandLoadResult } from "./emulator-process.js";
import { createBenchDir, createSyntheticArticles, writeArticleFile } from "./fixtures.js";
import { type BenchOptions, withBenchProcesses } from "./processes.js";
import {
  type BenchResult,
  formatBytes,
  formatCount,
  formatMs,
  formatPercent,
  type ResultRow,
} from "./report.js";

/** Briefbot's throughput must be at least this share of bare grammY's. */
const TARGET_RATIO = 0.7;
const FIRST_CHAT_ID = 2_000_000;
/** Every command kind the issue names, with and without arguments. */
const SCRIPT = [
  "/latest",
  "/subscribe ai",
  "/topics",
  "/latest ai",
  "/unsubscribe ai",
  "/subscribe crypto, cloud",
  "/latest",
  "/unsubscribe crypto cloud",
] as const;

interface Sizes {
  chats: number;
  commandsPerChat: number;
  warmupPerChat: number;
  articles: number;
  /** Each round measures both bots, bare first. */
  rounds: number;
}

const FULL: Sizes = {
  chats: 1000,
  commandsPerChat: 20,
  warmupPerChat: 2,
  articles: 1000,
  rounds: 2,
};
const QUICK: Sizes = {
  chats: 200,
  commandsPerChat: 10,
  warmupPerChat: 1,
  articles: 200,
  rounds: 1,
};

type BotKind = "bare" | "briefbot";

interface Measurement {
  kind: BotKind;
  load: CommandLoadResult;
  throughput: number;
  /** The bot process's CPU time per measured command. */
  botCpuMsPerCommand: number;
  peakRssBytes: number;
}

async function measure(
  options: BenchOptions,
  kind: BotKind,
  load: CommandLoad,
  warmupPerChat: number,
  dataDir: string,
): Promise<Measurement> {
  return withBenchProcesses(options, async (emulator, bot) => {
    const { apiRoot } = await emulator.call("start", {});
    if (kind === "bare") await bot.call("startBareBot", { apiRoot });
    // The bare bot paces nothing, so Briefbot's lane is lifted too: this compares cost.
    else await bot.call("startBriefbot", { apiRoot, dataDir, unpaced: true });
    // Same warm-up for both bots (JIT, sockets, first readers), then the measured load.
    await emulator.call("runCommands", { ...load, commandsPerChat: warmupPerChat });
    const before = await bot.call("memory", {});
    const result = await emulator.call("runCommands", load);
    const after = await bot.call("stop", {});
    return {
      kind,
      load: result,
      throughput: (result.commands * 1000) / result.durationMs,
      botCpuMsPerCommand: (after.cpuMs - before.cpuMs) / result.commands,
      peakRssBytes: after.maxRssBytes,
    };
  });
}

function best(measurements: readonly Measurement[], kind: BotKind): Measurement {
  const own = measurements.filter((m) => m.kind === kind);
  const first = own[0];
  if (first === undefined) throw new Error(`no ${kind} measurement`);
  return own.reduce((top, m) => (m.throughput > top.throughput ? m : top), first);
}

function rowsFor(label: string, m: Measurement): ResultRow[] {
  return [
    { metric: `${label}: throughput`, value: `${formatCount(m.throughput)} commands/s` },
    { metric: `${label}: latency p50 (update → reply)`, value: formatMs(m.load.latency.p50Ms) },
    { metric: `${label}: latency p99`, value: formatMs(m.load.latency.p99Ms) },
    {
      metric: `${label}: CPU per command (bot process / emulator process)`,
      value: `${m.botCpuMsPerCommand.toFixed(2)} ms / ${(m.load.emulatorCpuMs / m.load.commands).toFixed(2)} ms`,
    },
  ];
}

export async function runCommandsBench(options: BenchOptions): Promise<BenchResult> {
  const sizes = options.quick ? QUICK : FULL;
  const dir = await createBenchDir("commands");
  try {
    const load: CommandLoad = {
      firstChatId: FIRST_CHAT_ID,
      chats: sizes.chats,
      commandsPerChat: sizes.commandsPerChat,
      script: SCRIPT,
      timeoutMs: 5 * 60_000,
    };
    const articles = createSyntheticArticles(sizes.articles);
    const measurements: Measurement[] = [];
    for (let round = 0; round < sizes.rounds; round += 1) {
      // A fresh data dir per round: every round starts with no readers.
      const dataDir = join(dir.path, `round-${round}`);
      await mkdir(dataDir, { recursive: true });
      await writeArticleFile(dataLayoutOf(dataDir).articles, articles);
      measurements.push(await measure(options, "bare", load, sizes.warmupPerChat, dataDir));
      measurements.push(await measure(options, "briefbot", load, sizes.warmupPerChat, dataDir));
    }
    const bare = best(measurements, "bare");
    const briefbot = best(measurements, "briefbot");
    const ratio = briefbot.throughput / bare.throughput;
    const failures = measurements
      .filter((m) => m.load.extraMessages > 0)
      .map(
        (m) =>
          `${m.kind}: ${m.load.extraMessages} bot messages arrived with no command waiting (a reply split in two, or a reply to nothing).`,
      );
    return {
      title: "2. Commands",
      setup:
        `${formatCount(sizes.chats)} chats each send ${sizes.commandsPerChat} commands ` +
        `(${formatCount(sizes.chats * sizes.commandsPerChat)} in all; ${SCRIPT.join(", ")}), ` +
        `each chat its next one as soon as the reply is in; store of ${formatCount(sizes.articles)} articles. ` +
        `Emulator + users in one process, bot in another, no flood limits. ` +
        `Best of ${sizes.rounds} round(s) per bot, after ${sizes.warmupPerChat} warm-up command(s) per chat.`,
      rows: [
        ...rowsFor("Briefbot", briefbot),
        ...rowsFor("bare grammY", bare),
        {
          metric: "Briefbot / bare grammY throughput",
          value: formatPercent(ratio),
          target: `≥ ${formatPercent(TARGET_RATIO)}`,
          met: ratio >= TARGET_RATIO,
        },
        {
          metric: "Briefbot / bare grammY bot CPU per command",
          value: `${(briefbot.botCpuMsPerCommand / bare.botCpuMsPerCommand).toFixed(1)} ×`,
        },
        { metric: "Briefbot peak RSS", value: formatBytes(briefbot.peakRssBytes) },
        { metric: "bare grammY peak RSS", value: formatBytes(bare.peakRssBytes) },
      ],
      failures,
    };
  } finally {
    await dir.remove();
  }
}
