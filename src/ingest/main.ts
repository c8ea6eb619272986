import { systemClock } from "../clock.js";
import { runIngestCli } from "./cli.js";

// `npm run ingest -- <source…>`: the only ingest module that touches process.
runIngestCli({
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
    process.stderr.write(
      `ingest stopped by an unexpected error: ${(error as Error)?.stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
