import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { validateArticleFile } from "../../src/articles/schema.js";
import { systemClock } from "../../src/clock.js";
import { runIngestCli } from "../../src/ingest/cli.js";
import { type CliRun, sink } from "../helpers/output-sink.js";
import {
  fixture,
  type LocalServer,
  REPO_ROOT,
  readFixture,
  SEED_ARTICLE,
  startLocalServer,
  tempDataDir,
} from "./ingest-helpers.js";

/** The ingest command in-process: the same code as `npm run ingest`, minus process start-up. */
async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const stdout = sink();
  const stderr = sink();
  const code = await runIngestCli({
    argv: args,
    env: { TRANSLATE_URL: "", ...env },
    cwd: REPO_ROOT,
    stdout,
    stderr,
    fetch: globalThis.fetch,
    clock: systemClock,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The real entry point as npm runs it (through tsx instead of the build step). */
function spawnCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/ingest/main.ts", ...args],
      { cwd: REPO_ROOT, env: { ...process.env, TRANSLATE_URL: "", ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("npm run ingest", () => {
  it("should fill a new store, print the table and exit 0", async () => {
    const dataDir = await tempDataDir();
    const run = await runCli([SEED_ARTICLE, fixture("feed-fr.atom.xml")], { DATA_DIR: dataDir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^STATUS\s+ARTICLE \/ SOURCE\s+DETAIL$/m);
    expect(run.stdout).toMatch(
      /^added\s+tencent-70-milliards-dollars-investit-fintech-[0-9a-f]{6}\s+fr; topics: /m,
    );
    expect(run.stdout).toContain("5 added, 0 updated, 0 unchanged, 0 skipped, 0 failed.");
    // Output is not a terminal here: no progress bar characters.
    expect(run.stdout).not.toContain("░");
    const store = JSON.parse(await readFile(join(dataDir, "articles.json"), "utf8"));
    const validation = validateArticleFile(store, "articles.json");
    expect(validation.problems).toEqual([]);
    expect(validation.articles).toHaveLength(5);
  });

  it("should report unchanged items on a second run and not touch the file", async () => {
    const dataDir = await tempDataDir();
    await runCli([SEED_ARTICLE], { DATA_DIR: dataDir });
    const before = await readFile(join(dataDir, "articles.json"), "utf8");
    const run = await runCli([SEED_ARTICLE], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("0 added, 0 updated, 1 unchanged, 0 skipped, 0 failed.");
    expect(run.stdout).toContain("left as it was");
    expect(await readFile(join(dataDir, "articles.json"), "utf8")).toBe(before);
  });

  it("should exit 1 and name each failed source while the good ones go in", async () => {
    const rss = await readFixture("feed-en.rss.xml");
    server = await startLocalServer((request, response) => {
      if (request.url === "/feed.xml") {
        response.writeHead(200, { "content-type": "application/rss+xml" }).end(rss);
      } else response.writeHead(404).end();
    });
    const dataDir = await tempDataDir();
    const run = await spawnCli(
      [
        `${server.url}/feed.xml`,
        fixture("malformed.rss.xml"),
        fixture("empty.txt"),
        `${server.url}/nope`,
      ],
      { DATA_DIR: dataDir },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^failed\s+\S*malformed\.rss\.xml\s+malformed XML/m);
    expect(run.stdout).toMatch(/^failed\s+\S*empty\.txt\s+empty file/m);
    expect(run.stdout).toMatch(new RegExp(`^failed\\s+${server.url}/nope\\s+HTTP 404`, "m"));
    expect(run.stdout).toMatch(
      /^skipped\s+.*item 4 "Apple unveils the Vision Pro headset"\s+no catalog topic$/m,
    );
    const store = JSON.parse(await readFile(join(dataDir, "articles.json"), "utf8"));
    expect(validateArticleFile(store, "articles.json").articles).toHaveLength(3);
  });

  it("should write nothing with --dry-run", async () => {
    const dataDir = await tempDataDir();
    const run = await runCli(["--dry-run", SEED_ARTICLE], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Dry run: nothing was written/);
    expect(run.stdout).toMatch(/^added\s+tencent-/m);
    await expect(readFile(join(dataDir, "articles.json"), "utf8")).rejects.toThrow(/ENOENT/);
  });

  it("should exit 1 without writing when the store is not valid JSON", async () => {
    const dataDir = await tempDataDir();
    await writeFile(join(dataDir, "articles.json"), "{ not json");
    const run = await runCli([SEED_ARTICLE], { DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Error: .*not valid JSON/);
    expect(await readFile(join(dataDir, "articles.json"), "utf8")).toBe("{ not json");
  });

  it("should exit 2 when no source is given", async () => {
    const run = await spawnCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No source given/);
    expect(run.stderr).toContain("Usage: npm run ingest");
  });

  it("should exit 2 on an unknown option", async () => {
    const run = await runCli(["--force", SEED_ARTICLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option "--force"/);
  });

  it("should exit 2 when TRANSLATE_URL is not a URL", async () => {
    const run = await runCli([SEED_ARTICLE], { TRANSLATE_URL: "localhost:5000" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/TRANSLATE_URL "localhost:5000" is not an http\(s\) URL/);
  });

  it("should print the usage and exit 0 with --help", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Usage: npm run ingest -- \[--dry-run\] \[--url <address>\] <source…>/,
    );
  });
});
