import { ConfigError } from "../../src/config.js";
import { envValue, readLogLevel, readPort } from "../../src/env-readers.js";
import { type RunningDemo, startDemo } from "./start-demo.js";

const DEFAULT_DEMO_PORT = 3000;
const DEFAULT_DEMO_HOST = "127.0.0.1";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// The only demo module that reads the environment, prints, and handles signals.
async function main(): Promise<void> {
  const problems: string[] = [];
  const port = readPort("PORT", process.env.PORT, DEFAULT_DEMO_PORT, problems);
  const logLevel = readLogLevel("LOG_LEVEL", process.env.LOG_LEVEL, "warn", problems);
  if (problems.length > 0) fail(new ConfigError(problems).message);
  const host = envValue(process.env, "HOST") ?? DEFAULT_DEMO_HOST;

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
