import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { brotliCompressSync, gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/schema.js";
import { createManualClock } from "../../src/clock.js";
import { createLogger } from "../../src/logger.js";
import type { DocumentReader } from "../../src/newsroom/document-reader.js";
import { createNewsroom, type SourceAlert } from "../../src/newsroom/newsroom-pass.js";
import { createWorkerDocumentReader } from "../../src/newsroom/parse-pool.js";
import { createPoliteFetcher } from "../../src/newsroom/polite-fetcher.js";
import { createSourcesDesk } from "../../src/newsroom/sources-desk.js";
import type { Source } from "../../src/newsroom/sources-file.js";
import { REPO_ROOT } from "../ingest/ingest-helpers.js";
import {
  articlePage,
  conditionalFeed,
  type LoopbackSites,
  rssFeed,
  startLoopbackSites,
} from "./loopback-sites.js";
import {
  AI_ACT,
  APPLE_FINE_EN,
  APPLE_FINE_FR,
  ARCEP_5G_PARAGRAPHS,
  ARCEP_5G_TITLE,
  BITCOIN_ETFS_DAILY,
  BITCOIN_ETFS_WIRE,
  DIGITAL_POUND,
  MICA,
  NVIDIA_PAGE_PARAGRAPHS,
  NVIDIA_TEASER,
} from "./stories.js";

const MINUTE = 60_000;
const TSC = join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
const HOUR = 60 * MINUTE;

describe("a newsroom pass over loopback sites", () => {
  let sites: LoopbackSites;
  let dataDir: string;
  let clock: ReturnType<typeof createManualClock>;
  let alerts: SourceAlert[];

  beforeEach(async () => {
    sites = await startLoopbackSites();
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-newsroom-"));
    await writeFile(join(dataDir, "articles.json"), '{ "articles": [] }\n');
    clock = createManualClock("2026-12-02T09:00:00Z");
    alerts = [];
  });
  afterEach(async () => {
    await sites.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const fetcher = () =>
    createPoliteFetcher({ fetch, clock, userAgent: "Briefbot-test/0.1 (+https://t.me/test)" });
  function newsroom(reader?: DocumentReader) {
    return createNewsroom({
      dataDir,
      fetcher: fetcher(),
      ...(reader ? { reader } : {}),
      clock,
      logger: createLogger({ level: "silent", secrets: [] }),
      alert: async (alert) => {
        alerts.push(alert);
      },
    });
  }
  const follow = (sources: Source[]) =>
    writeFile(join(dataDir, "sources.json"), JSON.stringify({ sources }, null, 2));
  const stored = async () =>
    (JSON.parse(await readFile(join(dataDir, "articles.json"), "utf8")) as { articles: Article[] })
      .articles;
  const titles = async () =>
    (await stored()).map((article) => article.briefs.en?.title ?? article.briefs.fr?.title);
  /** A French article page in windows-1252, as French sites still serve them. */
  const serveFrenchPage = () =>
    sites.set("/5g.html", {
      status: 200,
      headers: { "content-type": "text/html; charset=windows-1252" },
      body: iconv.encode(
        articlePage({ title: ARCEP_5G_TITLE, paragraphs: ARCEP_5G_PARAGRAPHS, lang: "fr" }),
        "windows-1252",
      ),
    });
  /** A feed whose one item is a one-line teaser; the article is on its page. */
  const serveTeaserFeed = () => {
    sites.set("/chips.xml", {
      status: 200,
      headers: { "content-type": "application/rss+xml" },
      body: rssFeed(sites.url, "Loopback Chips", [NVIDIA_TEASER]),
    });
    sites.set(NVIDIA_TEASER.link, {
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: articlePage({
        title: NVIDIA_TEASER.title,
        paragraphs: NVIDIA_PAGE_PARAGRAPHS,
        lang: "en",
      }),
    });
  };
  const health = async () => {
    const listing = await createSourcesDesk({ dataDir, fetcher: fetcher(), clock }).list();
    if (!listing.ok) throw new Error(listing.error);
    return listing.health;
  };

  it("should add a feed's items, then send its validators back and take a 304 as nothing new", async () => {
    sites.set("/feed.xml", conditionalFeed(rssFeed(sites.url, "Loopback Policy", [AI_ACT]), "v1"));
    await follow([{ url: `${sites.url}/feed.xml`, name: "Loopback Policy" }]);
    const room = newsroom();

    const first = await room.runPass();
    expect(first).toMatchObject({ fetched: 1, added: 1, failed: 0 });
    expect(await titles()).toEqual(["The EU AI Act enters into force"]);
    expect((await stored())[0]).toMatchObject({
      source: "Loopback Policy",
      topics: expect.arrayContaining(["ai", "regulation"]),
    });

    clock.advance(15 * MINUTE);
    const second = await room.runPass();
    expect(second).toMatchObject({ fetched: 0, notModified: 1, added: 0 });
    const conditional = sites.seen("/feed.xml")[1]?.headers;
    expect(conditional?.["if-none-match"]).toBe('"v1"');
    expect(conditional?.["if-modified-since"]).toBe("Wed, 02 Dec 2026 08:00:00 GMT");
    expect(conditional?.["user-agent"]).toContain("Briefbot");
    expect(conditional?.["accept-encoding"]).toMatch(/gzip/);

    // The site publishes: a new version, a new item, the old one kept once.
    sites.set(
      "/feed.xml",
      conditionalFeed(rssFeed(sites.url, "Loopback Policy", [DIGITAL_POUND, AI_ACT]), "v2"),
    );
    clock.advance(15 * MINUTE);
    expect(await room.runPass()).toMatchObject({ fetched: 1, added: 1 });
    expect(await titles()).toEqual([
      "The EU AI Act enters into force",
      "Bank of England consults on a digital pound",
    ]);
    expect((await health())[0]).toMatchObject({ itemsLast24h: 2, failures: 0 });
  });

  it("should back off a source answering 500 while the others go on, and tell admins after a day", async () => {
    let broken = true;
    sites.set("/down.xml", (_request, response) => {
      if (broken) response.writeHead(500).end("oops");
      else
        response
          .writeHead(200, { "content-type": "application/rss+xml" })
          .end(rssFeed(sites.url, "Flaky Crypto", [MICA]));
    });
    sites.set("/fine.xml", conditionalFeed(rssFeed(sites.url, "Steady", [AI_ACT]), "s1"));
    await follow([
      { url: `${sites.url}/down.xml`, name: "Flaky Crypto" },
      { url: `${sites.url}/fine.xml` },
    ]);
    const room = newsroom();
    const downFetches = () => sites.seen("/down.xml").length;

    expect(await room.runPass()).toMatchObject({ failed: 1, added: 1 });
    expect(await titles()).toEqual(["The EU AI Act enters into force"]);
    expect((await health())[0]).toMatchObject({
      failures: 1,
      lastError: "HTTP 500 Internal Server Error",
    });

    clock.advance(5 * MINUTE); // not yet: the first retry waits 15 minutes
    await room.runPass();
    expect(downFetches()).toBe(1);
    expect(sites.seen("/fine.xml")).toHaveLength(2);
    clock.advance(11 * MINUTE);
    await room.runPass();
    expect(downFetches()).toBe(2);
    clock.advance(20 * MINUTE); // the second retry waits 30 minutes
    await room.runPass();
    expect(downFetches()).toBe(2);
    clock.advance(11 * MINUTE);
    await room.runPass();
    expect(downFetches()).toBe(3);
    expect(alerts).toEqual([]);

    // A day of failures: one alert naming the source and the error, not one per pass.
    for (let hour = 0; hour < 26; hour += 1) {
      clock.advance(HOUR);
      await room.runPass();
    }
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: "failing",
        source: expect.objectContaining({ name: "Flaky Crypto" }),
        error: "HTTP 500 Internal Server Error",
      }),
    ]);

    broken = false;
    clock.advance(7 * HOUR);
    await room.runPass();
    expect(alerts.map((alert) => alert.kind)).toEqual(["failing", "recovered"]);
    expect(await titles()).toContain("MiCA now covers crypto-asset service providers");
    expect((await health())[0]).toMatchObject({ failures: 0 });
    expect((await health())[0]?.lastError).toBeUndefined();
  });

  it("should read feeds served gzip- and brotli-compressed", async () => {
    sites.set("/gzip.xml", {
      status: 200,
      headers: { "content-type": "application/rss+xml", "content-encoding": "gzip" },
      body: gzipSync(rssFeed(sites.url, "Gzip Policy", [AI_ACT])),
    });
    sites.set("/br.xml", {
      status: 200,
      headers: { "content-type": "application/rss+xml", "content-encoding": "br" },
      body: brotliCompressSync(rssFeed(sites.url, "Brotli Crypto", [MICA])),
    });
    await follow([{ url: `${sites.url}/gzip.xml` }, { url: `${sites.url}/br.xml` }]);
    expect(await newsroom().runPass()).toMatchObject({ fetched: 2, added: 2 });
    expect((await titles()).sort()).toEqual([AI_ACT.title, MICA.title].sort());
    expect(sites.seen("/br.xml")[0]?.headers["accept-encoding"]).toContain("br");
  });

  it("should read a windows-1252 article page right", async () => {
    serveFrenchPage();
    await follow([{ url: `${sites.url}/5g.html`, name: "Loopback Télécoms" }]);
    await newsroom().runPass();
    const [article] = await stored();
    expect(article?.briefs.fr?.title).toBe(ARCEP_5G_TITLE);
    expect(article?.briefs.fr?.summary).toContain("d’euros");
    expect(article?.topics).toContain("5g");
  });

  it("should parse and extract on worker threads the same as in this thread", {
    timeout: 60_000,
  }, async () => {
    serveFrenchPage();
    serveTeaserFeed();
    await follow([{ url: `${sites.url}/5g.html` }, { url: `${sites.url}/chips.xml` }]);
    // The compiled worker, as npm start runs it (Node 20 cannot load a TypeScript worker).
    // Inside the repository, so the compiled modules find package.json ("type": "module") and node_modules.
    await mkdir(join(REPO_ROOT, "test-artifacts"), { recursive: true });
    const outDir = await mkdtemp(join(REPO_ROOT, "test-artifacts", "dist-"));
    await promisify(execFile)(
      process.execPath,
      [TSC, "-p", "tsconfig.build.json", "--outDir", outDir],
      { cwd: REPO_ROOT },
    );
    const reader = createWorkerDocumentReader({
      size: 1,
      workerUrl: pathToFileURL(join(outDir, "newsroom", "parse-worker.js")),
    });
    try {
      expect(await newsroom(reader).runPass()).toMatchObject({ added: 2, failed: 0 });
    } finally {
      await reader.close();
      await rm(outDir, { recursive: true, force: true });
    }
    expect((await titles()).sort()).toEqual([ARCEP_5G_TITLE, NVIDIA_TEASER.title].sort());
  });

  /** One site's FR and EN editions of a story, each page naming the other with hreflang. */
  const serveEditions = () => {
    const editions = { fr: `${sites.url}/fr/amende-apple`, en: `${sites.url}/en/apple-fine` };
    sites.set("/fr/amende-apple", {
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: articlePage({ ...APPLE_FINE_FR, lang: "fr", site: "Loopback Europe", editions }),
    });
    sites.set("/en/apple-fine", {
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: articlePage({ ...APPLE_FINE_EN, lang: "en", site: "Loopback Europe", editions }),
    });
    return editions;
  };

  it("should make one item with both briefs of a page's FR and EN editions (hreflang)", async () => {
    const editions = serveEditions();
    await follow([
      { url: editions.fr, name: "Loopback Europe" },
      { url: editions.en, name: "Loopback Europe" },
    ]);
    expect(await newsroom().runPass()).toMatchObject({ fetched: 2, added: 1 });
    const items = await stored();
    expect(items).toHaveLength(1);
    expect(items[0]?.briefs.fr?.title).toBe(APPLE_FINE_FR.title);
    expect(items[0]?.briefs.en?.title).toBe(APPLE_FINE_EN.title);
  });

  it("should make one item of two teasers whose pages are each other's hreflang editions", async () => {
    const editions = serveEditions();
    const teaser = (title: string, link: string, description: string) => ({
      title,
      link,
      description,
      pubDate: "Mon, 04 Mar 2024 10:00:00 GMT",
    });
    sites.set("/fr.xml", {
      status: 200,
      headers: { "content-type": "application/rss+xml" },
      body: rssFeed(
        sites.url,
        "Loopback Europe FR",
        [teaser(APPLE_FINE_FR.title, "/fr/amende-apple", "Bruxelles sanctionne Apple.")],
        { language: "fr" },
      ),
    });
    sites.set("/en.xml", {
      status: 200,
      headers: { "content-type": "application/rss+xml" },
      body: rssFeed(sites.url, "Loopback Europe EN", [
        teaser(APPLE_FINE_EN.title, "/en/apple-fine", "Brussels fines Apple."),
      ]),
    });
    await follow([{ url: `${sites.url}/fr.xml` }, { url: `${sites.url}/en.xml` }]);
    expect(await newsroom().runPass()).toMatchObject({ fetched: 2, added: 1, problems: [] });
    const items = await stored();
    expect(items).toHaveLength(1);
    expect(items[0]?.url).toBe(editions.fr);
    expect(items[0]?.briefs.en?.summary).toContain("€1.8 billion");
    expect(items[0]?.briefs.fr?.summary).toContain("1,8 milliard d’euros");
  });

  it("should keep one item of a story two sources rewrote, the other outlet listed", async () => {
    sites.set("/daily.xml", {
      status: 200,
      headers: { "content-type": "application/rss+xml" },
      body: rssFeed(sites.url, "Tech Finance Daily", [BITCOIN_ETFS_DAILY]),
    });
    sites.set("/wire.xml", {
      status: 200,
      headers: { "content-type": "application/rss+xml" },
      body: rssFeed(sites.url, "Crypto Wire", [BITCOIN_ETFS_WIRE]),
    });
    await follow([
      { url: `${sites.url}/daily.xml`, name: "Tech Finance Daily" },
      { url: `${sites.url}/wire.xml`, name: "Crypto Wire" },
    ]);
    const room = newsroom();
    expect(await room.runPass()).toMatchObject({ fetched: 2, added: 1 });
    expect(await stored()).toEqual([
      expect.objectContaining({
        source: "Tech Finance Daily",
        briefs: { en: expect.objectContaining({ title: BITCOIN_ETFS_DAILY.title }) },
        alsoReportedBy: [{ source: "Crypto Wire", url: `${sites.url}${BITCOIN_ETFS_WIRE.link}` }],
      }),
    ]);
    // Read again on the next pass, neither comes back as a second item or a second listing.
    clock.advance(15 * MINUTE);
    expect(await room.runPass()).toMatchObject({ fetched: 2, added: 0 });
    expect(await stored()).toHaveLength(1);
    expect((await stored())[0]?.alsoReportedBy).toHaveLength(1);
  });

  it("should fetch a teaser's page once and brief from it", async () => {
    serveTeaserFeed();
    await follow([{ url: `${sites.url}/chips.xml` }]);
    const room = newsroom();
    expect(await room.runPass()).toMatchObject({ added: 1, problems: [] });
    const [article] = await stored();
    expect(article?.briefs.en?.title).toBe("Nvidia's data center revenue hits a record");
    expect(article?.briefs.en?.summary).toContain("$13.51 billion");
    expect(article?.topics).toEqual(expect.arrayContaining(["ai", "datacenters"]));

    clock.advance(15 * MINUTE);
    await room.runPass();
    expect(sites.seen("/chips.xml")).toHaveLength(2);
    expect(sites.seen(NVIDIA_TEASER.link)).toHaveLength(1);
  });

  it("should report a teaser whose page cannot be read, and retry it on later passes at most 3 times", async () => {
    sites.set(
      "/chips.xml",
      conditionalFeed(rssFeed(sites.url, "Loopback Chips", [NVIDIA_TEASER]), "t1"),
    );
    await follow([{ url: `${sites.url}/chips.xml` }]);
    const room = newsroom();
    const first = await room.runPass();
    expect(first.added).toBe(0);
    expect(first.problems).toEqual([
      expect.stringMatching(/page not readable: HTTP 404 Not Found$/),
    ]);
    for (let pass = 0; pass < 4; pass += 1) {
      clock.advance(15 * MINUTE);
      await room.runPass();
    }
    expect(sites.seen(NVIDIA_TEASER.link)).toHaveLength(3);
    // Once it gives up on the page, the feed's validators are kept again: 304s.
    expect(sites.seen("/chips.xml").at(-1)?.headers["if-none-match"]).toBe('"t1"');
  });

  it("should wait for a feed's <ttl> and an editor's everyMinutes before fetching again", async () => {
    sites.set(
      "/ttl.xml",
      conditionalFeed(
        rssFeed(sites.url, "Hourly", [AI_ACT], { channelXml: "<ttl>60</ttl>" }),
        "h1",
      ),
    );
    sites.set("/slow.xml", conditionalFeed(rssFeed(sites.url, "Slow", [MICA]), "m1"));
    await follow([
      { url: `${sites.url}/ttl.xml` },
      { url: `${sites.url}/slow.xml`, everyMinutes: 120 },
    ]);
    const room = newsroom();
    await room.runPass();
    clock.advance(30 * MINUTE);
    await room.runPass();
    expect(sites.seen("/ttl.xml")).toHaveLength(1);
    clock.advance(31 * MINUTE);
    await room.runPass();
    expect(sites.seen("/ttl.xml")).toHaveLength(2);
    expect(sites.seen("/slow.xml")).toHaveLength(1);
    clock.advance(60 * MINUTE);
    await room.runPass();
    expect(sites.seen("/slow.xml")).toHaveLength(2);
  });

  it("should keep polling the last good list while sources.json is broken", async () => {
    sites.set("/feed.xml", conditionalFeed(rssFeed(sites.url, "Loopback Policy", [AI_ACT]), "v1"));
    await follow([{ url: `${sites.url}/feed.xml` }]);
    const room = newsroom();
    await room.runPass();
    await writeFile(join(dataDir, "sources.json"), '{ "sources": [ { "url": ');
    clock.advance(15 * MINUTE);
    expect(await room.runPass()).toMatchObject({ sources: 1, notModified: 1 });
  });
});
