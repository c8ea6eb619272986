import { Bot, InlineKeyboard } from "grammy";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BotApiEmulator, createBotApiEmulator } from "../../../dev/emulator/index.js";

const TOKEN = "123456:LONG-POLLING";

let emu: BotApiEmulator;
const running: Bot[] = [];

beforeEach(async () => {
  emu = await createBotApiEmulator({ token: TOKEN, botUsername: "brief_test_bot" });
});

afterEach(async () => {
  for (const bot of running.splice(0)) if (bot.isRunning()) await bot.stop();
  await emu.close();
});

/** A small bot like ours: a menu, a button that edits the menu, and a few reactions. */
function createTestBot(): { bot: Bot; seen: string[] } {
  const bot = new Bot(TOKEN, { client: { apiRoot: emu.apiRoot } });
  const seen: string[] = [];
  bot.command("start", (ctx) =>
    ctx.reply("<b>Pick a topic</b>", {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text("Tech", "topic:tech").text("Food", "topic:food"),
    }),
  );
  bot.callbackQuery(/^topic:(.+)$/, async (ctx) => {
    await ctx.answerCallbackQuery({ text: "Saved" });
    await ctx.editMessageText(`You follow <i>${ctx.match[1]}</i>`, { parse_mode: "HTML" });
  });
  bot.on("message:sticker", (ctx) => ctx.reply("Nice sticker, but I only read text."));
  bot.on("my_chat_member", (ctx) => {
    seen.push(`member:${ctx.myChatMember.new_chat_member.status}`);
  });
  bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
  return { bot, seen };
}

async function startPolling(bot: Bot): Promise<void> {
  running.push(bot);
  await new Promise<void>((resolve, reject) => {
    bot.start({ onStart: () => resolve() }).catch(reject);
  });
}

describe("a grammY bot polling the emulator", () => {
  test("a user's /start reaches the bot and its reply reaches the user", async () => {
    const { bot } = createTestBot();
    await startPolling(bot);
    const user = emu.user({ id: 42, first_name: "Ann" });
    const reply = user.waitForBotMessage();
    await user.command("start");
    expect(await reply).toMatchObject({
      from: "bot",
      text: "Pick a topic",
      entities: [{ type: "bold", offset: 0, length: 12 }],
    });
    expect(user.messages().map((message) => `${message.from}:${message.text}`)).toEqual([
      "user:/start",
      "bot:Pick a topic",
    ]);
  });

  test("pressing a button is answered and edits the menu in place", async () => {
    const { bot } = createTestBot();
    await startPolling(bot);
    const user = emu.user({ id: 42 });
    const menuShown = user.waitForBotMessage();
    await user.command("start");
    const menu = await menuShown;
    const edited = user.waitForBotMessage();
    await user.pressButton(menu, { text: "Tech" });
    expect(await edited).toMatchObject({
      message_id: menu.message_id,
      text: "You follow tech",
      edits: 1,
    });
    expect(emu.callsOf("answerCallbackQuery")).toMatchObject([
      { status: 200, payload: { text: "Saved" } },
    ]);
    expect(user.messages()).toHaveLength(2);
  });

  test("stickers and blocking reach their handlers", async () => {
    const { bot, seen } = createTestBot();
    await startPolling(bot);
    const user = emu.user({ id: 42 });
    const reply = user.waitForBotMessage();
    await user.sendNonText("sticker");
    expect((await reply).text).toBe("Nice sticker, but I only read text.");
    await user.blockBot();
    const echo = user.waitForBotMessage();
    await user.sendText("back again");
    expect((await echo).text).toBe("echo: back again");
    expect(seen).toEqual(["member:kicked", "member:member"]);
  });

  test("a bot stopped and another started take over without a conflict", async () => {
    const first = createTestBot().bot;
    await startPolling(first);
    const user = emu.user({ id: 42 });
    let reply = user.waitForBotMessage();
    await user.sendText("one");
    expect((await reply).text).toBe("echo: one");
    await first.stop();

    const second = createTestBot().bot;
    await startPolling(second);
    reply = user.waitForBotMessage();
    await user.sendText("two");
    expect((await reply).text).toBe("echo: two");
    // Every update was handled once: the stop confirmed the first bot's offset.
    expect(emu.deliveredTo(42).map((message) => message.text)).toEqual(["echo: one", "echo: two"]);
    expect(emu.callsOf("getUpdates").every((call) => call.status === 200)).toBe(true);
  });
});
