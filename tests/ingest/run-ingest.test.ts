import { copyFile, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateArticleFile } from "../../src/articles/schema.js";
import { createManualClock } from "../../src/clock.js";
import { exitCodeOf, type IngestReport } from "../../src/ingest/report.js";
import { type IngestDeps, runIngest } from "../../src/ingest/run-ingest.js";
import { createLibreTranslator } from "../../src/ingest/translate.js";
import {
  closedPortUrl,
  fixture,
  type LocalServer,
  SEED_ARTICLE,
  type StoredItem,
  startLocalServer,
  tempDataDir,
} from "./ingest-helpers.js";

const NOW = "2024-06-01T12:00:00.000Z";

let dataDir: string;
let storePath: string;
let servers: LocalServer[] = [];
beforeEach(async () => {
  dataDir = await tempDataDir();
  storePath = join(dataDir, "articles.json");
});
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

const deps = (extra: Partial<IngestDeps> = {}): IngestDeps => ({
  readFile: (path) => readFile(path),
  fetch: globalThis.fetch,
  clock: createManualClock(NOW),
  ...extra,
});
const ingest = (
  sources: string[],
  options: { dryRun?: boolean; deps?: Partial<IngestDeps> } = {},
) =>
  runIngest(
    { sources, dryRun: options.dryRun ?? false, storePath, storeLabel: "articles.json" },
    deps(options.deps),
  );
const readStore = async () =>
  JSON.parse(await readFile(storePath, "utf8")) as { articles: StoredItem[] };
const statuses = (report: IngestReport) => report.rows.map((row) => row.status);

describe("runIngest", () => {
  it("should turn the seed article into one valid French item", async () => {
    const report = await ingest([SEED_ARTICLE]);
    expect(statuses(report)).toEqual(["added"]);
    expect(exitCodeOf(report)).toBe(0);
    const store = await readStore();
    expect(validateArticleFile(store, "store").problems).toEqual([]);
    expect(store.articles).toHaveLength(1);
    const [item] = store.articles;
    expect(Object.keys(item?.briefs ?? {})).toEqual(["fr"]);
    expect(item?.briefs.fr?.title).toBe(
      "Tencent – 70 milliards de dollars investit dans la Fintech, la blockchain et l’IA",
    );
    expect(item?.topics).toEqual(expect.arrayContaining(["fintech", "blockchain", "ai", "cloud"]));
    const summary = item?.briefs.fr?.summary ?? "";
    expect(summary).toContain("70 milliards");
    expect(summary).not.toMatch(/newsletter|20%|logo/i);
    const sentences = summary.match(/[^.!?]+[.!?»]+/g) ?? [];
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    // No date in a pasted text: it is dated when first ingested.
    expect(item?.publishedAt).toBe(NOW);
  });

  it("should ingest an English RSS feed and a French Atom feed, skipping what has no catalog topic", async () => {
    const report = await ingest([fixture("feed-en.rss.xml"), fixture("feed-fr.atom.xml")]);
    expect(statuses(report)).toEqual([
      "added",
      "added",
      "added",
      "skipped",
      "added",
      "added",
      "added",
      "added",
    ]);
    expect(report.rows[3]).toMatchObject({
      subject: expect.stringContaining("feed-en.rss.xml item 4"),
      detail: "no catalog topic",
    });
    const store = await readStore();
    expect(validateArticleFile(store, "store").problems).toEqual([]);
    const byTitle = new Map(
      store.articles.map((item) => [(item.briefs.en ?? item.briefs.fr)?.title ?? "", item]),
    );
    expect(
      byTitle.get("SEC approves the first spot bitcoin ETFs in the United States"),
    ).toMatchObject({
      url: "https://techfinance.example.com/2024/01/10/sec-approves-spot-bitcoin-etfs",
      source: "Tech Finance Daily",
      publishedAt: "2024-01-10T23:00:00.000Z",
      topics: expect.arrayContaining(["crypto", "regulation"]),
    });
    const aiAct = byTitle.get(
      "Le Parlement européen adopte la législation sur l’intelligence artificielle",
    );
    expect(Object.keys(aiAct?.briefs ?? {})).toEqual(["fr"]);
    expect(aiAct?.topics).toEqual(expect.arrayContaining(["ai", "regulation"]));
    expect(aiAct?.briefs.fr?.summary).toContain("523 voix pour");
    expect(
      byTitle.get("Enchères 5G : l’Arcep annonce un total de 2,786 milliards d’euros")?.topics,
    ).toContain("5g");
  });

  it("should ingest an article page without its navigation and promo blocks", async () => {
    await ingest([fixture("article-en.html")]);
    const [item] = (await readStore()).articles;
    expect(item?.briefs.en?.title).toBe(
      "Ethereum completes the Merge and switches to proof of stake",
    );
    expect(item?.briefs.en?.summary).not.toMatch(/newsletter|Subscribe|Share|Home/);
    expect(item?.topics).toEqual(expect.arrayContaining(["blockchain", "crypto"]));
  });

  it("should leave the store byte for byte as it was when the same sources come again", async () => {
    const sources = [
      SEED_ARTICLE,
      fixture("feed-en.rss.xml"),
      fixture("feed-fr.atom.xml"),
      fixture("article-en.html"),
    ];
    await ingest(sources);
    const before = await readFile(storePath, "utf8");
    const again = await ingest(sources, {
      deps: { clock: createManualClock("2024-07-01T00:00:00Z") },
    });
    expect(again.wrote).toBe(false);
    expect(
      statuses(again)
        .filter((status) => status !== "skipped")
        .every((status) => status === "unchanged"),
    ).toBe(true);
    expect(await readFile(storePath, "utf8")).toBe(before);
  });

  it("should keep an editor's summary, translation and topic choice when the feed changes", async () => {
    const feedPath = join(dataDir, "feed.atom.xml");
    await copyFile(fixture("feed-fr.atom.xml"), feedPath);
    await ingest([feedPath]);
    const store = await readStore();
    const ecb = store.articles.find((item) => item.briefs.fr?.title.includes("euro numérique"));
    const aiAct = store.articles.find((item) =>
      item.briefs.fr?.title.includes("intelligence artificielle"),
    );
    if (!ecb || !aiAct) throw new Error("fixture items missing");
    ecb.briefs.fr = {
      title: ecb.briefs.fr?.title ?? "",
      summary: "Résumé relu et réécrit par la rédaction.",
    };
    ecb.briefs.en = {
      title: "ECB moves to the digital euro preparation phase",
      summary: "Written by an editor.",
    };
    aiAct.topics = ["ai"];
    await writeFile(storePath, `${JSON.stringify(store, null, 2)}\n`);

    // The publisher corrects both entries.
    const feed = (await readFile(feedPath, "utf8"))
      .replace("durera d’abord deux ans", "durera dans un premier temps deux ans")
      .replace("La BCE lance la phase", "La BCE engage la phase")
      .replace("comme la notation sociale", "comme la notation sociale des citoyens");
    await writeFile(feedPath, feed);
    const report = await ingest([feedPath]);

    const after = await readStore();
    const ecbAfter = after.articles.find((item) => item.id === ecb.id);
    const aiActAfter = after.articles.find((item) => item.id === aiAct.id);
    expect(after.articles).toHaveLength(store.articles.length);
    expect(ecbAfter?.briefs.fr?.summary).toBe("Résumé relu et réécrit par la rédaction.");
    expect(ecbAfter?.briefs.en).toEqual(ecb.briefs.en);
    expect(ecbAfter?.briefs.fr?.title).toBe(
      "La BCE engage la phase de préparation de l’euro numérique",
    );
    expect(aiActAfter?.topics).toEqual(["ai"]);
    expect(aiActAfter?.briefs.fr?.summary).toContain("notation sociale des citoyens");
    expect(report.rows.find((row) => row.subject === ecb.id)?.detail).toMatch(
      /changed: briefs\.fr\.title; kept editor's: briefs\.fr\.summary/,
    );
  });

  it("should report every bad input by source, still ingest the rest, and fail the exit code", async () => {
    const http = await startLocalServer((_request, response) => {
      response.writeHead(404, { "content-type": "text/plain" }).end("gone");
    });
    servers.push(http);
    const unreachable = await closedPortUrl();
    const report = await ingest([
      fixture("malformed.rss.xml"),
      unreachable,
      `${http.url}/feed.xml`,
      fixture("binary.png"),
      fixture("empty.txt"),
      fixture("no-text.html"),
      fixture("feed-item-without-text.rss.xml"),
      SEED_ARTICLE,
    ]);
    const failed = report.rows.filter((row) => row.status === "failed");
    expect(failed.map((row) => [row.subject, row.detail])).toEqual([
      [fixture("malformed.rss.xml"), expect.stringMatching(/^malformed XML/)],
      [unreachable, expect.stringMatching(/^unreachable: connection refused/)],
      [`${http.url}/feed.xml`, "HTTP 404 Not Found"],
      [fixture("binary.png"), expect.stringMatching(/^binary file/)],
      [fixture("empty.txt"), expect.stringMatching(/^empty file/)],
      [fixture("no-text.html"), expect.stringMatching(/^no article text/)],
      [
        expect.stringContaining("feed-item-without-text.rss.xml item 2"),
        expect.stringMatching(/^no article text/),
      ],
    ]);
    expect(exitCodeOf(report)).toBe(1);
    expect(report.wrote).toBe(true);
    const store = await readStore();
    expect(validateArticleFile(store, "store").problems).toEqual([]);
    expect(store.articles.map((item) => (item.briefs.en ?? item.briefs.fr)?.title)).toEqual([
      "Stripe raises more than $6.5 billion at a $50 billion valuation",
      "Tencent – 70 milliards de dollars investit dans la Fintech, la blockchain et l’IA",
    ]);
  });

  it("should refuse to write over a store that is not valid JSON", async () => {
    const broken = '{ "articles": [ { "id": "half-saved"';
    await writeFile(storePath, broken);
    const report = await ingest([SEED_ARTICLE]);
    expect(report.fatal).toMatch(/not valid JSON.*Nothing was written/s);
    expect(exitCodeOf(report)).toBe(1);
    expect(await readFile(storePath, "utf8")).toBe(broken);
    expect(await readdir(dataDir)).toEqual(["articles.json"]);
  });

  it("should keep an invalid item an editor left in the store, untouched, and still add new ones", async () => {
    const invalid = { id: "Draft Item", note: "editor still writing this one" };
    await writeFile(storePath, JSON.stringify({ articles: [invalid], owner: "desk" }, null, 2));
    const report = await ingest([SEED_ARTICLE]);
    expect(report.wrote).toBe(true);
    const store = (await readStore()) as { articles: StoredItem[]; owner: string };
    expect(store.articles[0]).toEqual(invalid);
    expect(store.articles).toHaveLength(2);
    expect(store.owner).toBe("desk");
  });

  it("should write nothing on a dry run, yet say what would change", async () => {
    const report = await ingest([SEED_ARTICLE, fixture("feed-fr.atom.xml")], { dryRun: true });
    expect(report.wrote).toBe(false);
    expect(statuses(report)).toEqual(["added", "added", "added", "added", "added"]);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it("should fill the other language through a LibreTranslate-compatible server, once", async () => {
    const requests: { q: string; source: string; target: string }[] = [];
    const translator = await startLocalServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        const payload = JSON.parse(body);
        requests.push(payload);
        response
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ translatedText: `[${payload.target}] ${payload.q}` }));
      });
    });
    servers.push(translator);
    const withTranslator = { translator: createLibreTranslator(translator.url, globalThis.fetch) };
    await ingest([SEED_ARTICLE], { deps: withTranslator });
    const [item] = (await readStore()).articles;
    expect(item?.briefs.en?.title).toBe(
      "[en] Tencent – 70 milliards de dollars investit dans la Fintech, la blockchain et l’IA",
    );
    expect(requests.every((payload) => payload.source === "fr" && payload.target === "en")).toBe(
      true,
    );
    const calls = requests.length;
    const again = await ingest([SEED_ARTICLE], { deps: withTranslator });
    expect(statuses(again)).toEqual(["unchanged"]);
    expect(requests.length).toBe(calls);
  });

  it("should keep one language and say why when the translation server fails", async () => {
    const failing = await startLocalServer((_request, response) => {
      response
        .writeHead(500, { "content-type": "application/json" })
        .end('{"error":"model not loaded"}');
    });
    servers.push(failing);
    const report = await ingest([SEED_ARTICLE], {
      deps: { translator: createLibreTranslator(failing.url, globalThis.fetch) },
    });
    expect(report.rows[0]?.detail).toContain(
      "not translated to en: translation server answered HTTP 500: model not loaded",
    );
    expect(exitCodeOf(report)).toBe(0);
    expect(Object.keys((await readStore()).articles[0]?.briefs ?? {})).toEqual(["fr"]);
  });
});
