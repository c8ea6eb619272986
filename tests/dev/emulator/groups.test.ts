import { Api } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BotApiEmulator, createBotApiEmulator } from "../../../dev/emulator/index.js";
import { refusal } from "./refusal.js";

const TOKEN = "123456:TEST-token";
const BOT_ID = 123456;
const OWNER = 501;
const MEMBER = 502;

let emu: BotApiEmulator;
let api: Api;

beforeEach(async () => {
  emu = await createBotApiEmulator({ token: TOKEN, botUsername: "brief_test_bot" });
  api = new Api(TOKEN, { apiRoot: emu.apiRoot });
  emu.user({ id: OWNER, first_name: "Camille", language_code: "fr" });
});

afterEach(async () => {
  await emu.close();
});

const updates = (): Promise<Update[]> =>
  api.getUpdates({ allowed_updates: ["message", "my_chat_member", "chat_member", "channel_post"] });

describe("groups", () => {
  test("adding the bot sends my_chat_member from the person who added it", async () => {
    const group = emu.group({ title: "Fintech Lyon" });
    await group.addBot(OWNER);
    const [update] = await updates();
    expect(update?.my_chat_member).toMatchObject({
      chat: { id: group.id, type: "group", title: "Fintech Lyon" },
      from: { id: OWNER, language_code: "fr" },
      old_chat_member: { status: "left" },
      new_chat_member: { status: "member", user: { id: BOT_ID } },
    });
  });

  test("getChatMember and getChatAdministrators tell owners, admins and members apart", async () => {
    const group = emu.group({ title: "Fintech Lyon", type: "supergroup" });
    await group.addBot(OWNER);
    await group.setMember(MEMBER, "member");
    await group.setMember(503, "admin", { anonymous: true });
    expect((await api.getChatMember(group.id, OWNER)).status).toBe("creator");
    expect((await api.getChatMember(group.id, MEMBER)).status).toBe("member");
    expect((await api.getChatMember(group.id, 999)).status).toBe("left");
    const admins = await api.getChatAdministrators(group.id);
    expect(admins.map((admin) => [admin.user.id, admin.status])).toEqual([
      [OWNER, "creator"],
      [503, "administrator"],
    ]);
  });

  test("an anonymous admin's message comes from GroupAnonymousBot with the group as sender_chat", async () => {
    const group = emu.group({ title: "Fintech Lyon", type: "supergroup" });
    await group.addBot(OWNER);
    await group.command("anonymous", "subscribe@brief_test_bot", "ai");
    const message = (await updates()).at(-1)?.message;
    expect(message?.from).toMatchObject({ id: 1087968824, username: "GroupAnonymousBot" });
    expect(message?.sender_chat).toMatchObject({ id: group.id, type: "supergroup" });
    expect(message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 25 }]);
  });

  test("a removed bot is refused with 403 and cannot read the member list", async () => {
    const group = emu.group({ title: "Fintech Lyon" });
    await group.addBot(OWNER);
    await api.sendMessage(group.id, "hello");
    await group.removeBot(OWNER);
    const error = await refusal(api.sendMessage(group.id, "again"));
    expect(error.error_code).toBe(403);
    expect(error.description).toBe("Forbidden: bot was kicked from the group chat");
    expect((await refusal(api.getChatMember(group.id, OWNER))).error_code).toBe(403);
    expect(group.deliveredTo().map((message) => message.text)).toEqual(["hello"]);
  });

  test("migration: notices in both chats, and the old id answers 400 with migrate_to_chat_id", async () => {
    const group = emu.group({ title: "Fintech Lyon" });
    await group.addBot(OWNER);
    const oldId = group.id;
    const newId = await group.migrate();
    expect(String(newId).startsWith("-100")).toBe(true);
    expect(group.id).toBe(newId);
    const messages = (await updates()).flatMap((update) => update.message ?? []);
    expect(
      messages.map((message) => [
        message.chat.id,
        message.migrate_to_chat_id,
        message.migrate_from_chat_id,
      ]),
    ).toEqual([
      [oldId, newId, undefined],
      [newId, undefined, oldId],
    ]);
    expect(messages.map((message) => message.from?.id)).toEqual([OWNER, OWNER]);
    const error = await refusal(api.sendMessage(oldId, "to the old id"));
    expect(error.error_code).toBe(400);
    expect(error.description).toBe("Bad Request: group chat was upgraded to a supergroup chat");
    expect(error.parameters.migrate_to_chat_id).toBe(newId);
    await api.sendMessage(newId, "to the new id");
    expect(emu.deliveredTo(newId).map((message) => message.text)).toEqual(["to the new id"]);
    expect((await api.getChatMember(newId, OWNER)).status).toBe("creator");
  });
});

describe("forum threads", () => {
  test("messages carry message_thread_id; closed and deleted threads are refused", async () => {
    const forum = emu.group({ title: "Crypto FR", forum: true });
    await forum.addBot(OWNER, { admin: true });
    const chain = forum.createThread("Blockchain");
    const ai = forum.createThread("IA");
    await forum.command(OWNER, "subscribe", "blockchain", { threadId: chain });
    const message = (await updates()).at(-1)?.message;
    expect(message).toMatchObject({ message_thread_id: chain, is_topic_message: true });
    expect(message?.chat).toMatchObject({ type: "supergroup", is_forum: true });

    await api.sendMessage(forum.id, "in the thread", { message_thread_id: chain });
    await api.sendMessage(forum.id, "in General");
    expect(forum.deliveredTo({ threadId: chain }).map((m) => m.text)).toEqual(["in the thread"]);
    expect(forum.deliveredTo({ threadId: "general" }).map((m) => m.text)).toEqual(["in General"]);

    forum.closeThread(chain);
    const closed = await refusal(api.sendMessage(forum.id, "x", { message_thread_id: chain }));
    expect(closed.description).toBe("Bad Request: TOPIC_CLOSED");
    forum.deleteThread(ai);
    const gone = await refusal(api.sendMessage(forum.id, "x", { message_thread_id: ai }));
    expect(gone.description).toBe("Bad Request: message thread not found");
    const unknown = await refusal(api.sendMessage(forum.id, "x", { message_thread_id: 9999 }));
    expect(unknown.description).toBe("Bad Request: message thread not found");
  });
});

describe("channels", () => {
  test("the bot posts only as an administrator allowed to post; @username works as chat_id", async () => {
    const channel = emu.channel({ title: "Chaîne Tech Finance", username: "techfinance_fr" });
    expect((await refusal(api.sendMessage(channel.id, "x"))).description).toBe(
      "Forbidden: bot is not a member of the channel chat",
    );
    await channel.addBot(OWNER);
    const [added] = await updates();
    expect(added?.my_chat_member?.new_chat_member).toMatchObject({
      status: "administrator",
      can_post_messages: true,
    });
    await api.sendMessage("@techfinance_fr", "first post", { disable_notification: true });
    expect(channel.deliveredTo()).toMatchObject([
      { text: "first post", disable_notification: true },
    ]);
    expect((await api.getChatMember("@techfinance_fr", OWNER)).status).toBe("creator");
    expect((await api.getChat("@techfinance_fr")).id).toBe(channel.id);

    await channel.setBotCanPost(false, OWNER);
    expect((await refusal(api.sendMessage(channel.id, "x"))).description).toBe(
      "Bad Request: need administrator rights in the channel chat",
    );
    await channel.removeBot(OWNER);
    expect((await refusal(api.sendMessage(channel.id, "x"))).error_code).toBe(403);
  });

  test("a channel's own post arrives as channel_post with sender_chat", async () => {
    const channel = emu.channel({ title: "Chaîne Tech Finance" });
    await channel.addBot(OWNER);
    await channel.post("Bonjour");
    const post = (await updates()).at(-1)?.channel_post;
    expect(post).toMatchObject({
      text: "Bonjour",
      sender_chat: { id: channel.id, type: "channel" },
    });
    expect(post?.from).toBeUndefined();
  });
});
