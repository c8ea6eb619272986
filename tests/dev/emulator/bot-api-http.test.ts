import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BotApiEmulator, createBotApiEmulator } from "../../../dev/emulator/index.js";
import { refusal } from "./refusal.js";

const TOKEN = "123456:TEST-token";
const CHAT = 42;

let emu: BotApiEmulator;
let api: Api;

beforeEach(async () => {
  emu = await createBotApiEmulator({ token: TOKEN, botUsername: "brief_test_bot" });
  api = new Api(TOKEN, { apiRoot: emu.apiRoot });
});

afterEach(async () => {
  await emu.close();
});

async function raw(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${emu.apiRoot}${path}`, init);
  return { status: response.status, body: await response.json() };
}

describe("routing and envelope", () => {
  test("getMe answers with the bot's identity", async () => {
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 123456, is_bot: true, username: "brief_test_bot" });
  });

  test("a wrong token gets 401 Unauthorized", async () => {
    const answer = await raw("/bot999:wrong/getMe");
    expect(answer).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
  });

  test("an unknown method gets 404 method not found", async () => {
    const answer = await raw(`/bot${TOKEN}/sendTelepathy`, { method: "POST" });
    expect(answer).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: "Not Found: method not found" },
    });
  });

  test("form-encoded bodies and query strings work like JSON", async () => {
    const form = new URLSearchParams({
      chat_id: String(CHAT),
      text: "<b>form</b>",
      parse_mode: "HTML",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }),
    });
    const viaForm = await raw(`/bot${TOKEN}/sendMessage`, { method: "POST", body: form });
    expect(viaForm.status).toBe(200);
    expect(viaForm.body).toMatchObject({
      ok: true,
      result: { text: "form", entities: [{ type: "bold", offset: 0, length: 4 }] },
    });
    const viaQuery = await raw(`/bot${TOKEN}/sendMessage?chat_id=${CHAT}&text=query`);
    expect(viaQuery.body).toMatchObject({ ok: true, result: { text: "query" } });
    expect(emu.deliveredTo(CHAT).map((message) => message.text)).toEqual(["form", "query"]);
    expect(emu.deliveredTo(CHAT)[0]?.reply_markup).toEqual({
      inline_keyboard: [[{ text: "Go", callback_data: "go" }]],
    });
  });

  test("method names are case-insensitive and recorded canonically", async () => {
    await raw(`/bot${TOKEN}/SENDMESSAGE?chat_id=${CHAT}&text=hi`);
    expect(emu.callsOf("sendMessage")).toHaveLength(1);
  });
});

describe("sendMessage validation", () => {
  test("a missing chat_id is refused", async () => {
    const error = await refusal(api.raw.sendMessage({ text: "hi" } as never));
    expect([error.error_code, error.description]).toEqual([400, "Bad Request: chat_id is empty"]);
  });

  test("malformed HTML gets 400 can't parse entities and nothing is delivered", async () => {
    const error = await refusal(api.sendMessage(CHAT, "Hello<br>world", { parse_mode: "HTML" }));
    expect(error.error_code).toBe(400);
    expect(error.description).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 5',
    );
    expect(emu.deliveredTo(CHAT)).toEqual([]);
  });

  test("the HTML source is kept beside the parsed text", async () => {
    await api.sendMessage(CHAT, "<i>Hi</i> &amp; bye", { parse_mode: "HTML" });
    expect(emu.deliveredTo(CHAT)[0]).toMatchObject({
      text: "Hi & bye",
      html: "<i>Hi</i> &amp; bye",
      entities: [{ type: "italic", offset: 0, length: 2 }],
    });
  });

  test("4,096 UTF-16 units after parsing pass, 4,097 are too long", async () => {
    const full = `<b>${"a".repeat(4095)}</b>&amp;`;
    const sent = await api.sendMessage(CHAT, full, { parse_mode: "HTML" });
    expect(sent.text).toHaveLength(4096);
    const error = await refusal(api.sendMessage(CHAT, `${"😀".repeat(2048)}x`));
    expect(error.description).toBe("Bad Request: message is too long");
  });

  test("text empty after parsing or trimming is refused", async () => {
    const fromTags = await refusal(api.sendMessage(CHAT, "<b></b>", { parse_mode: "HTML" }));
    expect(fromTags.description).toBe("Bad Request: message text is empty");
    const blank = await refusal(api.sendMessage(CHAT, " \n "));
    expect(blank.description).toBe("Bad Request: message text is empty");
  });

  test("surrounding whitespace is trimmed and entities shift with it", async () => {
    const sent = await api.sendMessage(CHAT, "\n  <b>x</b> y  ", { parse_mode: "HTML" });
    expect(sent.text).toBe("x y");
    expect(sent.entities).toEqual([{ type: "bold", offset: 0, length: 1 }]);
  });

  test("MarkdownV2 is refused with a pointer to HTML", async () => {
    const error = await refusal(api.sendMessage(CHAT, "*x*", { parse_mode: "MarkdownV2" }));
    expect(error.description).toContain("can't parse entities");
  });

  test("entities without parse_mode pass through", async () => {
    const sent = await api.sendMessage(CHAT, "hello", {
      entities: [{ type: "bold", offset: 0, length: 5 }],
    });
    expect(sent.entities).toEqual([{ type: "bold", offset: 0, length: 5 }]);
  });

  test.each([
    [
      "65 bytes of callback_data",
      [{ text: "x", callback_data: "a".repeat(65) }],
      "BUTTON_DATA_INVALID",
    ],
    [
      "33 two-byte characters",
      [{ text: "x", callback_data: "é".repeat(33) }],
      "BUTTON_DATA_INVALID",
    ],
    ["empty callback_data", [{ text: "x", callback_data: "" }], "BUTTON_DATA_INVALID"],
    ["no action", [{ text: "x" }], "Text buttons are unallowed in the inline keyboard"],
    ["two actions", [{ text: "x", callback_data: "a", url: "https://a.org" }], "exactly one of"],
    ["no text", [{ callback_data: "a" }], 'Field "text" must be of type String'],
    ["a bad url", [{ text: "x", url: "not a url" }], "is invalid"],
  ])("an inline button with %s is refused", async (_label, row, reason) => {
    const error = await refusal(
      api.sendMessage(CHAT, "pick", { reply_markup: { inline_keyboard: [row as never] } }),
    );
    expect(error.error_code).toBe(400);
    expect(error.description).toContain(reason);
  });

  test("reply keyboards are accepted but not attached; junk markup is refused", async () => {
    const sent = await api.sendMessage(CHAT, "menu", {
      reply_markup: { keyboard: [[{ text: "Latest" }]], resize_keyboard: true },
    });
    expect(sent.reply_markup).toBeUndefined();
    const error = await refusal(api.sendMessage(CHAT, "menu", { reply_markup: {} as never }));
    expect(error.description).toBe("Bad Request: can't parse reply keyboard markup JSON object");
  });

  test("64 bytes of callback_data are accepted", async () => {
    const data = "é".repeat(32);
    const sent = await api.sendMessage(CHAT, "pick", {
      reply_markup: { inline_keyboard: [[{ text: "x", callback_data: data }]] },
    });
    expect(sent.reply_markup?.inline_keyboard[0]?.[0]).toEqual({ text: "x", callback_data: data });
  });
});

describe("editing and deleting", () => {
  test("an edit applies in place and counts", async () => {
    const sent = await api.sendMessage(CHAT, "v1", {
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
    });
    const edited = await api.editMessageText(CHAT, sent.message_id, "<b>v2</b>", {
      parse_mode: "HTML",
    });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "v2" });
    const [message] = emu.chatMessages(CHAT);
    expect(message).toMatchObject({ text: "v2", edits: 1, html: "<b>v2</b>" });
    expect(message?.edit_date).toBeTypeOf("number");
    // editMessageText without reply_markup removes the keyboard, as on Telegram.
    expect(message?.reply_markup).toBeUndefined();
  });

  test("an identical edit is refused as not modified", async () => {
    const markup = { inline_keyboard: [[{ text: "A", callback_data: "a" }]] };
    const sent = await api.sendMessage(CHAT, "<b>same</b>", {
      parse_mode: "HTML",
      reply_markup: markup,
    });
    const error = await refusal(
      api.editMessageText(CHAT, sent.message_id, "<b>same</b>", {
        parse_mode: "HTML",
        reply_markup: markup,
      }),
    );
    expect(error.description).toBe(
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    const markupOnly = await refusal(
      api.editMessageReplyMarkup(CHAT, sent.message_id, { reply_markup: markup }),
    );
    expect(markupOnly.description).toContain("message is not modified");
  });

  test("editing an unknown message is refused", async () => {
    const error = await refusal(api.editMessageText(CHAT, 999, "x"));
    expect(error.description).toBe("Bad Request: message to edit not found");
  });

  test("editMessageReplyMarkup swaps the keyboard", async () => {
    const sent = await api.sendMessage(CHAT, "menu", {
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
    });
    await api.editMessageReplyMarkup(CHAT, sent.message_id, {
      reply_markup: { inline_keyboard: [[{ text: "B", callback_data: "b" }]] },
    });
    expect(emu.chatMessages(CHAT)[0]?.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe("B");
  });

  test("deleteMessage removes it from the chat but not from deliveredTo", async () => {
    const sent = await api.sendMessage(CHAT, "bye");
    await api.deleteMessage(CHAT, sent.message_id);
    expect(emu.chatMessages(CHAT)).toEqual([]);
    expect(emu.deliveredTo(CHAT)).toHaveLength(1);
    const again = await refusal(api.deleteMessage(CHAT, sent.message_id));
    expect(again.description).toBe("Bad Request: message to delete not found");
  });
});

describe("callback queries", () => {
  test("a pressed button can be answered once", async () => {
    const user = emu.user({ id: CHAT, first_name: "Ann" });
    await api.sendMessage(CHAT, "pick", {
      reply_markup: { inline_keyboard: [[{ text: "Tech", callback_data: "topic:tech" }]] },
    });
    const message = user.lastBotMessage();
    if (message === undefined) throw new Error("no bot message");
    const update = await user.pressButton(message, { text: "Tech" });
    const query = update.callback_query;
    expect(query).toMatchObject({
      data: "topic:tech",
      from: { id: CHAT },
      message: { message_id: message.message_id },
    });
    expect(query?.chat_instance).toEqual(expect.any(String));
    await api.answerCallbackQuery(query?.id ?? "", { text: "Done" });
    const twice = await refusal(api.answerCallbackQuery(query?.id ?? ""));
    expect(twice.description).toBe(
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );
    const unknown = await refusal(api.answerCallbackQuery("nope"));
    expect(unknown.error_code).toBe(400);
  });

  test("pressing a button that is not on the message names the ones that are", async () => {
    const user = emu.user({ id: CHAT });
    await api.sendMessage(CHAT, "pick", {
      reply_markup: { inline_keyboard: [[{ text: "Tech", callback_data: "topic:tech" }]] },
    });
    const message = user.lastBotMessage();
    if (message === undefined) throw new Error("no bot message");
    await expect(user.pressButton(message, { data: "topic:food" })).rejects.toThrow(
      /no button \{"data":"topic:food"\}.*"Tech" → topic:tech/,
    );
  });
});

describe("commands", () => {
  test("commands are stored per language and scope", async () => {
    await api.setMyCommands([{ command: "start", description: "Start" }]);
    await api.setMyCommands([{ command: "start", description: "Démarrer" }], {
      language_code: "fr",
    });
    await api.setMyCommands([{ command: "admin", description: "Admin" }], {
      scope: { type: "chat", chat_id: CHAT },
    });
    expect(emu.commands()).toEqual([{ command: "start", description: "Start" }]);
    expect(emu.commands("fr")).toEqual([{ command: "start", description: "Démarrer" }]);
    expect(await api.getMyCommands({ language_code: "fr" })).toEqual(emu.commands("fr"));
    await api.deleteMyCommands({ language_code: "fr" });
    expect(emu.commands("fr")).toEqual([]);
  });

  test("an invalid command name is refused", async () => {
    const error = await refusal(api.setMyCommands([{ command: "Start!", description: "x" }]));
    expect(error.description).toBe("Bad Request: BOT_COMMAND_INVALID");
  });
});

describe("getUpdates", () => {
  test("updates stay until confirmed by a higher offset, limit caps a batch", async () => {
    const user = emu.user({ id: CHAT });
    await user.sendText("one");
    await user.sendText("two");
    await user.sendText("three");
    const first = await api.getUpdates({ limit: 2 });
    expect(first.map((update) => update.message?.text)).toEqual(["one", "two"]);
    const again = await api.getUpdates({ limit: 2 });
    expect(again.map((update) => update.update_id)).toEqual(first.map((u) => u.update_id));
    const last = first.at(-1)?.update_id ?? 0;
    const rest = await api.getUpdates({ offset: last + 1 });
    expect(rest.map((update) => update.message?.text)).toEqual(["three"]);
    expect(rest[0]?.update_id).toBeGreaterThan(last);
  });

  test("a negative offset keeps only the newest updates", async () => {
    const user = emu.user({ id: CHAT });
    await user.sendText("old");
    await user.sendText("new");
    const updates = await api.getUpdates({ offset: -1 });
    expect(updates.map((update) => update.message?.text)).toEqual(["new"]);
    expect(emu.pendingUpdates).toBe(1);
  });

  test("a long poll returns as soon as the user writes", async () => {
    const poll = api.getUpdates({ timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await emu.user({ id: CHAT }).sendText("wake up");
    const updates = await poll;
    expect(updates.map((update) => update.message?.text)).toEqual(["wake up"]);
  });

  test("a second concurrent getUpdates gets 409 Conflict", async () => {
    const polls = [api.getUpdates({ timeout: 30 }), api.getUpdates({ timeout: 30 })];
    // Whichever arrives second is refused; the first keeps waiting and is served.
    const refused = await Promise.race(polls.map((poll) => refusal(poll)));
    expect([refused.error_code, refused.description]).toEqual([
      409,
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    ]);
    await emu.user({ id: CHAT }).sendText("still served");
    const outcomes = await Promise.allSettled(polls);
    const served = outcomes.flatMap((outcome) =>
      outcome.status === "fulfilled" ? outcome.value.map((update) => update.message?.text) : [],
    );
    expect(served).toEqual(["still served"]);
  });

  test("allowed_updates filters update types", async () => {
    const user = emu.user({ id: CHAT });
    await api.sendMessage(CHAT, "pick", {
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
    });
    await api.getUpdates({ allowed_updates: ["callback_query"] });
    await user.sendText("ignored");
    const message = user.lastBotMessage();
    if (message === undefined) throw new Error("no bot message");
    await user.pressButton(message, { data: "a" });
    const updates = await api.getUpdates();
    expect(updates.map((update) => Object.keys(update)[1])).toEqual(["callback_query"]);
  });
});

describe("user side and recording", () => {
  test("a user's command carries a bot_command entity and a private chat", async () => {
    const user = emu.user({ id: 7, first_name: "Zoé", language_code: "fr" });
    const update = await user.command("latest", "blockchain");
    expect(update.message).toMatchObject({
      text: "/latest blockchain",
      entities: [{ type: "bot_command", offset: 0, length: 7 }],
      chat: { id: 7, type: "private", first_name: "Zoé" },
      from: { id: 7, is_bot: false, language_code: "fr" },
    });
    expect(Number.isInteger(update.message?.date)).toBe(true);
  });

  test("non-text messages, edits and blocking produce the matching updates", async () => {
    const user = emu.user({ id: CHAT });
    const sticker = await user.sendNonText("sticker");
    expect(sticker.message?.sticker?.type).toBe("regular");
    const location = await user.sendNonText("location");
    expect(location.message?.location).toBeDefined();
    const photo = await user.sendNonText("photo");
    expect(photo.message?.photo?.length).toBeGreaterThan(0);
    await user.sendText("tpyo");
    const typo = user.messages().at(-1);
    if (typo === undefined) throw new Error("no user message");
    const edited = await user.editText(typo, "typo");
    expect(edited.edited_message).toMatchObject({ text: "typo", message_id: typo.message_id });
    const blocked = await user.blockBot();
    expect(blocked.my_chat_member).toMatchObject({
      old_chat_member: { status: "member" },
      new_chat_member: { status: "kicked" },
    });
    const error = await refusal(api.sendMessage(CHAT, "still there?"));
    expect([error.error_code, error.description]).toEqual([
      403,
      "Forbidden: bot was blocked by the user",
    ]);
    // Writing again restarts the bot, as the Telegram app's "Restart" does.
    await user.sendText("/start");
    await api.sendMessage(CHAT, "welcome back");
  });

  test("a user who blocked the bot can still tap old buttons without unblocking", async () => {
    const user = emu.user({ id: CHAT });
    await api.sendMessage(CHAT, "pick", {
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
    });
    const menu = user.lastBotMessage();
    if (menu === undefined) throw new Error("no bot message");
    await user.blockBot();
    const tap = await user.pressButton(menu, { data: "a" });
    await api.answerCallbackQuery(tap.callback_query?.id ?? "");
    const error = await refusal(api.sendMessage(CHAT, "thanks"));
    expect(error.error_code).toBe(403);
  });

  test("close() ends a pending long poll at once", async () => {
    const poll = api.getUpdates({ timeout: 30 }).then(
      (updates) => `answered ${updates.length}`,
      () => "connection closed",
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await emu.close();
    expect(["answered 0", "connection closed"]).toContain(await poll);
  });

  test("calls, stats and onChange record what happened", async () => {
    const events: string[] = [];
    const stop = emu.onChange((event) => events.push(`${event.kind}:${event.message.text}`));
    const sent = await api.sendMessage(CHAT, "a");
    await refusal(api.sendMessage(CHAT, ""));
    await api.editMessageText(CHAT, sent.message_id, "b");
    await emu.user({ id: CHAT }).sendText("c");
    stop();
    await api.sendMessage(CHAT, "unheard");
    expect(events).toEqual(["message:a", "edit:b", "message:c"]);
    expect(emu.callsOf("sendMessage").map((call) => call.status)).toEqual([200, 400, 200]);
    expect(emu.calls[1]).toMatchObject({
      method: "sendMessage",
      payload: { chat_id: CHAT, text: "" },
      status: 400,
      response: { ok: false, description: "Bad Request: message text is empty" },
    });
    expect(emu.stats).toMatchObject({ sent: 2, byStatus: { 200: 3, 400: 1 }, tooManyRequests: 0 });
    emu.resetCalls();
    expect(emu.calls).toEqual([]);
  });

  test("waitForBotMessage resolves on the next bot message and explains a timeout", async () => {
    const user = emu.user({ id: CHAT });
    const waiting = user.waitForBotMessage();
    await api.sendMessage(CHAT, "here");
    expect((await waiting).text).toBe("here");
    emu.faults.block(CHAT);
    await refusal(api.sendMessage(CHAT, "lost"));
    await expect(user.waitForBotMessage({ timeoutMs: 30 })).rejects.toThrow(
      /no bot message or edit in chat 42 within 30 ms.*"here".*sendMessage → 403 "Forbidden: bot was blocked by the user"/,
    );
  });
});
