import { createApp } from "./app.js";
import { systemClock } from "./clock.js";
import { ConfigError, createConfig } from "./config.js";
import { createLogger, routeConsoleTo } from "./logger.js";
import { LOCALES_DIR } from "./paths.js";

// The only module that reads the environment, starts things and handles signals.
async function main(): Promise<void> {
  let config: ReturnType<typeof createConfig>;
  try {
    config = createConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee README.md, "Configuration".\n`);
    process.exit(1);
  }
  const secretPart = config.botToken.split(":")[1] ?? "";
  const logger = createLogger({ level: config.logLevel, secrets: [config.botToken, secretPart] });
  // Libraries print errors with console.* (a request URL holds the token): through the redacting logger instead.
  routeConsoleTo(logger);

  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(config, { logger, clock: systemClock, localesDir: LOCALES_DIR });
  } catch (error) {
    // Opening the stores is where a bad DATA_DIR shows (a file, no permission, a full disk).
    const path = (error as NodeJS.ErrnoException).path;
    const inDataDir = typeof path === "string" && path.startsWith(config.dataDir);
    // One line for the operator (which file, what is wrong, what to do); the stack is for debugging.
    logger.debug({ err: error }, "could not start");
    logger.fatal(
      inDataDir
        ? `could not start: DATA_DIR (${config.dataDir}) must be a folder the bot can write to (${(error as Error).message})`
        : `could not start: ${(error as Error).message}`,
    );
    process.exit(1);
  }

  // graceful shutdown: a second signal while stopping is ignored, stop() is idempotent
  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));

  try {
    await app.start();
  } catch (error) {
    logger.debug({ err: error }, "could not start");
    logger.fatal(
      `could not start: ${(error as Error).message}; check BOT_TOKEN and TELEGRAM_API_ROOT`,
    );
    await app.stop();
    process.exit(1);
  }
}

void main();
