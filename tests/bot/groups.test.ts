import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedGroup } from "../../dev/emulator/types.js";
import type { Article } from "../../src/articles/schema.js";
import { type ChatHarness, startChat } from "../helpers/chat.js";
import { makeArticle } from "../push/push-harness.js";

/** A group as its members see it: admins set it up, everyone reads /latest. */
describe("the bot in a group", () => {
  let chat: ChatHarness;
  let group: EmulatedGroup;
  const OWNER = 70_001;
  const MEMBER = 70_002;
  const ANON_ADMIN = 70_003;

  beforeAll(async () => {
    chat = await startChat();
    chat.emu.user({ id: OWNER, first_name: "Camille", language_code: "fr" });
    chat.emu.user({ id: MEMBER, first_name: "Jonas", language_code: "en" });
    group = chat.emu.group({ title: "Fintech Lyon", type: "supergroup" });
  });
  afterAll(() => chat.close());

  const say = async (from: number | "anonymous", text: string) => {
    const next = group.waitForBotMessage();
    await group.sendText(from, text);
    return (await next).text;
  };

  it("should greet the group in the language of the person who added it", async () => {
    const welcome = group.waitForBotMessage();
    await group.addBot(OWNER);
    expect((await welcome).text).toContain("Les administrateurs du groupe choisissent");
    await expect
      .poll(() => chat.bot.app.deps.readers.get(group.id))
      .toMatchObject({
        chatType: "supergroup",
        locale: "fr",
        active: true,
        topics: {},
      });
  });

  it("should refuse a member's settings change and change nothing", async () => {
    await group.setMember(MEMBER, "member");
    expect(await say(MEMBER, "/subscribe ai")).toBe(
      "Seuls les administrateurs de ce groupe peuvent changer ses réglages.",
    );
    expect(await say(MEMBER, "/language@briefbot_test_bot en")).toContain(
      "Seuls les administrateurs",
    );
    expect(chat.bot.app.deps.readers.get(group.id)?.topics).toEqual({});
    expect(chat.bot.app.deps.readers.get(group.id)?.locale).toBe("fr");
  });

  it("should let the owner and an anonymous admin change the group's settings", async () => {
    expect(await say(OWNER, "/subscribe@briefbot_test_bot blockchain")).toContain(
      "Vous suivez Blockchain",
    );
    await group.setMember(ANON_ADMIN, "admin", { anonymous: true, by: OWNER });
    expect(await say("anonymous", "/language en")).toContain("English");
    expect(await say(OWNER, "/settings digest 8")).toContain("Daily digest at 08:00");
    expect(await say(MEMBER, "/settings instant")).toBe(
      "Only this group's administrators can change its settings.",
    );
    const reader = chat.bot.app.deps.readers.get(group.id);
    expect(Object.keys(reader?.topics ?? {})).toEqual(["blockchain"]);
    expect(reader?.locale).toBe("en");
    expect(reader?.delivery).toMatchObject({ mode: "digest", digestHour: 8 });
  });

  it("should keep the group's watch list for its admins, and refuse a member's", async () => {
    expect(await say(OWNER, "/watch nvidia")).toContain("nvidia");
    expect(await say(MEMBER, "/watch dogecoin")).toBe(
      "Only this group's administrators can change its settings.",
    );
    expect(Object.keys(chat.bot.app.deps.readers.get(group.id)?.watch ?? {})).toEqual(["nvidia"]);
  });

  it("should refuse a member's tap on the topic buttons", async () => {
    const panel = await (async () => {
      const next = group.waitForBotMessage();
      await group.sendText(OWNER, "/topics");
      return next;
    })();
    const data = panel.reply_markup?.inline_keyboard.flat().find((b) => b.text.includes("AI"));
    if (!data || !("callback_data" in data) || !data.callback_data) throw new Error("no AI button");
    await group.pressButton(MEMBER, panel, data.callback_data);
    await expect
      .poll(() => chat.emu.callsOf("answerCallbackQuery").at(-1)?.payload.text)
      .toBe("Only this group's administrators can change its settings.");
    expect(Object.keys(chat.bot.app.deps.readers.get(group.id)?.topics ?? {})).toEqual([
      "blockchain",
    ]);
  });

  it("should give groups their own command menu, in both languages", () => {
    const groupMenus = chat.emu
      .callsOf("setMyCommands")
      .filter((call) => JSON.stringify(call.payload.scope ?? "").includes("all_group_chats"));
    expect(groupMenus.map((call) => call.payload.language_code)).toEqual([undefined, "en", "fr"]);
    const french = groupMenus.at(-1)?.payload.commands as {
      command: string;
      description: string;
    }[];
    expect(french.map((command) => command.command)).toEqual([
      "latest",
      "topics",
      "subscribe",
      "unsubscribe",
      "watch",
      "unwatch",
      "mute",
      "unmute",
      "settings",
      "language",
    ]);
    expect(french[0]?.description).toBe("Les 5 derniers briefs (ex. /latest ia)");
  });

  it("should answer /latest for every member, and ignore commands for another bot", async () => {
    const before = group.deliveredTo().length;
    await group.sendText(MEMBER, "/latest@some_other_bot");
    const latest = await say(MEMBER, "/latest@briefbot_test_bot");
    expect(latest).toContain("Newest on your topics");
    expect(group.deliveredTo().length).toBe(before + 1);
  });

  it("should keep the group's settings when the bot is removed, and resume when it is back", async () => {
    await group.removeBot(OWNER);
    await expect.poll(() => chat.bot.app.deps.readers.get(group.id)?.active).toBe(false);
    expect(chat.bot.app.deps.readers.get(group.id)?.inactiveReason).toBe("removed");
    const welcome = group.waitForBotMessage();
    await group.addBot(OWNER);
    await welcome;
    const reader = chat.bot.app.deps.readers.get(group.id);
    expect(reader?.active).toBe(true);
    expect(Object.keys(reader?.topics ?? {})).toEqual(["blockchain"]);
  });
});

describe("a basic group that becomes a supergroup", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat();
  });
  afterAll(() => chat.close());

  it("should move the settings to the new id when Telegram announces the migration", async () => {
    const owner = 70_101;
    chat.emu.user({ id: owner, first_name: "Léa", language_code: "fr" });
    const group = chat.emu.group({ title: "Club IA" });
    const welcome = group.waitForBotMessage();
    await group.addBot(owner);
    await welcome;
    const oldId = group.id;
    const next = group.waitForBotMessage();
    await group.sendText(owner, "/subscribe ia");
    await next;
    const newId = await group.migrate();
    await expect.poll(() => chat.bot.app.deps.readers.get(newId)?.chatType).toBe("supergroup");
    const moved = chat.bot.app.deps.readers.get(newId);
    expect(Object.keys(moved?.topics ?? {})).toEqual(["ai"]);
    expect(moved?.locale).toBe("fr");
    expect(chat.bot.app.deps.readers.get(oldId)).toMatchObject({
      active: false,
      inactiveReason: "migrated",
      migratedTo: newId,
    });
  });
});

describe("a forum supergroup", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat({ env: { PUSH_CRON: "* * * * * *" } });
  });
  afterAll(() => chat.close());

  it("should route each topic subscribed inside a thread to that thread, and General's to General", async () => {
    const owner = 70_201;
    chat.emu.user({ id: owner, first_name: "Inès", language_code: "en" });
    const forum = chat.emu.group({ title: "Crypto & AI", forum: true });
    const welcome = forum.waitForBotMessage();
    await forum.addBot(owner, { admin: true });
    await welcome;
    const chain = forum.createThread("Blockchain");
    const ai = forum.createThread("AI");
    const inThread = async (threadId: number | undefined, text: string) => {
      const next = forum.waitForBotMessage();
      await forum.sendText(owner, text, threadId === undefined ? {} : { threadId });
      return next;
    };
    const chainReply = await inThread(chain, "/subscribe blockchain");
    expect(chainReply).toMatchObject({ message_thread_id: chain });
    expect(chainReply.text).toContain("will be posted in this thread");
    expect((await inThread(ai, "/subscribe ai")).message_thread_id).toBe(ai);
    expect((await inThread(undefined, "/subscribe cloud")).text).toContain("Following Cloud");
    expect(chat.bot.app.deps.readers.get(forum.id)?.threads).toEqual({ blockchain: chain, ai });

    const path = join(chat.bot.dataDir, "articles.json");
    const store = JSON.parse(await readFile(path, "utf8")) as { articles: Article[] };
    store.articles.push(
      makeArticle("forum-ledger", ["blockchain"]),
      makeArticle("forum-model", ["ai"]),
      makeArticle("forum-region", ["cloud"]),
    );
    chat.bot.clock.advance(60_000);
    await writeFile(path, JSON.stringify(store, null, 2));
    const briefs = (threadId: number | "general") =>
      forum
        .deliveredTo({ threadId })
        .filter((message) => message.text.includes("Example News"))
        .map((message) => message.text.split("\n")[0]);
    await expect.poll(() => briefs("general"), { timeout: 8000 }).toEqual(["Title forum-region"]);
    await expect.poll(() => briefs(chain), { timeout: 5000 }).toEqual(["Title forum-ledger"]);
    expect(briefs(ai)).toEqual(["Title forum-model"]);
  });
});
