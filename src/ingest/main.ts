import { readFile } from "node:fs/promises";
import { systemClock } from "../clock.js";
import { ConfigError } from "../config.js";
import { parseCliArgs, USAGE } from "./cli-args.js";
import { createIngestConfig } from "./ingest-config.js";
import { createProgress } from "./progress.js";
import { exitCodeOf, formatReport } from "./report.js";
import { runIngest } from "./run-ingest.js";
import { createLibreTranslator } from "./translate.js";

/** `npm run ingest -- <source…>`: the only ingest module that touches argv, env and stdout. */
async function main(): Promise<number> {
  const command = parseCliArgs(process.argv.slice(2));
  if (command.kind === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command.kind === "usage-error") {
    process.stderr.write(`${command.message}\n\n${USAGE}`);
    return 2;
  }
  let config: ReturnType<typeof createIngestConfig>;
  try {
    config = createIngestConfig(process.env, process.cwd());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }

  const progress = createProgress(command.sources.length, process.stdout);
  const report = await runIngest(
    {
      sources: command.sources,
      dryRun: command.dryRun,
      storePath: config.storePath,
      storeLabel: config.storeLabel,
    },
    {
      readFile: (path) => readFile(path),
      fetch: globalThis.fetch,
      clock: systemClock,
      translator: config.translateUrl
        ? createLibreTranslator(config.translateUrl, globalThis.fetch)
        : undefined,
      onSourceDone: (origin) => progress.tick(origin),
    },
  ).finally(() => progress.stop());
  process.stdout.write(formatReport(report));
  return exitCodeOf(report);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `ingest stopped by an unexpected error: ${(error as Error)?.stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
