import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/schema.js";
import { REPO_ROOT } from "../helpers/test-app.js";
import {
  type FeedItem,
  type LoopbackSites,
  rssFeed,
  startLoopbackSites,
} from "./loopback-sites.js";
import { AI_ACT, DIGITAL_POUND, MICA } from "./stories.js";

const CHILD = join(REPO_ROOT, "tests/newsroom/fixtures/newsroom-child.ts");
const SOURCES = 40;
/** Each answer is held a little, so a pass lasts long enough to be killed inside it. */
const ANSWER_DELAY_MS = 15;
/** steno (lowdb's writer) writes ".<name>.tmp" beside a file, then renames it over the file. */
const isWriterTempFile = (name: string) => /^\..+\.tmp$/.test(name);

interface RunningChild {
  child: ChildProcess;
  exited: Promise<unknown>;
  /** Resolves when the child has finished `count` passes. */
  passes(count: number): Promise<void>;
}

/**
 * The newsroom in a child process, killed with SIGKILL inside a pass (once while
 * fetching, once right after the last answer, while it parses, merges and writes),
 * then started again on the same DATA_DIR.
 */
describe("a newsroom pass killed with SIGKILL", () => {
  let sites: LoopbackSites;
  let dataDir: string;
  /** What every source's feed carries now; the test publishes by changing it. */
  let published: FeedItem[] = [AI_ACT];
  /** Answers sent since the last publication. */
  let answersSincePublished = 0;

  beforeAll(async () => {
    sites = await startLoopbackSites();
    for (let index = 0; index < SOURCES; index += 1) {
      sites.set(`/s${index}.xml`, (_request, response) => {
        const body = rssFeed(
          sites.url,
          `Outlet ${index}`,
          published.map((item) => ({ ...item, link: `/s${index}${item.link}` })),
        );
        setTimeout(() => {
          answersSincePublished += 1;
          response.writeHead(200, { "content-type": "application/rss+xml" }).end(body);
        }, ANSWER_DELAY_MS);
      });
    }
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-newsroom-crash-"));
    await writeFile(join(dataDir, "articles.json"), '{ "articles": [] }\n');
    const sources = Array.from({ length: SOURCES }, (_, index) => ({
      url: `${sites.url}/s${index}.xml`,
      name: `Outlet ${index}`,
    }));
    await writeFile(join(dataDir, "sources.json"), JSON.stringify({ sources }));
  });
  /** Every child started, so a failing test leaves none running. */
  const started: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of started) if (child.exitCode === null) child.kill("SIGKILL");
    await sites.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function startChild(): RunningChild {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "inherit"],
    });
    started.push(child);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    let done = 0;
    const waiters: { count: number; resolve: () => void }[] = [];
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      done += chunk.split("\n").filter((line) => line.startsWith("pass ")).length;
      for (const waiter of waiters.filter((entry) => entry.count <= done)) waiter.resolve();
    });
    return {
      child,
      exited,
      passes: (count) =>
        new Promise((resolve, reject) => {
          if (done >= count) return resolve();
          waiters.push({ count, resolve });
          void exited.then(() => reject(new Error("the newsroom child exited")));
        }),
    };
  }

  function publish(items: FeedItem[]): void {
    published = items;
    answersSincePublished = 0;
  }

  /** Resolves once `count` answers went out since the last publication. */
  async function answersSent(count: number): Promise<void> {
    while (answersSincePublished < count) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  async function kill(running: RunningChild): Promise<void> {
    running.child.kill("SIGKILL");
    await running.exited;
  }

  /** Every file the bot reads from DATA_DIR, parsed: a torn write would throw here. */
  async function readDataDir(): Promise<Record<string, unknown>> {
    const files: Record<string, unknown> = {};
    const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || isWriterTempFile(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      const text = await readFile(path, "utf8");
      try {
        files[relative(dataDir, path)] = JSON.parse(text);
      } catch (error) {
        throw new Error(
          `${relative(dataDir, path)} is not valid JSON: ${(error as Error).message}`,
        );
      }
    }
    return files;
  }

  const storedItems = async () =>
    ((await readDataDir())["articles.json"] as { articles: Article[] }).articles;
  const headlines = async () => (await storedItems()).map((item) => item.briefs.en?.title);

  it("should leave every file valid and lose or repeat nothing on restart", {
    timeout: 120_000,
  }, async () => {
    let running = startChild();
    await running.passes(1);
    expect(await headlines()).toEqual([AI_ACT.title]);

    // Killed while fetching: a quarter of the sources have answered.
    publish([DIGITAL_POUND, AI_ACT]);
    await answersSent(SOURCES / 4);
    await kill(running);
    const beforeRestart = await storedItems();
    expect(beforeRestart.map((item) => item.briefs.en?.title)).toContain(AI_ACT.title);

    running = startChild();
    await running.passes(1);
    expect(await headlines()).toEqual([AI_ACT.title, DIGITAL_POUND.title]);
    for (const item of beforeRestart) expect(await storedItems()).toContainEqual(item);

    // Killed right after the last answer: while it parses, merges and writes.
    publish([MICA, DIGITAL_POUND, AI_ACT]);
    await answersSent(SOURCES);
    await kill(running);
    const beforeSecondRestart = await storedItems();

    running = startChild();
    await running.passes(1);
    await kill(running);
    expect(await headlines()).toEqual([AI_ACT.title, DIGITAL_POUND.title, MICA.title]);
    const after = await storedItems();
    for (const item of beforeSecondRestart) {
      expect(after.find((stored) => stored.id === item.id)).toBeDefined();
    }
    expect(new Set(after.map((item) => item.id)).size).toBe(after.length);
    // The state file records every source's last success.
    const state = (await readDataDir())[join("state", "newsroom.json")] as {
      sources: Record<string, { lastSuccessAt?: string }>;
    };
    expect(Object.values(state.sources)).toHaveLength(SOURCES);
    for (const source of Object.values(state.sources)) expect(source.lastSuccessAt).toBeDefined();
  });
});
