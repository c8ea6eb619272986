import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatedMessage } from "../../dev/emulator/types.js";
import type { Article } from "../../src/articles/schema.js";
import { createReader } from "../../src/readers/reader.js";
import { type ChatHarness, startChat } from "../helpers/chat.js";

/** Telegram's own limits, enforced by the emulator; the bot runs with its defaults (30/s, 1/s). */
const TELEGRAM_LIMITS = { botWidePerSecond: 30, perChatPerSecond: 1 };
// Generous bounds for a loaded machine: these tests check what readers get, not speed.
const BURST_WAIT_MS = 60_000;
const BROADCAST_WAIT_MS = 120_000;

// A real event, as PYMNTS reported it on 21 October 2024.
const STRIPE_BRIDGE: Article = {
  id: "stripe-bridge-2024",
  url: "https://pymnts.com/acquisitions/2024/stripe-acquire-bridge-build-stablecoin-infrastructure",
  source: "PYMNTS",
  publishedAt: "2024-10-21T18:00:00Z",
  topics: ["fintech", "blockchain"],
  briefs: {
    en: {
      title: "Stripe confirms it will buy Bridge, a stablecoin payments platform",
      summary:
        "Stripe CEO Patrick Collison and Bridge CEO Zach Abrams announced the deal on X on 21 October; it is expected to close within months. Collison said Stripe will build the world's best stablecoin infrastructure.",
    },
    fr: {
      title: "Stripe confirme le rachat de Bridge, une plateforme de paiements en stablecoins",
      summary:
        "Patrick Collison, patron de Stripe, et Zach Abrams, patron de Bridge, ont annoncé l’accord sur X le 21 octobre ; la conclusion est attendue d’ici quelques mois. Selon Patrick Collison, Stripe bâtira la meilleure infrastructure de stablecoins au monde.",
    },
  },
};

let chat: ChatHarness | undefined;
afterEach(async () => {
  await chat?.close();
  chat = undefined;
});

/** Collects every bot message per chat, in the order the chat shows them. */
function watchChats(harness: ChatHarness): Map<number, EmulatedMessage[]> {
  const seen = new Map<number, EmulatedMessage[]>();
  harness.emu.onChange((event) => {
    if (event.kind !== "message" || event.message.from !== "bot") return;
    const list = seen.get(event.message.chatId) ?? [];
    list.push(event.message);
    seen.set(event.message.chatId, list);
  });
  return seen;
}

const refusedSends = (harness: ChatHarness) =>
  harness.emu.callsOf("sendMessage").filter((call) => call.status === 429).length;

describe("the outbound lane, against Telegram's flood limits", () => {
  it(
    "should answer 150 readers writing in the same second, each in order, without a 429",
    async () => {
      chat = await startChat({ emulator: { limits: TELEGRAM_LIMITS } });
      const harness = chat;
      const seen = watchChats(harness);
      const readers = Array.from({ length: 150 }, () => harness.reader("en"));

      // Each reader sends the same command twice at once: the second answer must say "already".
      await Promise.all(
        readers.map(async (reader) => {
          await reader.user.command("subscribe", "fintech");
          await reader.user.command("subscribe", "fintech");
        }),
      );
      await expect
        .poll(() => readers.filter((reader) => (seen.get(reader.id)?.length ?? 0) >= 2).length, {
          timeout: BURST_WAIT_MS,
          interval: 100,
        })
        .toBe(150);

      for (const reader of readers) {
        const texts = seen.get(reader.id)?.map((message) => message.text);
        expect(texts).toHaveLength(2);
        expect(texts?.[0]).toMatch(/^Following Fintech/);
        expect(texts?.[1]).toMatch(/^You already follow Fintech/);
      }
      expect(refusedSends(harness)).toBe(0);
      expect(harness.bot.logs.filter((line) => line.includes("given up"))).toEqual([]);
    },
    BURST_WAIT_MS,
  );

  it(
    "should answer readers during a 600-message broadcast, and deliver every push once",
    async () => {
      chat = await startChat({ emulator: { limits: TELEGRAM_LIMITS } });
      const harness = chat;
      const { app, clock, dataDir } = harness.bot;
      const seen = watchChats(harness);

      // 600 readers following fintech, each owed the one new brief below.
      const pushed = Array.from({ length: 600 }, (_, index) => 60_000 + index);
      const since = clock.now();
      for (const chatId of pushed) {
        await app.deps.readers.update(chatId, () => ({
          ...createReader(chatId, "en", since, app.deps.ledger.maxSeq()),
          topics: { fintech: since.toISOString() },
        }));
      }
      clock.advance(60_000);
      const storePath = join(dataDir, "articles.json");
      const store = JSON.parse(await readFile(storePath, "utf8")) as { articles: Article[] };
      await writeFile(storePath, JSON.stringify({ articles: [...store.articles, STRIPE_BRIDGE] }));
      await expect
        .poll(() => app.deps.articles.get(STRIPE_BRIDGE.id), { timeout: 10_000 })
        .toBeDefined();

      const broadcast = app.push.runner.run();
      // Readers write once the broadcast is well under way, one after another.
      await expect
        .poll(() => pushed.filter((chatId) => seen.has(chatId)).length, {
          timeout: BROADCAST_WAIT_MS,
          interval: 50,
        })
        .toBeGreaterThanOrEqual(30);
      const asking = Array.from({ length: 12 }, () => harness.reader("en"));
      for (const reader of asking) {
        const next = reader.user.waitForBotMessage({ timeoutMs: BROADCAST_WAIT_MS });
        await reader.user.command("latest");
        const answer = await next;
        expect(answer.text).toContain("Newest briefs:");
      }

      const report = await broadcast;
      expect(report).toMatchObject({ sent: 600, failed: 0 });
      for (const chatId of pushed) {
        const texts = seen.get(chatId)?.map((message) => message.text) ?? [];
        expect(texts).toHaveLength(1);
        expect(texts[0]).toContain(STRIPE_BRIDGE.briefs.en?.title);
      }
      for (const reader of asking) expect(seen.get(reader.id)).toHaveLength(1);
      expect(refusedSends(harness)).toBe(0);
    },
    BROADCAST_WAIT_MS,
  );
});
