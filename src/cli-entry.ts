import type { Clock } from "./clock.js";
import { systemClock } from "./clock.js";

/** What an editors' command (`npm run ingest`, `npm run sources`) gets from the process. */
export interface CliProcess {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  fetch: typeof globalThis.fetch;
  clock: Clock;
}

/**
 * Runs an editors' command with this process's arguments, streams and network, and
 * sets the exit code it returns. An unexpected error is one line naming the command;
 * the stack follows only with DEBUG=1, for whoever fixes it.
 */
export function runCliEntry(name: string, run: (cli: CliProcess) => Promise<number>): void {
  run({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    fetch: globalThis.fetch,
    clock: systemClock,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const detail = process.env.DEBUG ? ((error as Error)?.stack ?? String(error)) : String(error);
      process.stderr.write(`${name} stopped by an unexpected error: ${detail}\n`);
      process.exitCode = 1;
    },
  );
}
