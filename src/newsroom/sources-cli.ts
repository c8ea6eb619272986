import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import type { Clock } from "../clock.js";
import { ConfigError } from "../config.js";
import { dataLayoutOf } from "../data-layout.js";
import { createIngestConfig } from "../ingest/ingest-config.js";
import { createPoliteFetcher } from "./polite-fetcher.js";
import type { SourceHealth } from "./source-health.js";
import { parseSourcesArgs, SOURCES_USAGE } from "./sources-cli-args.js";
import { createSourcesDesk } from "./sources-desk.js";

export interface SourcesCliIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  fetch: typeof globalThis.fetch;
  clock: Clock;
}

const CLI_USER_AGENT = "Briefbot-sources/0.1";

function healthLine(health: SourceHealth): string {
  const lines = [`${health.name ?? health.url}`, `  ${health.url}`];
  lines.push(
    `  last success: ${health.lastSuccessAt ?? "never"} · items in the last 24 h: ${health.itemsLast24h}`,
  );
  if (health.lastError) {
    lines.push(`  failing (${health.failures} in a row): ${health.lastError}`);
  }
  if (health.nextDueAt) lines.push(`  next fetch: ${health.nextDueAt}`);
  return lines.join("\n");
}

/**
 * The whole `npm run sources` command; resolves with the exit code (0 done, 1 the
 * edit was refused, 2 a usage error). Messages name the file and say what to do.
 */
export async function runSourcesCli(io: SourcesCliIo): Promise<number> {
  const command = parseSourcesArgs(io.argv);
  if (command.kind === "help") {
    io.stdout.write(SOURCES_USAGE);
    return 0;
  }
  if (command.kind === "usage-error") {
    io.stderr.write(`${command.message}\n\n${SOURCES_USAGE}`);
    return 2;
  }
  let dataDir: string;
  try {
    dataDir = createIngestConfig(io.env, io.cwd).dataDir;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  const fetcher = createPoliteFetcher({
    fetch: io.fetch,
    clock: io.clock,
    userAgent: CLI_USER_AGENT,
  });
  const path = dataLayoutOf(dataDir).sources;
  const fromCwd = relative(io.cwd, path);
  const label = fromCwd.startsWith("..") ? path : fromCwd;
  const desk = createSourcesDesk({ dataDir, fetcher, clock: io.clock, label });
  const refuse = (detail: string) => {
    io.stderr.write(`${detail}\n`);
    return 1;
  };

  switch (command.kind) {
    case "list": {
      const listing = await desk.list();
      if (!listing.ok) return refuse(listing.error);
      if (listing.health.length === 0) {
        io.stdout.write(`No sources in ${label}; add one with: npm run sources -- add <url>\n`);
      } else {
        io.stdout.write(`${listing.health.map(healthLine).join("\n\n")}\n`);
      }
      for (const problem of listing.problems) io.stderr.write(`left out: ${problem}\n`);
      return 0;
    }
    case "add": {
      const result = await desk.add(command.url, command.options);
      if (!result.ok) return refuse(`Not added: ${result.detail}.`);
      const via = result.via ? ` (advertised by ${result.via})` : "";
      io.stdout.write(
        `Added the ${result.kind} ${result.source.name ?? result.source.url}: ${result.source.url}${via} to ${label}\n`,
      );
      return 0;
    }
    case "remove": {
      const result = await desk.remove(command.url);
      if (!result.ok) return refuse(`Not removed: ${result.detail}.`);
      io.stdout.write(
        `Removed ${result.source.url} from ${label}; its articles stay in the store.\n`,
      );
      return 0;
    }
    case "import": {
      let text: string;
      try {
        text = await readFile(command.file, "utf8");
      } catch (error) {
        return refuse(
          `${command.file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
        );
      }
      const result = await desk.importOpml(text);
      if ("ok" in result) return refuse(`Nothing imported: ${command.file}: ${result.detail}.`);
      for (const source of result.added) io.stdout.write(`added ${source.url}\n`);
      for (const skip of result.skipped) io.stdout.write(`skipped ${skip.url}: ${skip.reason}\n`);
      io.stdout.write(
        `${result.added.length} added, ${result.skipped.length} skipped, in ${label}\n`,
      );
      return 0;
    }
  }
}
