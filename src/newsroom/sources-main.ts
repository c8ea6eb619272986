import { systemClock } from "../clock.js";
import { runSourcesCli } from "./sources-cli.js";

// `npm run sources -- …`: the only newsroom module that touches process.
runSourcesCli({
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
      `sources stopped by an unexpected error: ${(error as Error)?.stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
