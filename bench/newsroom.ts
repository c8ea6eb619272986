/**
 * `npm run bench:newsroom`: a newsroom pass over 300 loopback sources (feeds, teaser
 * feeds and their pages, article pages; some 304, some slow, some failing) while
 * readers keep sending commands. Reports the pass's duration and the bot's CPU, and
 * reply latency p99 during the pass next to the same load without it; with parsing on
 * worker threads (as npm start runs) and in the bot's thread, for comparison.
 *
 * Topology: this process holds the Bot API emulator, the readers (load generator) and
 * the sites (bodies built once, so serving costs little); the bot is a child process
 * running the compiled code, so its worker threads are the real ones.
 */
import { execFile } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { createBotApiEmulator } from "../dev/emulator/index.js";
import type { BotApiEmulator } from "../dev/emulator/types.js";
import { startChild } from "./child.js";
import { BENCH_BOT_USERNAME, BENCH_TOKEN, createBenchDir } from "./fixtures.js";
import type { NewsroomBotApi, PassMeasurement } from "./newsroom-bot.js";
import { type BenchSites, SLOW_MS, SOURCES, startBenchSites } from "./newsroom-sites.js";
import { SHIPPED_NODE_FLAGS } from "./processes.js";
import {
  type BenchResult,
  describeMachine,
  formatMs,
  percentile,
  type ResultRow,
  renderTable,
} from "./report.js";

const REPO_ROOT = resolve(import.meta.dirname, "..");
const TSC = join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
const CHATS = 20;
const QUIET_MS = 6000;
const WARMUP_COMMANDS_PER_CHAT = 3;
const SCRIPT = ["/latest", "/topics", "/latest ai", "/help"] as const;
const FIRST_CHAT_ID = 3_000_000;

/** Readers sending commands, each its next one when the reply is in, until stopped. */
function startReaders(emulator: BotApiEmulator) {
  const waiting = new Map<number, () => void>();
  const off = emulator.onChange((event) => {
    if (event.kind !== "message" || event.message.from !== "bot") return;
    const done = waiting.get(event.message.chatId);
    waiting.delete(event.message.chatId);
    done?.();
  });
  let stopped = false;
  let samples: number[] = [];
  const chats = Array.from({ length: CHATS }, async (_, index) => {
    const chatId = FIRST_CHAT_ID + index;
    const user = emulator.user({ id: chatId, first_name: "Reader", language_code: "en" });
    for (let step = 0; !stopped; step += 1) {
      const reply = new Promise<void>((done) => waiting.set(chatId, done));
      const sentAt = performance.now();
      await user.sendText(SCRIPT[(index + step) % SCRIPT.length] ?? "/latest");
      await reply;
      samples.push(performance.now() - sentAt);
    }
  });
  return {
    /** The latencies since the last call (ms), and a fresh count from now. */
    take(): number[] {
      const taken = samples;
      samples = [];
      return taken;
    },
    async stop() {
      stopped = true;
      await Promise.all(chats);
      off();
    },
  };
}

interface ModeResult {
  quiet: number[];
  first: { pass: PassMeasurement; latencies: number[] };
  second: { pass: PassMeasurement; latencies: number[] };
}

async function measureMode(
  inline: boolean,
  sites: BenchSites,
  outDir: string,
): Promise<ModeResult> {
  const dir = await createBenchDir("newsroom");
  const emulator = await createBotApiEmulator({
    token: BENCH_TOKEN,
    botUsername: BENCH_BOT_USERNAME,
  });
  const bot = startChild<NewsroomBotApi>(new URL("./newsroom-bot.ts", import.meta.url), {
    nodeFlags: SHIPPED_NODE_FLAGS,
  });
  try {
    sites.setVersion(1);
    await writeFile(join(dir.path, "articles.json"), '{ "articles": [] }\n');
    await writeFile(
      join(dir.path, "sources.json"),
      JSON.stringify({ sources: sites.urls.map((url) => ({ url })) }),
    );
    await bot.call("start", { apiRoot: emulator.apiRoot, dataDir: dir.path, outDir, inline });
    const readers = startReaders(emulator);
    // Warm-up: JIT, reader records created.
    while (readers.take().length < CHATS * WARMUP_COMMANDS_PER_CHAT) await sleep(100);
    readers.take();
    await sleep(QUIET_MS);
    const quiet = readers.take();
    const firstPass = await bot.call("runPass", {});
    const firstLatencies = readers.take();
    sites.setVersion(2);
    const secondPass = await bot.call("runPass", {});
    const secondLatencies = readers.take();
    await readers.stop();
    return {
      quiet,
      first: { pass: firstPass, latencies: firstLatencies },
      second: { pass: secondPass, latencies: secondLatencies },
    };
  } finally {
    await bot.close();
    await emulator.close();
    await dir.remove();
  }
}

function rowsOf(label: string, result: ModeResult): ResultRow[] {
  const p99 = (samples: number[]) =>
    `${formatMs(percentile(samples, 99))} (${samples.length} replies)`;
  const pass = ({ pass: measured }: ModeResult["first"]) =>
    `${formatMs(measured.durationMs)}, bot CPU ${formatMs(measured.cpuMs)}; ` +
    `${measured.report.fetched} read, ${measured.report.notModified} × 304, ` +
    `${measured.report.failed} failed, ${measured.report.added} items added`;
  return [
    { metric: `${label}: reply p99 without a pass`, value: p99(result.quiet) },
    { metric: `${label}: first pass (every source new)`, value: pass(result.first) },
    { metric: `${label}: reply p99 during the first pass`, value: p99(result.first.latencies) },
    { metric: `${label}: second pass (changes, 304s, failures)`, value: pass(result.second) },
    { metric: `${label}: reply p99 during the second pass`, value: p99(result.second.latencies) },
  ];
}

async function main(): Promise<void> {
  // Compiled, as npm start runs it: the worker threads load dist JavaScript.
  await mkdir(join(REPO_ROOT, "test-artifacts"), { recursive: true });
  const outDir = join(REPO_ROOT, "test-artifacts", "dist-bench-newsroom");
  await promisify(execFile)(
    process.execPath,
    [TSC, "-p", "tsconfig.build.json", "--outDir", outDir],
    {
      cwd: REPO_ROOT,
    },
  );
  const sites = await startBenchSites();
  try {
    console.error("bench: newsroom, parsing on worker threads…");
    const workers = await measureMode(false, sites, outDir);
    console.error("bench: newsroom, parsing in the bot's thread…");
    const inline = await measureMode(true, sites, outDir);
    const result: BenchResult = {
      title: "Newsroom pass",
      setup:
        `${SOURCES} sources on 30 loopback hosts: 140 feeds that change between passes, 10 teaser feeds ` +
        `(each item's ~30 KB page fetched), 50 unchanged feeds (304 on the second pass), 50 article pages ` +
        `(~32 KB, changed), 25 slow (${SLOW_MS / 1000} s per answer), 25 failing on the second pass (500). ` +
        `${CHATS} readers send /latest, /topics, /latest ai, /help back to back throughout. Bot compiled, ` +
        `in its own process; emulator, readers and sites in another. ${describeMachine()}.`,
      rows: [...rowsOf("worker threads", workers), ...rowsOf("bot's thread", inline)],
      failures: [],
    };
    console.log(renderTable(result, { quick: false }));
  } finally {
    await sites.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
