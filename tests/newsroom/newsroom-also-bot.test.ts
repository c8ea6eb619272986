import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatHarness, startChat } from "../helpers/chat.js";
import {
  type FeedItem,
  type LoopbackSites,
  rssFeed,
  startLoopbackSites,
} from "./loopback-sites.js";
import { AI_ACT, BITCOIN_ETFS_DAILY, BITCOIN_ETFS_WIRE, MICA } from "./stories.js";

/**
 * Two outlets carry one story; the running bot polls both (INGEST_CRON every second)
 * and a subscriber gets one push for it, naming the other outlet.
 */
describe("one story from two sources, in the running bot", () => {
  let sites: LoopbackSites;
  let dataDir: string;
  let chat: ChatHarness;

  const serve = (path: string, title: string, items: FeedItem[]) =>
    sites.set(path, {
      status: 200,
      headers: { "content-type": "application/rss+xml" },
      body: rssFeed(sites.url, title, items),
    });

  beforeAll(async () => {
    sites = await startLoopbackSites();
    serve("/daily.xml", "Tech Finance Daily", [AI_ACT]);
    serve("/wire.xml", "Crypto Wire", [MICA]);
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-newsroom-also-"));
    await writeFile(join(dataDir, "articles.json"), '{ "articles": [] }\n');
    await writeFile(
      join(dataDir, "sources.json"),
      JSON.stringify({
        sources: [
          { url: `${sites.url}/daily.xml`, name: "Tech Finance Daily" },
          { url: `${sites.url}/wire.xml`, name: "Crypto Wire" },
        ],
      }),
    );
    chat = await startChat({
      dataDir,
      env: { PUSH_CRON: "* * * * * *", INGEST_CRON: "* * * * * *" },
    });
  });
  afterAll(async () => {
    await chat.close();
    await sites.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const headlines = () =>
    chat.bot.app.deps.articles
      .list()
      .map((article) => article.briefs.en?.title)
      .sort();

  it("should push one brief for the story, with the other outlet under Also:", async () => {
    await expect.poll(headlines, { timeout: 8000 }).toEqual([AI_ACT.title, MICA.title].sort());
    chat.bot.clock.advance(60_000);
    const reader = chat.reader("en");
    await reader.say("/subscribe crypto");

    const pushed = reader.user.waitForBotMessage({ timeoutMs: 8000 });
    chat.bot.clock.advance(60_000);
    // Both outlets publish their version before the next pass.
    serve("/daily.xml", "Tech Finance Daily", [BITCOIN_ETFS_DAILY, AI_ACT]);
    serve("/wire.xml", "Crypto Wire", [BITCOIN_ETFS_WIRE, MICA]);
    const brief = await pushed;
    expect(brief.text).toContain(BITCOIN_ETFS_DAILY.title);
    expect(brief.text).toContain("Also: Crypto Wire");
    expect(brief.entities).toContainEqual(
      expect.objectContaining({ type: "text_link", url: `${sites.url}${BITCOIN_ETFS_WIRE.link}` }),
    );

    const stored = chat.bot.app.deps.articles.list();
    expect(stored).toHaveLength(3);
    expect(
      stored.find((article) => article.source === "Tech Finance Daily" && article.alsoReportedBy),
    ).toMatchObject({ alsoReportedBy: [{ source: "Crypto Wire" }] });
    // A few more passes and push runs: still one push for the story, never the wire's headline.
    await expect
      .poll(() => sites.seen("/wire.xml").length, { timeout: 8000 })
      .toBeGreaterThanOrEqual(sites.seen("/wire.xml").length + 2);
    const delivered = chat.emu.deliveredTo(reader.id).map((message) => message.text ?? "");
    expect(delivered.filter((text) => text.includes(BITCOIN_ETFS_DAILY.title))).toHaveLength(1);
    expect(delivered.join("\n")).not.toContain(BITCOIN_ETFS_WIRE.title);
  });
});
