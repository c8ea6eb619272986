import type { InlineKeyboardButton } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedMessage, InlineAnswer } from "../../dev/emulator/types.js";
import {
  buttonLabels,
  type ChatHarness,
  publishArticles,
  type Reader,
  startChat,
} from "../helpers/chat.js";
import { makeArticle } from "../push/push-harness.js";

// Real events, written for these tests.
const ASML_EUV = {
  ...makeArticle("asml-high-na-euv-2023", ["ai", "datacenters"], {
    briefs: {
      en: {
        title: "ASML ships its first High-NA EUV lithography system to Intel",
        summary:
          "The Dutch company delivered the first parts of the machine to Intel in Oregon in December 2023.",
      },
      fr: {
        title: "ASML livre à Intel son premier système de lithographie EUV High-NA",
        summary:
          "Le groupe néerlandais a livré les premiers éléments de la machine à Intel, dans l’Oregon, en décembre 2023.",
      },
    },
    publishedAt: "2026-11-28T08:00:00Z",
  }),
  source: "Reuters",
};

const NVIDIA_TRILLION = "Nvidia briefly tops $1 trillion in market value on AI chip demand";
const EL_SALVADOR = "Le Salvador fait du bitcoin une monnaie légale";

/**
 * Sharing and reactions through the running bot: readers type "@bot words" in the
 * emulator, pick results into chats, react to pushes and reply /why to them.
 */
describe("inline mode, Share, reactions and /why", () => {
  let chat: ChatHarness;
  // Pushed once, in beforeAll, to a reader of each language who follows AI.
  let english: Reader;
  let french: Reader;
  let englishPush: EmulatedMessage;
  let frenchPush: EmulatedMessage;

  beforeAll(async () => {
    chat = await startChat({ env: { PUSH_CRON: "* * * * * *" } });
    english = chat.reader("en");
    french = chat.reader("fr");
    await english.say("/subscribe ai");
    await french.say("/subscribe ia");
    const pushedEn = english.user.waitForBotMessage({ timeoutMs: 8000 });
    const pushedFr = french.user.waitForBotMessage({ timeoutMs: 8000 });
    await publishArticles(chat, ASML_EUV);
    englishPush = await pushedEn;
    frenchPush = await pushedFr;
  });
  afterAll(() => chat.close());

  const seqOf = (id: string) => chat.bot.app.deps.ledger.entry(id)?.seq;
  const voteOf = (reader: Reader, id: string) =>
    chat.bot.app.deps.readers.get(reader.id)?.feedback?.[id]?.vote;
  const titles = (answer: InlineAnswer) => answer.results.map((result) => result.title);

  it("should list matching briefs for @bot words, in the reader's language", async () => {
    const answer = await english.user.inlineQuery("nvidia");
    expect(titles(answer)).toEqual([NVIDIA_TRILLION]);
    expect(answer.cacheTime).toBeLessThanOrEqual(10);
    expect(answer.isPersonal).toBe(true);
    const [result] = answer.results;
    expect(result?.url).toBe(
      "https://www.reuters.com/technology/nvidia-sets-eye-1-trillion-market-value-2023-05-30/",
    );
    expect(result?.description).toContain("Nvidia’s market value briefly passed $1 trillion");

    // Topic words work as in /latest: "crypto" finds the crypto briefs, French ones marked.
    const crypto = await english.user.inlineQuery("crypto");
    expect(titles(crypto)).toContain(`${EL_SALVADOR} 🇫🇷`);
    expect(titles(crypto)).toContain(
      "SEC approves the first spot bitcoin exchange-traded products",
    );
  });

  it("should post the picked brief into a group, the other language marked, in French", async () => {
    const answer = await french.user.inlineQuery("nvidia");
    expect(titles(answer)).toEqual([`${NVIDIA_TRILLION} 🇬🇧`]);
    const group = chat.emu.group({ title: "Veille tech" });
    const posted = french.user.chooseInlineResult(answer, answer.results[0]?.id ?? "", group.id);
    expect(posted.viaBot).toBe(true);
    expect(posted.text).toContain(NVIDIA_TRILLION);
    expect(posted.text).toContain("🇬🇧 Original en anglais");
    expect(posted.text).toContain("Lire l'article");
    const link = posted.entities.find((entity) => entity.type === "text_link");
    expect(link && "url" in link ? link.url : undefined).toContain("reuters.com");
  });

  it("should take a brief picked into the chat with the bot as a share, not a request", async () => {
    const answer = await english.user.inlineQuery("nvidia");
    const before = chat.emu.deliveredTo(english.id).length;
    const posted = english.user.chooseInlineResult(answer, answer.results[0]?.id ?? "", english.id);
    expect(posted.text).toContain(NVIDIA_TRILLION);
    // Updates of one chat are handled in order: the next answer is the one to /help.
    expect((await english.say("/help")).text).toContain(
      "Briefbot sends short briefs of tech-finance news",
    );
    expect(chat.emu.deliveredTo(english.id).length).toBe(before + 1);
  });

  it("should list the newest briefs for an empty query, and nothing for words that match nothing", async () => {
    const answer = await french.user.inlineQuery("");
    expect(titles(answer)[0]).toBe(ASML_EUV.briefs.fr?.title);
    expect(new Set(answer.results.map((result) => result.id)).size).toBe(answer.results.length);
    const none = await english.user.inlineQuery("zeppelin");
    expect(none.results).toEqual([]);
  });

  it("should put a Share button under a push that shares exactly that brief", async () => {
    expect(buttonLabels(englishPush)).toEqual(["👍", "👎", "Why?", "↗ Share"]);
    expect(buttonLabels(frenchPush)).toEqual(["👍", "👎", "Pourquoi ?", "↗ Partager"]);
    const share = englishPush.reply_markup?.inline_keyboard[1]?.[0] as InlineKeyboardButton & {
      switch_inline_query_chosen_chat?: Record<string, unknown>;
    };
    const seq = seqOf(ASML_EUV.id);
    expect(share.switch_inline_query_chosen_chat).toEqual({
      query: `#${seq}`,
      allow_user_chats: true,
      allow_group_chats: true,
      allow_channel_chats: true,
    });
    // What the picker sends once the reader chose a chat: "@bot #<seq>".
    const answer = await english.user.inlineQuery(`#${seq}`, { chatType: "private" });
    expect(titles(answer)).toEqual([ASML_EUV.briefs.en?.title]);
    const forged = await english.user.inlineQuery("#999999");
    expect(forged.results).toEqual([]);
  });

  it("should count a 👍-like reaction on a push as 👍, and undo it when taken back", async () => {
    await english.user.react(englishPush, ["❤"]);
    await expect.poll(() => voteOf(english, ASML_EUV.id)).toBe("up");
    await english.user.react(englishPush, []);
    await expect.poll(() => voteOf(english, ASML_EUV.id)).toBeUndefined();
  });

  it("should count 💩 as 👎 and a change of mind as the new vote, in French", async () => {
    await french.user.react(frenchPush, ["💩"]);
    await expect.poll(() => voteOf(french, ASML_EUV.id)).toBe("down");
    await french.user.react(frenchPush, ["🔥"]);
    await expect.poll(() => voteOf(french, ASML_EUV.id)).toBe("up");
    // A reaction that is no vote takes the vote back, and the bot says nothing.
    const sent = chat.emu.deliveredTo(french.id).length;
    await french.user.react(frenchPush, ["🤔"]);
    await expect.poll(() => voteOf(french, ASML_EUV.id)).toBeUndefined();
    expect(chat.emu.deliveredTo(french.id).length).toBe(sent);
  });

  it("should say why a push came when /why replies to it", async () => {
    const next = english.user.waitForBotMessage();
    await english.user.sendText("/why", { replyTo: englishPush });
    expect((await next).text).toBe("You follow AI.\nSource: Reuters.");

    const nextFr = french.user.waitForBotMessage();
    await french.user.sendText("/why", { replyTo: frenchPush });
    expect((await nextFr).text).toBe("Vous suivez IA.\nSource : Reuters.");
  });

  it("should explain /why when it replies to nothing the bot pushed", async () => {
    expect((await english.say("/why")).text).toBe(
      "Reply /why to one of the briefs I pushed you, or tap Why? under it, to see why you got it.",
    );
    const question = french.user.messages().find((message) => message.from === "user");
    if (!question) throw new Error("no user message");
    const next = french.user.waitForBotMessage();
    await french.user.sendText("/why", { replyTo: question });
    expect((await next).text).toContain("Répondez /why à l’un des briefs");
  });

  it("should still answer /why and count reactions after a restart", async () => {
    await chat.restart();
    const next = english.user.waitForBotMessage();
    await english.user.sendText("/why", { replyTo: englishPush });
    expect((await next).text).toBe("You follow AI.\nSource: Reuters.");
    // Which brief a message holds is kept with the reader, so the restart forgot nothing.
    await english.user.react(englishPush, ["👍"]);
    await expect.poll(() => voteOf(english, ASML_EUV.id)).toBe("up");
    await french.user.react(frenchPush, ["👎"]);
    await expect.poll(() => voteOf(french, ASML_EUV.id)).toBe("down");
  });

  it("should ignore a reaction on a message that holds no brief", async () => {
    await english.user.react(englishPush, ["👎"]);
    await expect.poll(() => voteOf(english, ASML_EUV.id)).toBe("down");
    const answer = await english.say("/help");
    await english.user.react(answer, ["👍"]);
    // Updates of one chat are handled in order: once /latest is answered, the reaction was seen.
    expect((await english.say("/latest")).text).toContain("ASML");
    expect(chat.bot.app.deps.readers.get(english.id)?.feedback).toEqual({
      [ASML_EUV.id]: expect.objectContaining({ vote: "down" }),
    });
  });
});
