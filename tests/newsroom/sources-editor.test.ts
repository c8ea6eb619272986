import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { createPoliteFetcher } from "../../src/newsroom/polite-fetcher.js";
import { addSource, importOpml, removeSource } from "../../src/newsroom/sources-editor.js";
import { parseSourcesFile, readSourcesFile } from "../../src/newsroom/sources-file.js";

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback Tech</title><link>http://example.test/</link>
<item><title>Banks test a shared ledger</title><link>http://example.test/a</link>
<description>A pilot started. It settles payments in seconds.</description></item>
</channel></rss>`;

describe("sources.json and its editor", () => {
  let server: Server;
  let base = "";
  let dir = "";
  const seen: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers);
      if (request.url === "/feed.xml") {
        if (request.headers["if-none-match"] === '"v1"') {
          response.writeHead(304).end();
          return;
        }
        response.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' });
        response.end(FEED);
      } else if (request.url === "/home") {
        response.writeHead(200, { "content-type": "text/html" });
        response.end(
          '<!doctype html><html><head><title>Home</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><p>Hi</p></body></html>',
        );
      } else if (request.url === "/data.json") {
        response.writeHead(200, { "content-type": "application/json" });
        response.end('{"a":1}');
      } else if (request.url === "/latin") {
        response.writeHead(200, { "content-type": "text/html; charset=windows-1252" });
        response.end(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]));
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), "newsroom-sources-"));
  });
  afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const fetcher = () =>
    createPoliteFetcher({
      fetch,
      clock: systemClock,
      userAgent: "Briefbot-test (+http://example.test/bot)",
    });
  const deps = () => ({
    path: join(dir, "sources.json"),
    label: "sources.json",
    fetcher: fetcher(),
  });

  it("should name the file, entry and field of a bad entry and keep the good ones", () => {
    const result = parseSourcesFile(
      '\uFEFF{"sources":[{"url":"https://a.example/feed"},{"url":"ftp://x"},{"url":"https://b.example","everyMinutes":1}]}',
      "sources.json",
    );
    expect(result.sources.map((source) => source.url)).toEqual(["https://a.example/feed"]);
    expect(result.problems[0]).toMatch(/^sources\.json: source 2 \(ftp:\/\/x\): url: /);
    expect(result.problems[1]).toMatch(/source 3 .*everyMinutes: must be at least 5/);
  });

  it("should add the feed a page advertises, refuse a duplicate and leave the file unchanged", async () => {
    const added = await addSource(`${base}/home`, { topics: ["fintech"] }, deps());
    expect(added).toMatchObject({ ok: true, kind: "feed", via: `${base}/home` });
    const after = await readFile(join(dir, "sources.json"), "utf8");
    expect(JSON.parse(after).sources).toEqual([
      { url: `${base}/feed.xml`, name: "Loopback Tech", topics: ["fintech"] },
    ]);
    expect(await addSource(`${base}/feed.xml`, {}, deps())).toMatchObject({
      ok: false,
      refusal: "duplicate",
    });
    expect(await addSource(`${base}/data.json`, {}, deps())).toMatchObject({
      ok: false,
      refusal: "not-a-feed",
    });
    expect(await addSource("http://127.0.0.1:1/feed", {}, deps())).toMatchObject({
      ok: false,
      refusal: "unreachable",
    });
    expect(await addSource("not a url", {}, deps())).toMatchObject({
      ok: false,
      refusal: "invalid-url",
    });
    expect(await readFile(join(dir, "sources.json"), "utf8")).toBe(after);
    expect(seen.at(-1)?.["user-agent"]).toContain("Briefbot");
  });

  it("should import an OPML export and remove a source", async () => {
    const opml =
      '<?xml version="1.0"?><opml version="1.0"><body><outline text="Tech"><outline text="A &amp; B" xmlUrl="https://a.example/rss"/></outline></body></opml>';
    const imported = await importOpml(opml, deps());
    expect(imported).toMatchObject({ added: [{ url: "https://a.example/rss", name: "A & B" }] });
    expect(await removeSource("https://a.example/rss", deps())).toMatchObject({ ok: true });
    expect(await removeSource("https://a.example/rss", deps())).toMatchObject({
      ok: false,
      refusal: "not-found",
    });
    const { validation } = await readSourcesFile(join(dir, "sources.json"), "sources.json");
    expect(validation.sources).toHaveLength(1);
  });

  it("should send the validators it got and read windows-1252 right", async () => {
    const polite = fetcher();
    const first = await polite.get(`${base}/feed.xml`);
    expect(first.kind).toBe("ok");
    const second = await polite.get(`${base}/feed.xml`, {
      validators: first.kind === "ok" ? first.validators : {},
    });
    expect(second.kind).toBe("not-modified");
    expect(seen.at(-1)?.["if-none-match"]).toBe('"v1"');
    const latin = await polite.get(`${base}/latin`);
    expect(latin.kind === "ok" && latin.text).toBe("Café €");
  });
});
