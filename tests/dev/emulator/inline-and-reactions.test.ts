import { Api } from "grammy";
import type { InlineQueryResultArticle, Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BotApiEmulator, createBotApiEmulator } from "../../../dev/emulator/index.js";
import { refusalText } from "./refusal.js";

const TOKEN = "123456:TEST-token";
const USER = 42;

let emu: BotApiEmulator;
let api: Api;

beforeEach(async () => {
  emu = await createBotApiEmulator({ token: TOKEN, botUsername: "brief_test_bot" });
  api = new Api(TOKEN, { apiRoot: emu.apiRoot });
});

afterEach(async () => {
  await emu.close();
});

function article(id: string, html = "<b>Brief</b>"): InlineQueryResultArticle {
  return {
    type: "article",
    id,
    title: `Title ${id}`,
    input_message_content: { message_text: html, parse_mode: "HTML" },
  };
}

/** The user types a query; the test, as the bot, takes the update and answers it. */
async function typeQuery(query: string) {
  const user = emu.user({ id: USER, language_code: "en" });
  const answer = user.inlineQuery(query, { timeoutMs: 2000 });
  const updates = await api.getUpdates({ timeout: 1 });
  const inline = updates.find((update) => update.inline_query)?.inline_query;
  if (!inline) throw new Error("no inline_query update");
  return { user, answer, inline };
}

describe("inline queries", () => {
  test("the query reaches the bot and the user sees its answer, then posts a result", async () => {
    const { user, answer, inline } = await typeQuery("nvidia");
    expect(inline).toMatchObject({ query: "nvidia", chat_type: "sender", from: { id: USER } });
    await api.answerInlineQuery(inline.id, [article("a1", "<b>Nvidia</b> &amp; co")], {
      cache_time: 5,
      is_personal: true,
    });
    const got = await answer;
    expect(got).toMatchObject({ cacheTime: 5, isPersonal: true });
    expect(got.results.map((result) => result.title)).toEqual(["Title a1"]);

    const group = emu.group({ title: "Friends" });
    const pending = emu.pendingUpdates;
    const posted = user.chooseInlineResult(got, "a1", group.id);
    expect(posted).toMatchObject({ text: "Nvidia & co", viaBot: true, from: "user" });
    expect(group.messages().map((message) => message.text)).toEqual(["Nvidia & co"]);
    // Posting into another chat is not an update for the bot.
    expect(emu.pendingUpdates).toBe(pending);
  });

  test("an answer Telegram would refuse is refused, and the query stays open", async () => {
    const { inline } = await typeQuery("");
    const many = Array.from({ length: 51 }, (_, index) => article(`r${index}`));
    expect(await refusalText(api.answerInlineQuery(inline.id, many))).toBe(
      "Bad Request: RESULTS_TOO_MUCH",
    );
    expect(await refusalText(api.answerInlineQuery(inline.id, [article("x"), article("x")]))).toBe(
      "Bad Request: RESULT_ID_DUPLICATE",
    );
    expect(await refusalText(api.answerInlineQuery(inline.id, [article("é".repeat(33))]))).toBe(
      "Bad Request: RESULT_ID_INVALID",
    );
    expect(
      await refusalText(api.answerInlineQuery(inline.id, [{ ...article("t"), title: " " }])),
    ).toBe("Bad Request: RESULT_TITLE_EMPTY");
    expect(
      await refusalText(api.answerInlineQuery(inline.id, [article("h", "<b>open")])),
    ).toContain("can't parse entities");
    expect(
      await refusalText(api.answerInlineQuery(inline.id, [article("l", "x".repeat(4097))])),
    ).toBe("Bad Request: message is too long");
    await api.answerInlineQuery(inline.id, [article("ok")]);
    expect(await refusalText(api.answerInlineQuery(inline.id, [article("ok")]))).toContain(
      "query ID is invalid",
    );
  });
});

describe("reactions and replies", () => {
  test("a reaction reaches the bot only when allowed_updates names message_reaction", async () => {
    const user = emu.user({ id: USER });
    const sent = await api.sendMessage(USER, "A brief");
    const message = emu.chatMessages(USER).at(-1);
    if (!message) throw new Error("no message");
    await user.react(message, ["👍"]);
    expect(await api.getUpdates({ timeout: 0 })).toEqual([]);

    // allowed_updates holds from the call that sets it on.
    await api.getUpdates({ timeout: 0, allowed_updates: ["message", "message_reaction"] });
    await user.react(message, ["🔥"]);
    const updates: Update[] = await api.getUpdates({ timeout: 0 });
    expect(updates.map((update) => update.message_reaction)).toMatchObject([
      {
        message_id: sent.message_id,
        user: { id: USER },
        old_reaction: [{ type: "emoji", emoji: "👍" }],
        new_reaction: [{ type: "emoji", emoji: "🔥" }],
      },
    ]);
  });

  test("a reply carries the message it answers, buttons included", async () => {
    const user = emu.user({ id: USER });
    await api.sendMessage(USER, "A brief", {
      reply_markup: { inline_keyboard: [[{ text: "👍", callback_data: "fb:up:7" }]] },
    });
    const brief = emu.chatMessages(USER).at(-1);
    if (!brief) throw new Error("no message");
    const update = await user.sendText("/why", { replyTo: brief });
    expect(update.message?.reply_to_message).toMatchObject({
      text: "A brief",
      reply_markup: { inline_keyboard: [[{ callback_data: "fb:up:7" }]] },
    });
  });

  test("a Share button must offer at least one kind of chat", async () => {
    const share = (allow: boolean) =>
      api.sendMessage(USER, "A brief", {
        reply_markup: {
          inline_keyboard: [
            [
              {
                text: "Share",
                switch_inline_query_chosen_chat: { query: "#7", allow_user_chats: allow },
              },
            ],
          ],
        },
      });
    expect(await refusalText(share(false))).toBe("Bad Request: BUTTON_TYPE_INVALID");
    const sent = await share(true);
    expect(sent.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({
      switch_inline_query_chosen_chat: { query: "#7" },
    });
  });
});
