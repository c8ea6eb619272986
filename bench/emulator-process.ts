/**
 * Benchmark child process: the Bot API emulator and the load generator that acts as
 * the users. Latency is measured here, from the moment an update is created to the
 * moment the bot's reply reaches the emulator, on one clock.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { createBotApiEmulator } from "../dev/emulator/index.js";
import type { BotApiEmulator, EmulatorOptions, EmulatorStats } from "../dev/emulator/types.js";
import { serveParent } from "./child.js";
import { BENCH_BOT_USERNAME, BENCH_TOKEN, benchItemOf } from "./fixtures.js";
import { percentile } from "./report.js";

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface CommandLoad {
  firstChatId: number;
  chats: number;
  /** Commands per chat; each chat sends its next one once the reply is in. */
  commandsPerChat: number;
  /** Command texts; chat i starts at script[i % length] and walks on. */
  script: readonly string[];
  timeoutMs: number;
}

export interface CommandLoadResult {
  commands: number;
  durationMs: number;
  /** CPU time (user + system) this process (emulator and users) used while measuring. */
  emulatorCpuMs: number;
  latency: LatencySummary;
  /** Bot messages that came when no command was waiting (a reply split in two). */
  extraMessages: number;
}

export interface SubscribeLoad {
  /** One command per chat, each chat once, in this order. */
  commands: readonly { chatId: number; text: string }[];
  /** Open loop: commands are sent at this rate whatever the bot's speed. */
  ratePerSecond: number;
  timeoutMs: number;
}

export interface SubscribeLoadResult {
  sent: number;
  replied: number;
  latency: LatencySummary;
  durationMs: number;
  /** A few commands that got no reply, with what the bot last said in that chat. */
  unanswered: { chatId: number; lastBotText: string | undefined }[];
}

export interface DeliveryReport {
  /** Successful sends the emulator recorded to the expected chats. */
  delivered: number;
  expected: number;
  lost: number;
  duplicated: number;
  /** Messages to a chat that was owed nothing, or of an item it was not owed. */
  unexpected: number;
  /** performance.now() span between the first and last delivery, in ms. */
  spanMs: number;
  stats: EmulatorStats;
  /**
   * 429 answers by the limit that refused them: "perChat" when the chat had a delivery
   * less than a second before, "botWide" otherwise.
   */
  tooManyRequests: { perChat: number; botWide: number };
  /** CPU time (user + system) of this process since watchDeliveries. */
  cpuMs: number;
}

export type EmulatorProcessApi = {
  start(params: { limits?: EmulatorOptions["limits"] }): Promise<{ apiRoot: string }>;
  runCommands(params: CommandLoad): Promise<CommandLoadResult>;
  runSubscribes(params: SubscribeLoad): Promise<SubscribeLoadResult>;
  /** The emulator's counters (sends, 429s) since the last watchDeliveries. */
  stats(params: Record<string, never>): Promise<EmulatorStats>;
  /** Starts tallying bot messages by chat and BENCH item. */
  watchDeliveries(params: Record<string, never>): Promise<void>;
  /** `expected`: chat id → the BENCH items it must get exactly once. */
  deliveryReport(params: {
    expected: ReadonlyMap<number, readonly number[]>;
  }): Promise<DeliveryReport>;
};

const ONE_SECOND_MS = 1000;
const UNANSWERED_SAMPLE = 3;

class Deadline {
  private readonly timer: NodeJS.Timeout;
  readonly reached: Promise<never>;
  constructor(ms: number, what: string) {
    let fail: (error: Error) => void = () => {};
    this.reached = new Promise<never>((_, reject) => {
      fail = reject;
    });
    this.reached.catch(() => undefined);
    this.timer = setTimeout(() => fail(new Error(`${what} did not finish in ${ms} ms`)), ms);
  }
  clear(): void {
    clearTimeout(this.timer);
  }
}

function summarize(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
    maxMs: samples.reduce((max, value) => Math.max(max, value), 0),
  };
}

function createReplyWaiter(emulator: BotApiEmulator) {
  const waiting = new Map<number, (at: number) => void>();
  let extra = 0;
  const off = emulator.onChange((event) => {
    if (event.kind !== "message" || event.message.from !== "bot") return;
    const resolve = waiting.get(event.message.chatId);
    if (resolve === undefined) {
      extra += 1;
      return;
    }
    waiting.delete(event.message.chatId);
    resolve(performance.now());
  });
  return {
    /** Must be called before the update is sent; resolves with the reply's arrival time. */
    expect: (chatId: number) => new Promise<number>((resolve) => waiting.set(chatId, resolve)),
    isWaiting: (chatId: number) => waiting.has(chatId),
    get extra() {
      return extra;
    },
    close: off,
  };
}

function serve(): void {
  let emulator: BotApiEmulator | undefined;
  let tally: Map<number, Map<number, number>> | undefined;
  /** Emulator-clock (Date.now) times of the deliveries to each chat, oldest first. */
  let deliveredAt = new Map<number, number[]>();
  let firstAt = Number.POSITIVE_INFINITY;
  let lastAt = 0;
  let stopTally: (() => void) | undefined;
  let tallyCpu = process.cpuUsage();

  const running = (): BotApiEmulator => {
    if (emulator === undefined) throw new Error("emulator not started");
    return emulator;
  };

  const languageOf = (chatId: number) => (chatId % 3 === 0 ? "fr" : "en");

  async function runChats(load: CommandLoad, latencies: number[]) {
    const emu = running();
    const replies = createReplyWaiter(emu);
    const deadline = new Deadline(load.timeoutMs, "the command load");
    try {
      await Promise.race([
        deadline.reached,
        Promise.all(
          Array.from({ length: load.chats }, async (_, index) => {
            const chatId = load.firstChatId + index;
            const user = emu.user({
              id: chatId,
              first_name: "Bench",
              language_code: languageOf(chatId),
            });
            for (let step = 0; step < load.commandsPerChat; step += 1) {
              const text = load.script[(index + step) % load.script.length] ?? "/latest";
              const reply = replies.expect(chatId);
              const sentAt = performance.now();
              await user.sendText(text);
              const at = await Promise.race([reply, deadline.reached]);
              latencies.push(at - sentAt);
            }
          }),
        ),
      ]);
    } finally {
      deadline.clear();
      replies.close();
    }
    return replies.extra;
  }

  const api: EmulatorProcessApi = {
    async start({ limits }) {
      emulator = await createBotApiEmulator({
        token: BENCH_TOKEN,
        botUsername: BENCH_BOT_USERNAME,
        ...(limits ? { limits } : {}),
      });
      return { apiRoot: emulator.apiRoot };
    },

    async runCommands(load) {
      const latencies: number[] = [];
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const extraMessages = await runChats(load, latencies);
      const durationMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      // The log of every call is not needed afterwards; keep this process's memory flat.
      running().resetCalls();
      return {
        commands: latencies.length,
        durationMs,
        emulatorCpuMs: (cpu.user + cpu.system) / 1000,
        latency: summarize(latencies),
        extraMessages,
      };
    },

    async runSubscribes({ commands, ratePerSecond, timeoutMs }) {
      const emu = running();
      const replies = createReplyWaiter(emu);
      const deadline = new Deadline(timeoutMs, "the /subscribe load");
      const intervalMs = 1000 / ratePerSecond;
      const latencies: number[] = [];
      const started = performance.now();
      try {
        const answered: Promise<void>[] = [];
        for (const [index, command] of commands.entries()) {
          const dueAt = started + index * intervalMs;
          const waitMs = dueAt - performance.now();
          if (waitMs > 1) await Promise.race([sleep(waitMs), deadline.reached]);
          const user = emu.user({ id: command.chatId, language_code: languageOf(command.chatId) });
          const reply = replies.expect(command.chatId);
          const sentAt = performance.now();
          await user.sendText(command.text);
          answered.push(reply.then((at) => void latencies.push(at - sentAt)));
        }
        // Unanswered commands are reported (replied < sent), not thrown: the rest is still data.
        await Promise.race([Promise.all(answered), deadline.reached]).catch(() => undefined);
      } finally {
        deadline.clear();
        replies.close();
      }
      const durationMs = performance.now() - started;
      const unanswered = commands
        .filter((command) => replies.isWaiting(command.chatId))
        .slice(0, UNANSWERED_SAMPLE)
        .map((command) => ({
          chatId: command.chatId,
          lastBotText: emu.user({ id: command.chatId }).lastBotMessage()?.text,
        }));
      emu.resetCalls();
      return {
        sent: commands.length,
        replied: latencies.length,
        latency: summarize(latencies),
        durationMs,
        unanswered,
      };
    },

    stats: async () => running().stats,

    async watchDeliveries() {
      const emu = running();
      stopTally?.();
      tally = new Map();
      deliveredAt = new Map();
      firstAt = Number.POSITIVE_INFINITY;
      lastAt = 0;
      emu.resetStats();
      tallyCpu = process.cpuUsage();
      const counts = tally;
      stopTally = emu.onChange((event) => {
        if (event.kind !== "message" || event.message.from !== "bot") return;
        const at = performance.now();
        firstAt = Math.min(firstAt, at);
        lastAt = at;
        const item = benchItemOf(event.message.text) ?? -1;
        let forChat = counts.get(event.message.chatId);
        if (forChat === undefined) {
          forChat = new Map();
          counts.set(event.message.chatId, forChat);
        }
        forChat.set(item, (forChat.get(item) ?? 0) + 1);
        const times = deliveredAt.get(event.message.chatId) ?? [];
        times.push(Date.now());
        deliveredAt.set(event.message.chatId, times);
      });
    },

    async deliveryReport({ expected }) {
      const emu = running();
      const counts = tally ?? new Map<number, Map<number, number>>();
      let delivered = 0;
      let expectedCount = 0;
      let lost = 0;
      let duplicated = 0;
      let unexpected = 0;
      for (const [chatId, forChat] of counts) {
        const owed = new Set(expected.get(chatId) ?? []);
        for (const [item, count] of forChat) {
          delivered += count;
          if (!owed.has(item)) unexpected += count;
          else if (count > 1) duplicated += count - 1;
        }
      }
      for (const [chatId, items] of expected) {
        expectedCount += items.length;
        const forChat = counts.get(chatId);
        for (const item of items) if (!forChat?.has(item)) lost += 1;
      }
      const tooManyRequests = { perChat: 0, botWide: 0 };
      for (const call of emu.callsOf("sendMessage")) {
        if (call.status !== 429) continue;
        const times = deliveredAt.get(Number(call.payload.chat_id)) ?? [];
        const recent = times.some((at) => at <= call.at && call.at - at < ONE_SECOND_MS);
        if (recent) tooManyRequests.perChat += 1;
        else tooManyRequests.botWide += 1;
      }
      emu.resetCalls();
      const cpu = process.cpuUsage(tallyCpu);
      return {
        cpuMs: (cpu.user + cpu.system) / 1000,
        tooManyRequests,
        delivered,
        expected: expectedCount,
        lost,
        duplicated,
        unexpected,
        spanMs: delivered > 0 ? lastAt - firstAt : 0,
        stats: emu.stats,
      };
    },
  };

  serveParent(api, async () => {
    stopTally?.();
    await emulator?.close();
  });
}

serve();
