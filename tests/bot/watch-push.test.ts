import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/schema.js";
import { buttonLabels, type ChatHarness, publishArticles, startChat } from "../helpers/chat.js";
import { makeArticle } from "../push/push-harness.js";

// Real events, written for these tests.
const BLACKWELL = makeArticle("nvidia-blackwell-2024", ["ai", "datacenters"], {
  briefs: {
    en: {
      title: "Nvidia unveils its Blackwell GPU platform at GTC",
      summary: "Jensen Huang presented the B200 chip in San Jose on 18 March 2024.",
    },
    fr: {
      title: "Nvidia dévoile sa plateforme de GPU Blackwell à la GTC",
      summary: "Jensen Huang a présenté la puce B200 à San José le 18 mars 2024.",
    },
  },
});
const TRUMP_COIN = makeArticle("trump-memecoin-2025", ["crypto"], {
  briefs: {
    en: {
      title: "Donald Trump launches a memecoin days before his inauguration",
      summary: "The $TRUMP token went live on the Solana blockchain on 17 January 2025.",
    },
  },
});
const BITCOIN_100K = makeArticle("bitcoin-100k-2024", ["crypto"], {
  briefs: {
    en: {
      title: "Bitcoin passes $100,000 for the first time",
      summary: "The largest cryptocurrency crossed the mark on 5 December 2024.",
    },
    fr: {
      title: "Le bitcoin dépasse pour la première fois les 100 000 dollars",
      summary: "La première cryptomonnaie a franchi ce seuil le 5 décembre 2024.",
    },
  },
});
const DIGITAL_EURO_REPORT = makeArticle("digital-euro-progress-2024", ["fintech"], {
  briefs: {
    fr: {
      title: "La BCE publie son premier rapport d’étape sur l’euro numérique",
      summary: "Le rapport de juin 2024 fait le point sur la phase de préparation.",
    },
  },
});

/**
 * Watch and mute through the running bot: readers chat, an editor saves the store,
 * and the cron tick (every second here) decides who gets what.
 */
describe("pushes for watched and muted terms", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat({ env: { PUSH_CRON: "* * * * * *" } });
  });
  afterAll(() => chat.close());

  const publish = (...articles: Article[]) => publishArticles(chat, ...articles);
  const mentions = (chatId: number, words: string) =>
    chat.emu.deliveredTo(chatId).filter((message) => message.text.includes(words)).length;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2500));

  it("should push a brief on a watched company to a reader with no topic, once", async () => {
    const watcher = chat.reader("en");
    const tickerFan = chat.reader("fr");
    const other = chat.reader("en");
    await watcher.say("/watch nvidia");
    await tickerFan.say("/watch $NVDA");
    await other.say("/subscribe 5g");

    const pushed = watcher.user.waitForBotMessage({ timeoutMs: 8000 });
    await publish(BLACKWELL);
    const push = await pushed;
    expect(push.text).toContain("Nvidia unveils its Blackwell GPU platform at GTC");
    // The push says why it came, and carries the reader's feedback row.
    expect(push.text.split("\n")[0]).toBe("👁 nvidia");
    expect(buttonLabels(push)).toEqual(["👍", "👎", "Why?", "↗ Share"]);
    await expect
      .poll(() => mentions(tickerFan.id, "Nvidia dévoile sa plateforme"), { timeout: 5000 })
      .toBe(1);
    await tick();
    expect(mentions(watcher.id, "Blackwell")).toBe(1);
    expect(mentions(other.id, "Blackwell")).toBe(0);
  });

  it("should never push what a muted term mentions, even on a followed topic", async () => {
    const muter = chat.reader("en");
    const witness = chat.reader("en");
    await muter.say("/subscribe crypto");
    await muter.say("/mute memecoins");
    await witness.say("/subscribe crypto");

    const first = muter.user.waitForBotMessage({ timeoutMs: 8000 });
    await publish(TRUMP_COIN, BITCOIN_100K);
    expect((await first).text).toContain("Bitcoin passes $100,000 for the first time");
    await expect
      .poll(() => mentions(witness.id, "Donald Trump launches"), { timeout: 5000 })
      .toBe(1);
    await expect.poll(() => mentions(witness.id, "Bitcoin passes"), { timeout: 5000 }).toBe(1);
    await tick();
    expect(mentions(muter.id, "Donald Trump launches")).toBe(0);
    expect(mentions(muter.id, "Bitcoin passes")).toBe(1);
  });

  it("should match a French phrase typed without accents, and a ticker to its coin", async () => {
    const french = chat.reader("fr");
    const english = chat.reader("en");
    await french.say('/watch "euro numerique"');
    await english.say("/watch $BTC");

    const pushed = french.user.waitForBotMessage({ timeoutMs: 8000 });
    await publish(DIGITAL_EURO_REPORT);
    expect((await pushed).text).toContain("premier rapport d’étape sur l’euro numérique");
    await tick();
    // Bitcoin's brief came before $BTC was watched: it is for /latest, not a push.
    expect(mentions(english.id, "Bitcoin passes")).toBe(0);
    const latest = await english.say("/latest $BTC");
    expect(latest.text).toContain("Newest briefs that mention $BTC:");
    expect(latest.text).toContain("Bitcoin passes $100,000 for the first time");
  });
});
