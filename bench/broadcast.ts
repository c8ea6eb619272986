import { dataLayoutOf } from "../src/data-layout.js";
/**
 * Benchmark 1: one push run that owes 20,000 messages to 10,000 readers, through an
 * emulator enforcing a bot-wide limit and 1 message/s per chat. The limit is scaled
 * up from Telegram's 30/s so the run takes seconds; the figure is the share of the
 * allowed rate the push engine achieves without a single 429, and that every owed
 * message arrives exactly once.
 */
import { createJsonReaderStore } from "../src/readers/json-reader-store.js";
import { TOPIC_IDS } from "../src/topics/catalog.js";
import {
  createBenchDir,
  createSyntheticArticles,
  seedLedger,
  seedReaderState,
  topicOf,
  writeArticleFile,
} from "./fixtures.js";
import { type BenchOptions, withBenchProcesses } from "./processes.js";
import { type BenchResult, formatBytes, formatCount, formatMs, formatPercent } from "./report.js";

const TARGET_RATE_SHARE = 0.95;
const FIRST_CHAT_ID = 1_000_000;
/** Articles already pushed before the run: the ledger knows them. */
const OLD_ARTICLES = 100;
/** New items are numbered from here, apart from the old ones. */
const FIRST_NEW_ITEM = 100_000;

interface Sizes {
  readers: number;
  /** New items per topic; every reader follows one topic, so it is owed this many pushes. */
  itemsPerTopic: number;
  botWidePerSecond: number;
  perChatPerSecond: number;
}

const FULL: Sizes = {
  readers: 10_000,
  itemsPerTopic: 2,
  botWidePerSecond: 1000,
  perChatPerSecond: 1,
};
const QUICK: Sizes = {
  readers: 1000,
  itemsPerTopic: 2,
  botWidePerSecond: 1000,
  perChatPerSecond: 1,
};

const readerTopics = (index: number) => [topicOf(index)];

export async function runBroadcastBench(options: BenchOptions): Promise<BenchResult> {
  const sizes = options.quick ? QUICK : FULL;
  const dir = await createBenchDir("broadcast");
  try {
    const dataDir = dir.path;
    const old = createSyntheticArticles(OLD_ARTICLES);
    const fresh = createSyntheticArticles(TOPIC_IDS.length * sizes.itemsPerTopic, FIRST_NEW_ITEM);
    await writeArticleFile(dataLayoutOf(dataDir).articles, [...fresh, ...old]);
    const cursor = await seedLedger(dataDir, old);
    await seedReaderState(dataLayoutOf(dataDir).readersDir, sizes.readers, 64, {
      firstChatId: FIRST_CHAT_ID,
      topicsOf: readerTopics,
      cursor,
    });

    const expected = new Map<number, number[]>();
    for (let index = 0; index < sizes.readers; index += 1) {
      const items = fresh
        .map((_, offset) => FIRST_NEW_ITEM + offset)
        .filter((item) => topicOf(item) === topicOf(index));
      expected.set(FIRST_CHAT_ID + index, items);
    }
    const owed = [...expected.values()].reduce((sum, items) => sum + items.length, 0);

    const { run, deliveries } = await withBenchProcesses(options, async (emulator, bot) => {
      const { apiRoot } = await emulator.call("start", {
        limits: {
          botWidePerSecond: sizes.botWidePerSecond,
          perChatPerSecond: sizes.perChatPerSecond,
        },
      });
      await emulator.call("watchDeliveries", {});
      const run = await bot.call("runPush", {
        apiRoot,
        dataDir,
        env: {
          PUSH_MAX_PER_SECOND: String(sizes.botWidePerSecond),
          PUSH_MAX_PER_CHAT_PER_SECOND: String(sizes.perChatPerSecond),
        },
      });
      const deliveries = await emulator.call("deliveryReport", { expected });
      return { run, deliveries };
    });

    // What a restart would see: every reader's cursor past the items it was given.
    const readers = await createJsonReaderStore({ dir: dataLayoutOf(dataDir).readersDir });
    const newestSeq = cursor + fresh.length;
    let recorded = 0;
    for (const reader of readers.all()) if (reader.cursor >= newestSeq) recorded += 1;

    const allowed = Math.min(sizes.botWidePerSecond, sizes.readers * sizes.perChatPerSecond);
    const achieved = run.report.rate;
    const share = achieved / allowed;
    const serverRate =
      deliveries.spanMs > 0 ? ((deliveries.delivered - 1) * 1000) / deliveries.spanMs : 0;
    const tooMany = deliveries.stats.tooManyRequests;

    const failures: string[] = [];
    if (deliveries.lost > 0) failures.push(`${deliveries.lost} owed pushes never arrived.`);
    if (deliveries.duplicated > 0) {
      failures.push(`${deliveries.duplicated} pushes arrived more than once.`);
    }
    if (deliveries.unexpected > 0) {
      failures.push(`${deliveries.unexpected} messages went to a reader who was not owed them.`);
    }
    if (recorded !== sizes.readers) {
      failures.push(
        `${sizes.readers - recorded} readers' cursors were not recorded after the run.`,
      );
    }

    return {
      title: "1. Broadcast",
      setup:
        `${formatCount(sizes.readers)} readers, one topic each; ${fresh.length} new items ` +
        `(${sizes.itemsPerTopic} per topic) owe ${formatCount(owed)} pushes. Emulator limits ` +
        `${formatCount(sizes.botWidePerSecond)} messages/s bot-wide and ${sizes.perChatPerSecond}/s per chat, ` +
        "and the bot is configured with the same. One push run (createPushService's runner) in the bot process, " +
        "the emulator in another.",
      rows: [
        {
          metric: "Achieved rate / allowed rate (whole run)",
          value: `${formatCount(achieved)} / ${formatCount(allowed)} messages/s = ${formatPercent(share)}`,
          target: `≥ ${formatPercent(TARGET_RATE_SHARE)}`,
          met: share >= TARGET_RATE_SHARE,
        },
        {
          metric: "Rate at the emulator (first to last delivery)",
          value: `${formatCount(serverRate)} messages/s`,
        },
        {
          metric: "429 Too Many Requests received",
          value: `${formatCount(tooMany)} (per-chat limit: ${deliveries.tooManyRequests.perChat}, bot-wide: ${deliveries.tooManyRequests.botWide})`,
          target: "0",
          met: tooMany === 0,
        },
        {
          metric: "Pushes lost / duplicated",
          value: `${formatCount(deliveries.lost)} / ${formatCount(deliveries.duplicated)} of ${formatCount(deliveries.expected)}`,
          target: "0 / 0",
          met: deliveries.lost === 0 && deliveries.duplicated === 0,
        },
        {
          metric: "Readers whose cursor was recorded",
          value: `${formatCount(recorded)} / ${formatCount(sizes.readers)}`,
        },
        { metric: "Run duration", value: formatMs(run.report.durationMs) },
        {
          metric: "CPU busy during the run (bot process / emulator process)",
          value: `${formatPercent(run.cpuMs / run.report.durationMs)} / ${formatPercent(deliveries.cpuMs / run.report.durationMs)}`,
        },
        {
          metric: "Sent / failed (push engine's count)",
          value: `${formatCount(run.report.sent)} / ${formatCount(run.report.failed)}`,
        },
        {
          metric: "Peak resident memory (bot process)",
          value: formatBytes(run.memory.maxRssBytes),
        },
        {
          metric: "Warnings and errors the bot logged",
          value:
            run.warnings === 0
              ? "0"
              : `${formatCount(run.warnings)}, first: ${run.firstProblems[0] ?? ""}`,
        },
      ],
      failures,
    };
  } finally {
    await dir.remove();
  }
}
