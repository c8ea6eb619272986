import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatHarness, startChat } from "../helpers/chat.js";
import { closedPortUrl } from "../ingest/ingest-helpers.js";
import {
  conditionalFeed,
  type LoopbackSites,
  rssFeed,
  startLoopbackSites,
} from "./loopback-sites.js";
import { AI_ACT, DIGITAL_POUND, MICA } from "./stories.js";

const ADMIN = 8101;
const FRENCH_ADMIN = 8102;

/**
 * The newsroom inside the running bot, as npm start wires it: INGEST_CRON and
 * PUSH_CRON tick every second; sites change; readers and admins chat over HTTP
 * with the emulator.
 */
describe("the newsroom in the running bot", () => {
  let sites: LoopbackSites;
  let dataDir: string;
  let chat: ChatHarness;
  let downIsBroken = true;

  beforeAll(async () => {
    sites = await startLoopbackSites();
    sites.set(
      "/policy.xml",
      conditionalFeed(rssFeed(sites.url, "Loopback Policy", [DIGITAL_POUND]), "p1"),
    );
    sites.set("/down.xml", (_request, response) => {
      if (downIsBroken) response.writeHead(500).end();
      else
        response
          .writeHead(200, { "content-type": "application/rss+xml" })
          .end(rssFeed(sites.url, "Flaky Crypto", [MICA]));
    });
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-newsroom-bot-"));
    await writeFile(join(dataDir, "articles.json"), '{ "articles": [] }\n');
    await writeFile(
      join(dataDir, "sources.json"),
      JSON.stringify({
        sources: [
          { url: `${sites.url}/policy.xml`, name: "Loopback Policy" },
          { url: `${sites.url}/down.xml`, name: "Flaky Crypto" },
        ],
      }),
    );
    chat = await startChat({
      dataDir,
      env: {
        PUSH_CRON: "* * * * * *",
        INGEST_CRON: "* * * * * *",
        ADMIN_IDS: `${ADMIN},${FRENCH_ADMIN}`,
      },
    });
  });
  afterAll(async () => {
    await chat.close();
    await sites.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const headlines = () =>
    chat.bot.app.deps.articles.list().map((article) => article.briefs.en?.title);

  it("should pick up a new feed item by itself and push it to a subscriber", async () => {
    await expect.poll(headlines, { timeout: 8000 }).toEqual([DIGITAL_POUND.title]);
    chat.bot.clock.advance(60_000);
    const reader = chat.reader("en");
    await reader.say("/subscribe regulation fintech");

    const pushed = reader.user.waitForBotMessage({ timeoutMs: 8000 });
    chat.bot.clock.advance(60_000);
    sites.set(
      "/policy.xml",
      conditionalFeed(rssFeed(sites.url, "Loopback Policy", [AI_ACT, DIGITAL_POUND]), "p2"),
    );
    expect((await pushed).text).toContain("The EU AI Act enters into force");
    // What was there before the reader subscribed is for /latest, not pushed.
    expect(
      chat.emu
        .deliveredTo(reader.id)
        .map((message) => message.text)
        .join("\n"),
    ).not.toContain(DIGITAL_POUND.title);
    // Passes kept asking with the feed's validators.
    expect(
      sites.seen("/policy.xml").some((entry) => entry.headers["if-none-match"] === '"p1"'),
    ).toBe(true);
  });

  it("should tell each admin privately, once, when a source has failed for a day, and when it is back", async () => {
    const admin = chat.emu.user({ id: ADMIN, first_name: "Ada", language_code: "en" });
    const french = chat.emu.user({ id: FRENCH_ADMIN, first_name: "Louise", language_code: "fr" });
    // Both welcomes first: a welcome still on its way must not be taken for the alert.
    const welcomes = [admin.waitForBotMessage(), french.waitForBotMessage()];
    await admin.sendText("/start");
    await french.sendText("/start");
    await Promise.all(welcomes);
    expect(chat.bot.app.deps.readers.get(FRENCH_ADMIN)?.locale).toBe("fr");

    const alert = admin.waitForBotMessage({ timeoutMs: 8000 });
    const frenchAlert = french.waitForBotMessage({ timeoutMs: 8000 });
    chat.bot.clock.advance(25 * 60 * 60 * 1000);
    expect((await alert).text).toMatch(/Source failing for a day: Flaky Crypto \(.*\/down\.xml\)/);
    expect((await alert).text).toContain("HTTP 500 Internal Server Error");
    expect((await frenchAlert).text).toContain("Source en échec depuis un jour : Flaky Crypto");

    const back = admin.waitForBotMessage({ timeoutMs: 8000 });
    downIsBroken = false;
    chat.bot.clock.advance(7 * 60 * 60 * 1000);
    expect((await back).text).toContain("Source back: Flaky Crypto");
    const alerts = chat.emu
      .deliveredTo(ADMIN)
      .filter((message) => message.text.includes("Flaky Crypto"));
    expect(alerts).toHaveLength(2);
  });

  it("should list, add and remove sources for admins, with a clear answer to bad input", async () => {
    sites.set("/home", {
      status: 200,
      headers: { "content-type": "text/html" },
      body: `<!doctype html><html><head><title>Loopback Markets</title><link rel="alternate" type="application/rss+xml" href="/markets.xml"></head><body><p>Markets</p></body></html>`,
    });
    sites.set(
      "/markets.xml",
      conditionalFeed(rssFeed(sites.url, "Loopback Markets", [MICA]), "k1"),
    );
    sites.set("/data.json", {
      status: 200,
      headers: { "content-type": "application/json" },
      body: '{"a":1}',
    });
    const admin = chat.reader("en", ADMIN);

    const listing = await admin.say("/sources");
    expect(listing.text).toContain("Newsroom sources (2)");
    expect(listing.text).toContain("Loopback Policy");
    // The policy items are more than a day old by now (the clock moved 32 h); MiCA is fresh.
    expect(listing.text).toMatch(/Flaky Crypto\n.+\nLast success: .+ · items in the last 24 h: 1/);

    expect((await admin.say(`/addsource ${sites.url}/policy.xml`)).text).toBe(
      `${sites.url}/policy.xml is already a source.`,
    );
    const unreachable = await closedPortUrl();
    expect((await admin.say(`/addsource ${unreachable}`)).text).toBe(
      `${unreachable} cannot be reached (unreachable: connection refused (ECONNREFUSED)). Nothing was added.`,
    );
    expect((await admin.say(`/addsource ${sites.url}/data.json`)).text).toMatch(
      /is neither an RSS\/Atom feed nor an article page \(JSON, not an article/,
    );
    expect((await admin.say("/addsource ftp://example.com/feed")).text).toContain(
      "is not an http(s) address",
    );
    expect((await admin.say("/addsource")).text).toContain("Give the address of a feed or a page");

    const added = await admin.say(`/addsource ${sites.url}/home`);
    expect(added.text).toBe(
      `✅ Added the feed Loopback Markets: ${sites.url}/markets.xml\n(advertised by ${sites.url}/home)`,
    );
    const file = JSON.parse(await readFile(join(dataDir, "sources.json"), "utf8"));
    expect(file.sources.map((source: { url: string }) => source.url)).toContain(
      `${sites.url}/markets.xml`,
    );

    expect((await admin.say(`/removesource ${sites.url}/nothing.xml`)).text).toBe(
      `${sites.url}/nothing.xml is not a source; /sources lists them.`,
    );
    expect((await admin.say(`/removesource ${sites.url}/markets.xml`)).text).toContain(
      `Removed ${sites.url}/markets.xml`,
    );
    expect((await admin.say("/sources")).text).toContain("Newsroom sources (2)");

    const french = chat.reader("fr", FRENCH_ADMIN);
    expect((await french.say(`/addsource ${sites.url}/policy.xml`)).text).toBe(
      `${sites.url}/policy.xml fait déjà partie des sources.`,
    );
    expect((await french.say("/sources")).text).toContain("Sources de la rédaction (2)");
  });

  it("should answer a non-admin's /sources, /addsource and /removesource as unknown commands", async () => {
    const reader = chat.reader("en");
    for (const command of ["/sources", `/addsource ${sites.url}/home`, "/removesource x"]) {
      expect((await reader.say(command)).text).toBe(
        "Unknown command. Try /latest, /topics or /help.",
      );
    }
    const file = JSON.parse(await readFile(join(dataDir, "sources.json"), "utf8"));
    expect(file.sources).toHaveLength(2);
  });
});
