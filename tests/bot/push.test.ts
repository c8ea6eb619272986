import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/schema.js";
import { type ChatHarness, publishArticles, startChat } from "../helpers/chat.js";
import { makeArticle } from "../push/push-harness.js";

/**
 * Pushes through the whole app as npm start wires it: readers subscribe by chatting,
 * an editor saves the store, and the cron tick (every second here) brings the brief.
 */
describe("scheduled pushes in the running bot", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat({ env: { PUSH_CRON: "* * * * * *" } });
  });
  afterAll(() => chat.close());

  const publish = (article: Article) => publishArticles(chat, article);
  // Titles of the briefs a chat received (makeArticle's source line marks a brief).
  const headlines = (chatId: number) =>
    chat.emu
      .deliveredTo(chatId)
      .filter((message) => message.text.includes("Example News"))
      .map((message) => message.text.split("\n")[0] ?? "");

  it("should bring a newly published brief to each matching subscriber once, in their language", async () => {
    const anna = chat.reader("en");
    const louis = chat.reader("fr");
    const other = chat.reader("en");
    await anna.say("/subscribe blockchain ai");
    await louis.say("/subscribe chaîne de blocs");
    await other.say("/subscribe 5g");

    const pushed = louis.user.waitForBotMessage({ timeoutMs: 8000 });
    await publish(
      makeArticle("ledger-e2e", ["blockchain", "ai"], {
        briefs: {
          en: { title: "Banks settle on a shared ledger", summary: "A pilot went live." },
          fr: { title: "Les banques règlent sur un registre commun", summary: "Un pilote." },
        },
      }),
    );
    expect((await pushed).text).toContain("Les banques règlent sur un registre commun");
    await expect
      .poll(() => headlines(anna.id), { timeout: 5000 })
      .toContain("Banks settle on a shared ledger");

    // Several more ticks: matching two of Anna's topics and re-ticking sends nothing again.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // The schedule is still ticking (a later item arrives), so "once" is not "never again".
    await publish(makeArticle("ledger-e2e-next", ["ai"]));
    await expect
      .poll(() => headlines(anna.id), { timeout: 5000 })
      .toContain("Title ledger-e2e-next");
    expect(headlines(anna.id).filter((line) => line.includes("shared ledger"))).toHaveLength(1);
    expect(headlines(louis.id).filter((line) => line.includes("registre commun"))).toHaveLength(1);
    expect(headlines(other.id)).toEqual([]);
  });

  it("should stop pushing to a reader who blocked the bot, and resume after /start", async () => {
    const reader = chat.reader("en");
    const witness = chat.reader("en");
    await reader.say("/subscribe cloud");
    await witness.say("/subscribe cloud");
    await reader.user.blockBot();
    await expect.poll(() => chat.bot.app.deps.readers.get(reader.id)?.active).toBe(false);

    const first = witness.user.waitForBotMessage({ timeoutMs: 8000 });
    await publish(makeArticle("cloud-while-blocked", ["cloud"]));
    expect((await first).text).toContain("Title cloud-while-blocked");
    expect(headlines(reader.id)).toEqual([]);

    chat.bot.clock.advance(60_000); // the reader comes back later
    const welcome = await reader.say("/start");
    expect(welcome.text).toContain("Welcome back: pushes are on again for your topics.");
    expect(chat.bot.app.deps.readers.get(reader.id)?.active).toBe(true);
    const next = reader.user.waitForBotMessage({ timeoutMs: 8000 });
    await publish(makeArticle("cloud-after-start", ["cloud"]));
    expect((await next).text).toContain("Title cloud-after-start");
    // What came out while they were away is for /latest, not a burst on return.
    expect(headlines(reader.id)).toEqual(["Title cloud-after-start"]);
  });
});
