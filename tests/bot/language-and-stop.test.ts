import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buttonLabels, type ChatHarness, startChat } from "../helpers/chat.js";

describe("/language", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat();
  });
  afterAll(() => chat.close());

  it("should offer buttons, switch with a tap, and speak the new language from then on", async () => {
    const reader = chat.reader("en");
    const question = await reader.say("/language");
    expect(question.text).toBe("Choose your language:");
    expect(buttonLabels(question)).toEqual(["🇬🇧 English", "🇫🇷 Français"]);
    const confirmed = await reader.tap(question, "🇫🇷 Français");
    expect(confirmed.message_id).toBe(question.message_id);
    expect(confirmed.text).toBe(
      "Langue : français. Les briefs arrivent en français quand ils existent.",
    );
    const latest = await reader.say("/latest");
    expect(latest.text.startsWith("Derniers briefs :")).toBe(true);
    expect(chat.bot.app.deps.readers.get(reader.id)?.locale).toBe("fr");
  });

  it("should switch by argument, accents and case optional, and set the chat's menu", async () => {
    const reader = chat.reader("fr");
    expect((await reader.say("/language English")).text).toBe(
      "Language set to English. Briefs come in English when available.",
    );
    const menu = chat.emu
      .callsOf("setMyCommands")
      .find(
        (call) => (call.payload.scope as { chat_id?: number } | undefined)?.chat_id === reader.id,
      );
    expect(menu?.status).toBe(200);
    expect((await reader.say("/language FRANÇAIS")).text).toContain("Langue : français");
  });

  it("should refuse an unknown language and keep the current one", async () => {
    const reader = chat.reader("fr");
    expect((await reader.say("/language klingon")).text).toBe(
      "Langue « klingon » inconnue. Choisissez : en ou fr.",
    );
    expect((await reader.say("/help")).text).toContain("Briefbot envoie");
  });

  it("should keep the choice across a restart", async () => {
    const reader = chat.reader("en");
    await reader.say("/language fr");
    await chat.restart();
    expect((await reader.say("/help")).text).toContain("Briefbot envoie");
  });
});

describe("/stop", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat();
  });
  afterAll(() => chat.close());

  it("should leave every topic and stop pushes, then /start resumes", async () => {
    const reader = chat.reader("en");
    await reader.say("/subscribe ai, cloud");
    expect((await reader.say("/stop")).text).toBe(
      "Done: you follow no topic and get no pushes. /start to come back.",
    );
    const state = chat.bot.app.deps.readers.get(reader.id);
    expect(state?.active).toBe(false);
    expect(state?.inactiveReason).toBe("stopped");
    expect(state?.topics).toEqual({});
    expect((await reader.say("/stop")).text).toBe("Pushes are already off. /start to come back.");

    const back = await reader.say("/start");
    expect(back.text).toContain("Welcome back: pushes are on again for your topics.");
    expect(chat.bot.app.deps.readers.get(reader.id)?.active).toBe(true);
  });

  it("should mark a reader who blocks the bot as inactive", async () => {
    const reader = chat.reader("fr");
    await reader.say("/subscribe crypto");
    await reader.user.blockBot();
    await vi.waitFor(() =>
      expect(chat.bot.app.deps.readers.get(reader.id)?.inactiveReason).toBe("blocked"),
    );
  });
});
