/**
 * `npm run bench [-- --quick] [--only=broadcast,commands,scale,mixed,watchlist] [--profile=dir]`: runs the
 * benchmarks on loopback against the Bot API emulator and prints markdown tables.
 * Exits 1 only when something is broken (pushes lost or duplicated, a benchmark
 * that failed to run), never because a target was missed: CI machines are noisy.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { runBroadcastBench } from "./broadcast.js";
import { runCommandsBench } from "./commands.js";
import { runMixedTrafficBench } from "./mixed-traffic.js";
import type { BenchOptions } from "./processes.js";
import { type BenchResult, renderReport } from "./report.js";
import { runScaleBench } from "./scale.js";
import { runWatchlistBench } from "./watchlist.js";

const BENCHES = {
  broadcast: runBroadcastBench,
  commands: runCommandsBench,
  scale: runScaleBench,
  mixed: runMixedTrafficBench,
  watchlist: runWatchlistBench,
} as const;

type BenchName = keyof typeof BENCHES;

function isBenchName(value: string): value is BenchName {
  return Object.hasOwn(BENCHES, value);
}

function readOptions(): BenchOptions & { only: BenchName[] } {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      profile: { type: "string" },
    },
  });
  const names = values.only?.split(",").map((name) => name.trim()) ?? Object.keys(BENCHES);
  const unknown = names.filter((name) => !isBenchName(name));
  if (unknown.length > 0) {
    throw new Error(
      `--only: unknown benchmark ${unknown.join(", ")}; use ${Object.keys(BENCHES).join(", ")}`,
    );
  }
  return {
    quick: values.quick,
    only: names.filter(isBenchName),
    ...(values.profile ? { profileDir: resolve(values.profile) } : {}),
  };
}

async function main(): Promise<number> {
  const options = readOptions();
  const results: BenchResult[] = [];
  let broken = false;
  for (const name of options.only) {
    const started = performance.now();
    console.error(`bench: ${name}…`);
    try {
      const result = await BENCHES[name](options);
      results.push(result);
      broken ||= result.failures.length > 0;
    } catch (error) {
      broken = true;
      console.error(`bench: ${name} failed to run:`, error);
    }
    console.error(`bench: ${name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(renderReport(results, { quick: options.quick }));
  return broken ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
