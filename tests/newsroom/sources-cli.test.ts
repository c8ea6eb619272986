import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { runSourcesCli } from "../../src/newsroom/sources-cli.js";
import { type CliRun, sink } from "../helpers/output-sink.js";
import { closedPortUrl, REPO_ROOT } from "../ingest/ingest-helpers.js";
import { articlePage, type LoopbackSites, rssFeed, startLoopbackSites } from "./loopback-sites.js";
import { AI_ACT, NVIDIA_PAGE_PARAGRAPHS } from "./stories.js";

describe("npm run sources", () => {
  let sites: LoopbackSites;
  let dataDir: string;
  beforeAll(async () => {
    sites = await startLoopbackSites();
    sites.set("/feed.xml", {
      status: 200,
      headers: { "content-type": "application/rss+xml" },
      body: rssFeed("http://127.0.0.1", "Loopback Policy", [AI_ACT]),
    });
    sites.set("/home", {
      status: 200,
      headers: { "content-type": "text/html" },
      body: `<!doctype html><html><head><title>Home</title><link rel="alternate" type="application/atom+xml" href="/feed.xml"></head><body></body></html>`,
    });
    sites.set("/story", {
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: articlePage({
        title: "Nvidia's record quarter",
        paragraphs: NVIDIA_PAGE_PARAGRAPHS,
        lang: "en",
      }),
    });
    sites.set("/logo.png", {
      status: 200,
      headers: { "content-type": "image/png" },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
    });
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-sources-cli-"));
  });
  afterAll(async () => {
    await sites.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function run(...args: string[]): Promise<CliRun> {
    const stdout = sink();
    const stderr = sink();
    const code = await runSourcesCli({
      argv: args,
      env: { DATA_DIR: dataDir },
      cwd: REPO_ROOT,
      stdout,
      stderr,
      fetch: globalThis.fetch,
      clock: systemClock,
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }
  const listed = async () =>
    (
      JSON.parse(await readFile(join(dataDir, "sources.json"), "utf8")) as {
        sources: { url: string; name?: string; topics?: string[] }[];
      }
    ).sources;

  it("should add the feed a page advertises, with a name and topics, and refuse it twice", async () => {
    const added = await run(
      "add",
      `${sites.url}/home`,
      "--name",
      "Policy desk",
      "--topics",
      "ai,regulation",
    );
    expect(added).toMatchObject({ code: 0, stderr: "" });
    expect(added.stdout).toContain(
      `Added the feed Policy desk: ${sites.url}/feed.xml (advertised by ${sites.url}/home)`,
    );
    expect(await listed()).toEqual([
      { url: `${sites.url}/feed.xml`, name: "Policy desk", topics: ["ai", "regulation"] },
    ]);

    const again = await run("add", `${sites.url}/feed.xml/`);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Not added: .*feed\.xml\/ is already in .*sources\.json\.\n$/);
  });

  it("should add an article page as a page", async () => {
    const added = await run("add", `${sites.url}/story`);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`Added the page`);
  });

  it("should refuse an unreachable URL, a URL that is neither feed nor page, and bad arguments", async () => {
    const unreachable = await run("add", await closedPortUrl());
    expect(unreachable).toMatchObject({ code: 1 });
    expect(unreachable.stderr).toBe("Not added: unreachable: connection refused (ECONNREFUSED).\n");
    const binary = await run("add", `${sites.url}/logo.png`);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain("neither an RSS/Atom feed nor an HTML page");
    const missing = await run("add", `${sites.url}/gone`);
    expect(missing.stderr).toBe("Not added: HTTP 404 Not Found.\n");

    expect(await run("add", "not a url")).toMatchObject({
      code: 1,
      stderr: 'Not added: "not a url" is not an http(s) URL.\n',
    });
    const badTopic = await run("add", `${sites.url}/feed.xml`, "--topics", "weather");
    expect(badTopic.code).toBe(2);
    expect(badTopic.stderr).toContain('--topics: "weather" is not a topic');
    expect((await run("frobnicate")).code).toBe(2);
    expect((await run("remove")).code).toBe(2);
    expect(await listed()).toHaveLength(2);
  });

  it("should list each source with its health, remove one, and import an OPML export", async () => {
    const list = await run("list");
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(
      `Policy desk\n  ${sites.url}/feed.xml\n  last success: never · items in the last 24 h: 0`,
    );

    expect(await run("remove", `${sites.url}/nowhere.xml`)).toMatchObject({ code: 1 });
    expect((await run("remove", `${sites.url}/story`)).stdout).toContain(
      `Removed ${sites.url}/story`,
    );

    const opml = join(dataDir, "feeds.opml");
    await writeFile(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>Exported</title></head><body>
<outline text="Tech"><outline text="Policy" xmlUrl="${sites.url}/feed.xml"/><outline text="The Register" title="The Register" xmlUrl="https://www.theregister.com/headlines.atom"/></outline>
</body></opml>`,
    );
    const imported = await run("import", opml);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("1 added, 1 skipped");
    expect((await listed()).map((source) => source.name)).toEqual(["Policy desk", "The Register"]);
    expect((await run("import", join(dataDir, "missing.opml"))).code).toBe(1);
    await writeFile(join(dataDir, "not.opml"), "<html></html>");
    expect((await run("import", join(dataDir, "not.opml"))).stderr).toContain("not an OPML file");
  });

  it("should say so when sources.json is broken, and leave it as it is", async () => {
    const brokenDir = await mkdtemp(join(tmpdir(), "briefbot-sources-broken-"));
    await writeFile(join(brokenDir, "sources.json"), '{ "sources": ');
    const stderr = sink();
    const code = await runSourcesCli({
      argv: ["add", `${sites.url}/feed.xml`],
      env: { DATA_DIR: brokenDir },
      cwd: REPO_ROOT,
      stdout: sink(),
      stderr,
      fetch: globalThis.fetch,
      clock: systemClock,
    });
    expect(code).toBe(1);
    expect(stderr.text()).toMatch(/sources\.json: not valid JSON .*; fix it first/);
    expect(await readFile(join(brokenDir, "sources.json"), "utf8")).toBe('{ "sources": ');
    await rm(brokenDir, { recursive: true, force: true });
  });

  it("should run as a command (the entry point npm runs)", async () => {
    const result = await new Promise<CliRun>((done) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "src/newsroom/sources-main.ts", "list"],
        { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dataDir } },
        (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Policy desk");
  });
});
