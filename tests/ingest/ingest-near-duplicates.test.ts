import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/clock.js";
import { runIngest } from "../../src/ingest/run-ingest.js";
import { type ChatHarness, startChat } from "../helpers/chat.js";
import {
  type LocalServer,
  type StoredItem,
  startLocalServer,
  tempDataDir,
} from "./ingest-helpers.js";

// The SEC's approval of 11 spot bitcoin ETFs on 10 January 2024, as two outlets wrote it.
function feed(channel: string, link: string, title: string, paragraphs: string[]): string {
  const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel><title>${channel}</title><link>${new URL(link).origin}/</link><language>en</language>
    <item><title>${title}</title><link>${link}</link><pubDate>Wed, 10 Jan 2024 23:00:00 GMT</pubDate>
      <content:encoded><![CDATA[${body}]]></content:encoded></item>
  </channel>
</rss>`;
}

const WIRE_URL = "https://cryptowire.example/2024/01/10/bitcoin-etfs-green-light";
const FEEDS: Record<string, string> = {
  "/daily.xml": feed(
    "Tech Finance Daily",
    "https://techfinance.example.com/2024/01/10/sec-approves-spot-bitcoin-etfs",
    "SEC approves the first spot bitcoin ETFs in the United States",
    [
      "The U.S. Securities and Exchange Commission on Wednesday approved the listing and trading of 11 spot bitcoin exchange-traded products.",
      "The decision ended a decade-long effort by asset managers such as BlackRock and Fidelity to offer funds that hold the cryptocurrency directly.",
      "SEC Chair Gary Gensler said the approval was not an endorsement of bitcoin.",
    ],
  ),
  "/wire.xml": feed(
    "Crypto Wire",
    WIRE_URL,
    "Bitcoin ETFs get the green light from the SEC after a decade of rejections",
    [
      "U.S. regulators approved 11 spot bitcoin exchange-traded products on Wednesday, clearing applications from BlackRock, Fidelity and others.",
      "SEC Chair Gary Gensler stressed that the Securities and Exchange Commission did not endorse bitcoin.",
      "Trading in the funds was due to start on Thursday.",
    ],
  ),
};

let server: LocalServer | undefined;
let chat: ChatHarness | undefined;
afterEach(async () => {
  await chat?.close();
  await server?.close();
  chat = server = undefined;
});

describe("npm run ingest with two sources of one story", () => {
  it("should store one item listing the other outlet, and the brief should say so", async () => {
    server = await startLocalServer((request, response) => {
      const body = FEEDS[request.url ?? ""];
      response.writeHead(body ? 200 : 404, { "content-type": "application/rss+xml" });
      response.end(body ?? "");
    });
    const dataDir = await tempDataDir();
    const storePath = join(dataDir, "articles.json");
    const report = await runIngest(
      {
        sources: [`${server.url}/daily.xml`, `${server.url}/wire.xml`],
        dryRun: false,
        storePath,
        storeLabel: "articles.json",
      },
      {
        readFile: (path) => readFile(path),
        fetch: globalThis.fetch,
        clock: createManualClock("2024-01-11T08:00:00Z"),
      },
    );
    expect(report.rows.map((row) => row.status)).toEqual(["added", "updated"]);
    expect(report.rows[1]?.detail).toContain("same story (near-duplicate text)");

    const store = JSON.parse(await readFile(storePath, "utf8")) as { articles: StoredItem[] };
    expect(store.articles).toHaveLength(1);
    expect(store.articles[0]).toMatchObject({
      source: "Tech Finance Daily",
      alsoReportedBy: [{ source: "Crypto Wire", url: WIRE_URL }],
    });

    chat = await startChat({ dataDir });
    const english = await chat.reader("en").say("/latest");
    expect(english.text).toContain("SEC approves the first spot bitcoin ETFs in the United States");
    expect(english.text).not.toContain("green light");
    expect(english.text).toContain("Also: Crypto Wire");
    expect(english.entities).toContainEqual(
      expect.objectContaining({ type: "text_link", url: WIRE_URL }),
    );
    const french = await chat.reader("fr").say("/latest");
    expect(french.text).toContain("Aussi chez Crypto Wire");
  });
});
