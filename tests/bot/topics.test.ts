import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonLabels, type ChatHarness, startChat } from "../helpers/chat.js";

describe("/topics, /subscribe, /unsubscribe", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat();
  });
  afterAll(() => chat.close());

  const followed = (id: number) =>
    Object.keys(chat.bot.app.deps.readers.get(id)?.topics ?? {}).sort();

  it("should toggle a topic with a tap, editing the same message in place", async () => {
    const reader = chat.reader("en");
    const menu = await reader.say("/topics");
    expect(menu.text).toBe("Your topics: tap to follow ✅ or leave ▫️.");
    const edited = await reader.tap(menu, "▫️ Blockchain");
    expect(edited.message_id).toBe(menu.message_id);
    expect(edited.edits).toBe(1);
    expect(buttonLabels(edited)).toContain("✅ Blockchain");
    expect(reader.lastToast()).toBe("Following Blockchain.");
    expect(followed(reader.id)).toEqual(["blockchain"]);

    const again = await reader.tap(edited, "✅ Blockchain");
    expect(buttonLabels(again)).toContain("▫️ Blockchain");
    expect(reader.lastToast()).toBe("Left Blockchain.");
    expect(followed(reader.id)).toEqual([]);
  });

  it("should take the /start buttons too", async () => {
    const reader = chat.reader("fr");
    const welcome = await reader.say("/start");
    const edited = await reader.tap(welcome, "▫️ IA");
    expect(buttonLabels(edited)).toContain("✅ IA");
    expect(reader.lastToast()).toBe("Vous suivez IA.");
  });

  it.each([
    [
      "fr",
      "/subscribe IA",
      "Vous suivez IA. Les nouveaux briefs sur ces thèmes vous arriveront.",
      ["ai"],
    ],
    [
      "fr",
      "/subscribe intelligence artificielle",
      "Vous suivez IA. Les nouveaux briefs sur ces thèmes vous arriveront.",
      ["ai"],
    ],
    ["en", "/subscribe AI", "Following AI. New briefs on them will come to you.", ["ai"]],
    [
      "en",
      "/subscribe Blockchain",
      "Following Blockchain. New briefs on them will come to you.",
      ["blockchain"],
    ],
    [
      "fr",
      "/subscribe centres de donnees, 5G",
      "Vous suivez Centres de données, 5G. Les nouveaux briefs sur ces thèmes vous arriveront.",
      ["5g", "datacenters"],
    ],
    [
      "en",
      "/subscribe internet of things regulation",
      "Following IoT, Regulation. New briefs on them will come to you.",
      ["iot", "regulation"],
    ],
  ])("(%s) %s", async (language, command, answer, topics) => {
    const reader = chat.reader(language);
    expect((await reader.say(command)).text).toBe(answer);
    expect(followed(reader.id)).toEqual(topics);
  });

  it("should change nothing when one word is unknown, and list the topics", async () => {
    const reader = chat.reader("en");
    await reader.say("/subscribe cloud");
    const reply = await reader.say("/subscribe ai quantum");
    expect(reply.text).toBe(
      'I don\'t know "quantum". Nothing changed.\nTopics: Fintech, Blockchain, Crypto, AI, Cloud, 5G, IoT, Data centres, Regulation',
    );
    expect(followed(reader.id)).toEqual(["cloud"]);
  });

  it("should explain usage without arguments, and say when nothing needs doing", async () => {
    const reader = chat.reader("fr");
    expect((await reader.say("/subscribe")).text).toContain(
      "Quels thèmes ? Par exemple : /subscribe blockchain, ia",
    );
    await reader.say("/subscribe crypto");
    expect((await reader.say("/subscribe Crypto")).text).toBe("Vous suivez déjà Crypto.");
    expect((await reader.say("/unsubscribe cloud")).text).toBe("Vous ne suivez pas Cloud.");
    expect((await reader.say("/unsubscribe")).text).toContain("Vous suivez : Crypto");
    expect((await reader.say("/unsubscribe crypto")).text).toBe("Vous ne suivez plus Crypto.");
    expect(followed(reader.id)).toEqual([]);
  });

  it("should keep a short, bounded answer for an argument as long as Telegram allows", async () => {
    const reader = chat.reader("en");
    const reply = await reader.say(`/subscribe ${"garbage ".repeat(510)}`);
    expect(reply.text.length).toBeLessThan(400);
    expect(reply.text).toContain('"garbage", "garbage"');
    expect(followed(reader.id)).toEqual([]);
  });

  it("should answer forged topic buttons with a stale notice and change nothing", async () => {
    const reader = chat.reader("en");
    const menu = await reader.say("/topics");
    await reader.user.sendCallback(menu, "topic:quantum");
    await reader.user.sendCallback(menu, "x".repeat(64));
    const next = await reader.say("/help");
    expect(next.text).toContain("Briefbot");
    expect(reader.lastToast()).toBe("This button has expired. Send the command again.");
    expect(followed(reader.id)).toEqual([]);
  });

  it("should answer a tap once even when the edit after it fails", async () => {
    const reader = chat.reader("en");
    const menu = await reader.say("/topics");
    const answersBefore = chat.emu.callsOf("answerCallbackQuery").length;
    chat.emu.faults.failNext("editMessageReplyMarkup", {
      status: 400,
      description: "Bad Request: message to edit not found",
    });
    await reader.user.pressButton(menu, { text: "▫️ Cloud" });
    // The chat's updates run in order: once /help is answered, the tap is fully handled.
    expect((await reader.say("/help")).text).toContain("Briefbot");

    const answers = chat.emu.callsOf("answerCallbackQuery").slice(answersBefore);
    expect(answers.map((call) => call.status)).toEqual([200]);
    expect(followed(reader.id)).toEqual(["cloud"]);
  });
});
