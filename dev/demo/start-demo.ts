import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type App, createApp } from "../../src/app.js";
import { systemClock } from "../../src/clock.js";
import { createConfig, type LogLevel } from "../../src/config.js";
import { ARTICLES_FILE_NAME } from "../../src/data-layout.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { LOCALES_DIR } from "../../src/paths.js";
import { createBotApiEmulator } from "../emulator/index.js";
import type { BotApiEmulator } from "../emulator/types.js";
import { createDemoChannel, type DemoChannel } from "./demo-channel.js";
import {
  DEFAULT_DEMO_READER,
  type DemoReader,
  type DemoServer,
  startDemoServer,
} from "./demo-server.js";

/** A made-up token of the right shape: it only ever goes to the emulator on 127.0.0.1. */
export const DEMO_TOKEN = "1234567:AAH-demo-token-only-for-the-local-emulator";
export const DEMO_BOT = { username: "briefbot_demo_bot", firstName: "Briefbot" } as const;
/** Short, so a published sample reaches the chat while the visitor watches. */
export const DEMO_PUSH_INTERVAL_S = 3;
/** The repository's sample store, found from this module so src/ and dist/ both work. */
export const SAMPLE_STORE_PATH = fileURLToPath(
  new URL("../../data/articles.json", import.meta.url),
);

export interface DemoOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default "warn". */
  logLevel?: LogLevel;
  /** Where JSON log lines go; default stdout. */
  writeLog?: (line: string) => void;
  reader?: DemoReader;
}

export interface RunningDemo {
  /** The page, e.g. http://127.0.0.1:3000 */
  readonly url: string;
  readonly emulator: BotApiEmulator;
  readonly app: App;
  readonly server: DemoServer;
  /** The channel the reader administers; the bot is an administrator there from the start. */
  readonly channel: DemoChannel;
  /** The temporary data dir holding the demo's copy of the store and its readers. */
  readonly dataDir: string;
  readonly logger: Logger;
  /** Stops the page, the bot, then the emulator, and removes the data dir. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts the whole demo in this process: the Bot API emulator, the production app
 * (createApp, exactly as main.ts wires it; only the API root and data dir differ) on a
 * temporary copy of the sample store, and the page server.
 */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const dataDir = await mkdtemp(join(tmpdir(), "briefbot-demo-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    await copyFile(SAMPLE_STORE_PATH, join(dataDir, ARTICLES_FILE_NAME));

    const emulator = await createBotApiEmulator({
      token: DEMO_TOKEN,
      botUsername: DEMO_BOT.username,
      botFirstName: DEMO_BOT.firstName,
    });
    cleanups.push(() => emulator.close());

    const config = createConfig({
      BOT_TOKEN: DEMO_TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATA_DIR: dataDir,
      PUSH_CRON: `*/${DEMO_PUSH_INTERVAL_S} * * * * *`,
      LOG_LEVEL: options.logLevel ?? "warn",
    });
    const secretPart = config.botToken.split(":")[1] ?? "";
    const logger = createLogger({
      level: config.logLevel,
      secrets: [config.botToken, secretPart],
      ...(options.writeLog ? { write: options.writeLog } : {}),
    });
    const app = await createApp(config, { logger, clock: systemClock, localesDir: LOCALES_DIR });
    cleanups.push(() => app.stop());
    await app.start();

    const reader = options.reader ?? DEFAULT_DEMO_READER;
    const channel = createDemoChannel(emulator);
    const server = await startDemoServer({
      emulator,
      dataDir,
      host: options.host ?? "127.0.0.1",
      port: options.port ?? 0,
      bot: { firstName: app.bot.botInfo.first_name, username: app.bot.botInfo.username },
      pushIntervalSeconds: DEMO_PUSH_INTERVAL_S,
      reader,
      channel: channel.info,
    });
    cleanups.push(() => server.close());
    // After the server has introduced the reader to the emulator: the bot then answers
    // in the reader's language, with the channel's panel in the private chat.
    await channel.addBot(reader.id);

    let stopping: Promise<void> | undefined;
    return {
      url: server.url,
      emulator,
      app,
      server,
      channel,
      dataDir,
      logger,
      stop() {
        stopping ??= cleanUp();
        return stopping;
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
