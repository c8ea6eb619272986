import { readFile } from "node:fs/promises";
import type { Clock } from "../clock.js";
import { ConfigError } from "../config.js";
import { parseCliArgs, USAGE } from "./cli-args.js";
import { createIngestConfig } from "./ingest-config.js";
import { createProgress } from "./progress.js";
import { exitCodeOf, formatReport } from "./report.js";
import { runIngest } from "./run-ingest.js";
import { createLibreTranslator } from "./translate.js";

export interface CliIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  fetch: typeof globalThis.fetch;
  clock: Clock;
}

/**
 * The whole `npm run ingest` command, given its inputs and outputs; resolves with
 * the exit code (0 ok, 1 a source or the store failed, 2 a usage error).
 */
export async function runIngestCli(io: CliIo): Promise<number> {
  const command = parseCliArgs(io.argv);
  if (command.kind === "help") {
    io.stdout.write(USAGE);
    return 0;
  }
  if (command.kind === "usage-error") {
    io.stderr.write(`${command.message}\n\n${USAGE}`);
    return 2;
  }
  let config: ReturnType<typeof createIngestConfig>;
  try {
    config = createIngestConfig(io.env, io.cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }

  const progress = createProgress(command.sources.length, io.stdout);
  const report = await runIngest(
    {
      sources: command.sources,
      dryRun: command.dryRun,
      givenUrl: command.url,
      storePath: config.storePath,
      storeLabel: config.storeLabel,
    },
    {
      readFile: (path) => readFile(path),
      fetch: io.fetch,
      clock: io.clock,
      translator: config.translateUrl
        ? createLibreTranslator(config.translateUrl, io.fetch)
        : undefined,
      onSourceDone: (origin) => progress.tick(origin),
    },
  ).finally(() => progress.stop());
  io.stdout.write(formatReport(report));
  return exitCodeOf(report);
}
