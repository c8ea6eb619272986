import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatHarness, startChat } from "../helpers/chat.js";

describe("anything else", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat();
  });
  afterAll(() => chat.close());

  it.each([
    ["en", "hello there", "I did not get that. Try /latest, /topics or /help."],
    ["fr", "bonjour", "Je n'ai pas compris. Essayez /latest, /topics ou /help."],
    ["en", "/frobnicate now", "Unknown command. Try /latest, /topics or /help."],
    ["fr", "/inconnue", "Commande inconnue. Essayez /latest, /topics ou /help."],
    ["en", "/stats", "Unknown command. Try /latest, /topics or /help."],
  ])("(%s) %s", async (language, text, answer) => {
    expect((await chat.reader(language).say(text)).text).toBe(answer);
  });

  it("should answer a 5,000-character message (two Telegram messages) with hints", async () => {
    const reader = chat.reader("en");
    const replies = await reader.sayAndCollect("x".repeat(4096), 1);
    const second = await reader.say("y".repeat(904));
    expect(replies[0]?.text).toBe("I did not get that. Try /latest, /topics or /help.");
    expect(second.text).toBe("I did not get that. Try /latest, /topics or /help.");
  });

  it.each(["sticker", "photo", "location"] as const)(
    "should answer a %s with a hint",
    async (kind) => {
      const reader = chat.reader("fr");
      const next = reader.user.waitForBotMessage();
      await reader.user.sendNonText(kind);
      expect((await next).text).toBe("Je ne lis que du texte. Essayez /latest ou /help.");
    },
  );

  it("should ignore edits of old messages", async () => {
    const reader = chat.reader("en");
    const hello = await reader.say("hello");
    const own = reader.user.messages().find((message) => message.from === "user");
    expect(own).toBeDefined();
    if (!own) return;
    await reader.user.editText(own, "/latest");
    const next = await reader.say("/help");
    // The edit got no answer: the next bot message is the /help reply.
    expect(next.text).toContain("/subscribe ai, cloud");
    expect(reader.user.messages().filter((message) => message.from === "bot")).toHaveLength(2);
    expect(hello.text).toContain("I did not get that");
  });

  it("should answer unknown buttons with a notice", async () => {
    const reader = chat.reader("en");
    const reply = await reader.say("/help");
    await reader.user.sendCallback(reply, "garbage-data");
    await reader.say("/help");
    expect(reader.lastToast()).toBe("This button has expired. Send the command again.");
  });
});
