import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { UserFromGetMe } from "grammy/types";
import { emulatedBotInfo } from "../../dev/emulator/index.js";
import { type App, createApp } from "../../src/app.js";
import type { Article } from "../../src/articles/schema.js";
import { type Clock, createManualClock } from "../../src/clock.js";
import { createConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { LOCALES_DIR } from "../../src/paths.js";

/** A token of the right shape; only ever sent to emulators on 127.0.0.1. */
export const TEST_TOKEN = "1234567:AAH-test-token-for-local-emulators-x";
export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const SAMPLE_ARTICLES = join(REPO_ROOT, "data/articles.json");

/** What the emulators' getMe says for TEST_TOKEN; the bot skips that round trip. */
export const TEST_BOT_INFO: UserFromGetMe = emulatedBotInfo(TEST_TOKEN, {
  botUsername: "briefbot_test_bot",
  botFirstName: "Briefbot",
});

export interface TestApp {
  app: App;
  dataDir: string;
  clock: ReturnType<typeof createManualClock>;
  logs: string[];
  stop(): Promise<void>;
}

export interface TestAppOptions {
  apiRoot: string;
  token?: string;
  /** The sample store (default) or these articles. */
  articles?: readonly Article[];
  env?: Record<string, string>;
  /** Reuse a data dir (restarts); a fresh temp dir otherwise. */
  dataDir?: string;
  clock?: Clock;
  /** Start receiving updates (default true). */
  start?: boolean;
}

/** The real app, wired exactly as main.ts does, against a local Bot API emulator. */
export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "briefbot-test-")));
  if (!options.dataDir) {
    if (options.articles) {
      await writeFile(
        join(dataDir, "articles.json"),
        JSON.stringify({ articles: options.articles }, null, 2),
      );
    } else {
      await cp(SAMPLE_ARTICLES, join(dataDir, "articles.json"));
    }
  }
  const config = createConfig({
    BOT_TOKEN: options.token ?? TEST_TOKEN,
    TELEGRAM_API_ROOT: options.apiRoot,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    ...options.env,
  });
  const logs: string[] = [];
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.botToken],
    write: (line) => logs.push(line),
  });
  const clock = (options.clock as TestApp["clock"]) ?? createManualClock("2026-11-28T09:00:00Z");
  const app = await createApp(config, {
    logger,
    clock,
    localesDir: LOCALES_DIR,
    botInfo: TEST_BOT_INFO,
  });
  if (options.start !== false) await app.start();
  return {
    app,
    dataDir,
    clock,
    logs,
    async stop() {
      await app.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
