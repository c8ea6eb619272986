import { ConfigError, LOG_LEVELS, type LogLevel } from "../../src/config.js";
import { type RunningDemo, startDemo } from "./start-demo.js";

const DEFAULT_DEMO_PORT = 3000;
const DEFAULT_DEMO_HOST = "127.0.0.1";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_DEMO_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`PORT "${raw}" is not a TCP port; give a number from 0 to 65535 (0 picks a free one).`);
  }
  return port;
}

function readLogLevel(raw: string | undefined): LogLevel {
  const level = (raw ?? "").trim().toLowerCase();
  if (level === "") return "warn";
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    fail(`LOG_LEVEL "${raw}" is unknown; use one of ${LOG_LEVELS.join(", ")}.`);
  }
  return level as LogLevel;
}

// The only demo module that reads the environment, prints, and handles signals.
async function main(): Promise<void> {
  const port = readPort(process.env.PORT);
  const host = process.env.HOST?.trim() || DEFAULT_DEMO_HOST;
  const logLevel = readLogLevel(process.env.LOG_LEVEL);

  // Handlers go in first so that Ctrl-C during startup still removes the temp dir.
  let starting: Promise<RunningDemo | undefined> = Promise.resolve(undefined);
  let signalled = false;
  const shutdown = () => {
    // A second Ctrl-C while stopping changes nothing: stop() is idempotent.
    if (signalled) return;
    signalled = true;
    process.stdout.write("\nStopping the demo…\n");
    starting
      .catch(() => undefined)
      .then((demo) => demo?.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`The demo did not stop cleanly: ${(error as Error).message}\n`);
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  starting = startDemo({ host, port, logLevel });
  let demo: RunningDemo | undefined;
  try {
    demo = await starting;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      fail(`Port ${port} is already in use; set PORT to another number, or PORT=0 for a free one.`);
    }
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
      fail(`HOST "${host}" is not an address of this machine; try HOST=127.0.0.1.`);
    }
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (!signalled) process.stdout.write(`Briefbot demo: open ${demo?.url} (Ctrl-C to stop)\n`);
}

void main();
