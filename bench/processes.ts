import type { BotProcessApi } from "./bot-process.js";
import { type ChildClient, startChild } from "./child.js";
import type { EmulatorProcessApi } from "./emulator-process.js";

export type EmulatorProcess = ChildClient<EmulatorProcessApi>;
export type BotProcess = ChildClient<BotProcessApi>;

/** What every benchmark is run with (from the command line). */
export interface BenchOptions {
  /** Smaller sizes, for CI's smoke run. */
  quick: boolean;
  /** Write a CPU profile of every bot process into this folder. */
  profileDir?: string;
}

/**
 * The V8 flags the bot runs with in production (Dockerfile ENTRYPOINT, npm start): a
 * young generation of 4 MB semi-spaces, which Node 24 otherwise sizes far larger.
 * Bot processes get them unless a measurement says otherwise.
 */
export const SHIPPED_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=4"];

function startBotProcess(options: BenchOptions, nodeFlags: readonly string[]): BotProcess {
  return startChild<BotProcessApi>(new URL("./bot-process.ts", import.meta.url), {
    nodeFlags,
    ...(options.profileDir ? { cpuProfileDir: options.profileDir } : {}),
  });
}

/**
 * A fresh emulator process and a fresh bot process for one measurement; both are
 * ended when `use` settles, whatever happened. `botNodeFlags` go to the bot's Node.
 */
export async function withBenchProcesses<T>(
  options: BenchOptions,
  use: (emulator: EmulatorProcess, bot: BotProcess) => Promise<T>,
  botNodeFlags: readonly string[] = SHIPPED_NODE_FLAGS,
): Promise<T> {
  const emulator = startChild<EmulatorProcessApi>(
    new URL("./emulator-process.ts", import.meta.url),
  );
  const bot = startBotProcess(options, botNodeFlags);
  try {
    // A process that dies mid-measurement fails it now, not at the load's time-out.
    return await Promise.race([use(emulator, bot), emulator.crashed, bot.crashed]);
  } finally {
    await bot.close();
    await emulator.close();
  }
}

/** A fresh bot process alone (no emulator), ended when `use` settles. */
export async function withBotProcess<T>(
  options: BenchOptions,
  use: (bot: BotProcess) => Promise<T>,
  botNodeFlags: readonly string[] = SHIPPED_NODE_FLAGS,
): Promise<T> {
  const bot = startBotProcess(options, botNodeFlags);
  try {
    return await Promise.race([use(bot), bot.crashed]);
  } finally {
    await bot.close();
  }
}
