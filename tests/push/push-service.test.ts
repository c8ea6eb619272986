import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createBotApiEmulator } from "../../dev/emulator/index.js";
import { createFileArticleStore } from "../../src/articles/article-store.js";
import { systemClock } from "../../src/clock.js";
import { createConfig } from "../../src/config.js";
import { createI18n } from "../../src/i18n.js";
import { createLogger } from "../../src/logger.js";
import { LOCALES_DIR } from "../../src/paths.js";
import { createPushService } from "../../src/push/push-service.js";
import { createJsonReaderStore } from "../../src/readers/json-reader-store.js";
import { createReader } from "../../src/readers/reader.js";
import { createOutboundLane, laneLimitsFrom } from "../../src/telegram/outbound-lane.js";
import { TEST_TOKEN } from "../helpers/test-app.js";
import { makeArticle } from "./push-harness.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the push service on its schedule", () => {
  it("should push new items on the cron tick, and not to readers who subscribed after they appeared", async () => {
    const emu = await createBotApiEmulator({ token: TEST_TOKEN });
    cleanups.push(() => emu.close());
    const dataDir = await mkdtemp(join(tmpdir(), "briefbot-service-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const articlesPath = join(dataDir, "articles.json");
    const baseline = [makeArticle("known", ["ai"])];
    await writeFile(articlesPath, JSON.stringify({ articles: baseline }));

    const config = createConfig({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: emu.apiRoot,
      DATA_DIR: dataDir,
      PUSH_CRON: "* * * * * *", // every second
    });
    const logger = createLogger({ level: "silent", secrets: [TEST_TOKEN] });
    const articles = await createFileArticleStore({ path: articlesPath, logger });
    cleanups.push(async () => articles.close());
    const readers = await createJsonReaderStore({ dir: join(dataDir, "readers") });
    const push = await createPushService({
      config,
      logger,
      clock: systemClock,
      i18n: createI18n<Context>(LOCALES_DIR, () => undefined),
      articles,
      readers,
      lane: createOutboundLane({ limits: laneLimitsFrom(config.telegram), logger }),
    });
    cleanups.push(() => push.stop());
    expect(push.ledger.entry("known")?.seq).toBe(1);

    const subscribe = async (chatId: number) => {
      const now = new Date();
      await readers.update(chatId, () => ({
        ...createReader(chatId, "en", now, push.ledger.maxSeq()),
        topics: { ai: now.toISOString() },
      }));
    };
    await subscribe(61);
    // An editor saves; the store reloads and the ledger notes the time, before any tick.
    await writeFile(
      articlesPath,
      JSON.stringify({ articles: [...baseline, makeArticle("breaking", ["ai"])] }),
    );
    await expect.poll(() => push.ledger.entry("breaking")).toBeDefined();
    await subscribe(62);

    const pushed = emu.user({ id: 61 }).waitForBotMessage({ timeoutMs: 5000 });
    push.start();
    expect((await pushed).text).toContain("Title breaking");
    await push.stop();
    expect(push.runner.running).toBe(false);
    expect(emu.deliveredTo(61)).toHaveLength(1);
    expect(emu.deliveredTo(62)).toEqual([]);
    expect(push.stats.lastRun()).toMatchObject({ sent: 1, failed: 0 });
  });
});
