import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import {
  createDocumentReaders,
  decodeText,
  detectKind,
  readSource,
} from "../../src/ingest/sources.js";
import { IngestError } from "../../src/ingest/types.js";
import {
  closedPortUrl,
  fixture,
  type LocalServer,
  readFixture,
  SEED_ARTICLE,
  startLocalServer,
} from "./ingest-helpers.js";

const readers = createDocumentReaders(
  { readFile: (path) => readFile(path), fetch: globalThis.fetch },
  systemClock,
);
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("readSource from files", () => {
  it.each([
    ["feed-en.rss.xml", "feed"],
    ["feed-fr.atom.xml", "feed"],
    ["malformed.rss.xml", "feed"],
    ["article-en.html", "html"],
  ])("should read %s as a %s", async (name, kind) => {
    expect((await readSource(fixture(name), readers)).kind).toBe(kind);
  });

  it("should read the seed article as plain text", async () => {
    expect((await readSource(SEED_ARTICLE, readers)).kind).toBe("text");
  });

  it.each([
    ["empty.txt", /^empty file/],
    ["binary.png", /^binary file/],
    ["does-not-exist.txt", /^file not found$/],
  ])("should refuse %s with a clear reason", async (name, message) => {
    await expect(readSource(fixture(name), readers)).rejects.toThrow(message);
  });

  it("should refuse a folder and JSON", async () => {
    await expect(readSource(fixture(""), readers)).rejects.toThrow(/folder/);
    expect(() => detectKind('{"articles": []}', { extension: ".json" })).toThrow(
      /JSON, not an article/,
    );
  });
});

describe("decodeText", () => {
  it("should read text that is not UTF-8 as Windows-1252 rather than call it binary", () => {
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), undefined, "file")).toBe("café");
  });

  it("should refuse whitespace only", () => {
    expect(() => decodeText(new TextEncoder().encode(" \n\t\n"), undefined, "answer")).toThrow(
      IngestError,
    );
  });
});

describe("readSource from http(s) URLs (local server)", () => {
  it("should fetch a feed and an HTML page, following redirects", async () => {
    const rss = await readFixture("feed-en.rss.xml");
    const html = await readFixture("article-en.html");
    server = await startLocalServer((request, response) => {
      if (request.url === "/feed") {
        response.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(rss);
      } else if (request.url === "/old-page") {
        response.writeHead(301, { location: "/page" }).end();
      } else if (request.url === "/page") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
      } else {
        response.writeHead(404, { "content-type": "text/plain" }).end("not here");
      }
    });
    expect(await readSource(`${server.url}/feed`, readers)).toMatchObject({
      kind: "feed",
      text: rss,
    });
    expect(await readSource(`${server.url}/old-page`, readers)).toMatchObject({
      kind: "html",
      fetchedUrl: `${server.url}/page`,
    });
    await expect(readSource(`${server.url}/missing`, readers)).rejects.toThrow(
      "HTTP 404 Not Found",
    );
  });

  it("should say a URL is unreachable when nothing listens", async () => {
    await expect(readSource(await closedPortUrl(), readers)).rejects.toThrow(
      /^unreachable: connection refused \(ECONNREFUSED\)$/,
    );
  });

  it("should say a URL timed out", async () => {
    const timingOut = createDocumentReaders(
      {
        readFile: (path) => readFile(path),
        fetch: async () => {
          throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
        },
      },
      systemClock,
    );
    await expect(readSource("http://127.0.0.1:1/slow", timingOut)).rejects.toThrow(
      /^unreachable: no answer within \d+ s$/,
    );
  });

  it("should refuse an empty or binary answer", async () => {
    server = await startLocalServer((request, response) => {
      if (request.url === "/empty") response.writeHead(200).end();
      else
        response
          .writeHead(200, { "content-type": "image/png" })
          .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    });
    await expect(readSource(`${server.url}/empty`, readers)).rejects.toThrow(/^empty answer/);
    await expect(readSource(`${server.url}/logo.png`, readers)).rejects.toThrow(/^binary answer/);
  });
});
