import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedMessage } from "../../dev/emulator/types.js";
import type { Article } from "../../src/articles/schema.js";
import { type ChatHarness, startChat } from "../helpers/chat.js";
import { makeArticle } from "../push/push-harness.js";

/** A publisher connects channels from the private chat; the push tick (every second) posts there. */
describe("channels", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat({ env: { PUSH_CRON: "* * * * * *" } });
  });
  afterAll(() => chat.close());

  async function publish(article: Article): Promise<void> {
    const path = join(chat.bot.dataDir, "articles.json");
    const store = JSON.parse(await readFile(path, "utf8")) as { articles: Article[] };
    store.articles.push(article);
    chat.bot.clock.advance(60_000);
    await writeFile(path, JSON.stringify(store, null, 2));
  }
  const briefsIn = (chatId: number) =>
    chat.emu.deliveredTo(chatId).filter((message) => message.text.includes("Example News"));
  /** The full label of the button whose label contains `part` (labels carry ticks and states). */
  const button = (message: EmulatedMessage, part: string) => {
    const found = message.reply_markup?.inline_keyboard
      .flat()
      .find((candidate) => candidate.text.includes(part));
    if (!found) throw new Error(`no button "${part}"`);
    return found.text;
  };

  it("should configure a channel by buttons in French and post its briefs there once, silently", async () => {
    const publisher = chat.reader("fr");
    const channel = chat.emu.channel({ title: "Tech Finance FR", username: "techfinance_fr" });
    const panelArrives = publisher.user.waitForBotMessage();
    await channel.addBot(publisher.id);
    const panel = await panelArrives;
    expect(panel.text).toContain("Je suis maintenant administrateur de Tech Finance FR");
    expect(panel.text).toContain("Rien n'est publié tant qu'aucun thème n'est choisi.");

    // Nothing is posted before a topic is chosen.
    const witness = chat.reader("fr");
    await witness.say("/subscribe blockchain");
    const witnessed = witness.user.waitForBotMessage({ timeoutMs: 8000 });
    await publish(makeArticle("before-topics", ["blockchain"]));
    await witnessed;
    expect(briefsIn(channel.id)).toEqual([]);
    chat.bot.clock.advance(1000); // the publisher chooses a moment later

    const ticked = await publisher.tap(panel, button(panel, "Blockchain"));
    expect(ticked.text).toContain("Thèmes : Blockchain");
    const silent = await publisher.tap(ticked, button(ticked, "Publications silencieuses"));
    expect(silent.text).toContain("Publications silencieuses : activés");

    const posted = channel.waitForBotMessage({ timeoutMs: 8000 });
    await publish(
      makeArticle("ledger-channel", ["blockchain"], {
        briefs: {
          en: { title: "Banks settle on a shared ledger", summary: "A pilot went live." },
          fr: { title: "Les banques règlent sur un registre commun", summary: "Un pilote." },
        },
      }),
    );
    const post = await posted;
    expect(post.text).toContain("Les banques règlent sur un registre commun");
    expect(post.disable_notification).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(briefsIn(channel.id).map((message) => message.text.split("\n")[0])).toEqual([
      "Les banques règlent sur un registre commun",
    ]);
  });

  it("should configure a channel by text in English, and refuse a non-admin", async () => {
    const publisher = chat.reader("en");
    const stranger = chat.reader("en");
    const channel = chat.emu.channel({ title: "AI Weekly", username: "ai_weekly_news" });
    const panelArrives = publisher.user.waitForBotMessage();
    await channel.addBot(publisher.id);
    await panelArrives;

    const refused = await stranger.say("/channel @ai_weekly_news subscribe ai");
    expect(refused.text).toBe(
      "Only administrators of AI Weekly can change what I post there, and Telegram says you are not one. Nothing changed.",
    );
    expect(chat.bot.app.deps.readers.get(channel.id)?.topics).toEqual({});

    const done = await publisher.say("/channel @ai_weekly_news subscribe AI cloud");
    expect(done.text).toContain("Topics: AI, Cloud");
    expect((await publisher.say(`/channel ${channel.id} language fr`)).text).toContain(
      "Language of the posts: 🇫🇷 Français",
    );
    expect((await publisher.say("/channel @ai_weekly_news digest 7")).text).toContain(
      "one daily digest at 07:00 (UTC)",
    );
    expect((await publisher.say("/channel @ai_weekly_news tz Europe/Paris")).text).toContain(
      "(Europe/Paris)",
    );
    expect((await publisher.say("/channel @ai_weekly_news silent maybe")).text).toContain(
      "Say “on” or “off”",
    );
    expect((await publisher.say("/channel @nobody_here subscribe ai")).text).toContain(
      "I cannot find the channel @nobody_here",
    );
    const list = await publisher.say("/channels");
    expect(list.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["AI Weekly"]);
    const reader = chat.bot.app.deps.readers.get(channel.id);
    expect(reader).toMatchObject({ chatType: "channel", locale: "fr", adminId: publisher.id });
    expect(reader?.delivery).toMatchObject({
      mode: "digest",
      digestHour: 7,
      timeZone: "Europe/Paris",
    });
  });

  it("should tell the adder when it was added without the right to post, and post nothing", async () => {
    const publisher = chat.reader("fr");
    const channel = chat.emu.channel({ title: "Veille Régulation" });
    const told = publisher.user.waitForBotMessage();
    await channel.addBot(publisher.id, { canPost: false });
    expect((await told).text).toBe(
      "Je ne suis pas administrateur avec le droit de publier dans Veille Régulation. Donnez-moi le droit « Publier des messages », puis réessayez. Rien n'a changé.",
    );
    expect(chat.bot.app.deps.readers.get(channel.id)).toBeUndefined();
  });

  it("should stop posting and tell the admin when demoted, keeping the settings", async () => {
    const publisher = chat.reader("en");
    const channel = chat.emu.channel({ title: "Cloud Daily" });
    const panelArrives = publisher.user.waitForBotMessage();
    await channel.addBot(publisher.id);
    await panelArrives;
    await publisher.say(`/channel ${channel.id} subscribe cloud`);
    const told = publisher.user.waitForBotMessage();
    await channel.setBotCanPost(false, publisher.id);
    expect((await told).text).toContain(`I can no longer post in channel ${channel.id}`);
    const reader = chat.bot.app.deps.readers.get(channel.id);
    expect(reader).toMatchObject({ active: false, inactiveReason: "removed" });
    expect(Object.keys(reader?.topics ?? {})).toEqual(["cloud"]);
    const refused = await publisher.say(`/channel ${channel.id} subscribe ai`);
    expect(refused.text).toContain("I am not an administrator allowed to post in Cloud Daily");
  });
});
