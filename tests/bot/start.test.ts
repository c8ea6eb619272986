import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonLabels, type ChatHarness, startChat } from "../helpers/chat.js";

describe("/start and /help", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat();
  });
  afterAll(() => chat.close());

  it("should greet in French when Telegram says fr, and offer every topic", async () => {
    const reply = await chat.reader("fr-CA").say("/start");
    expect(reply.text).toMatch(/^Bonjour Reader\d+ ! 👋/);
    expect(reply.text).toContain("J'envoie des briefs courts");
    expect(reply.text).toContain("/latest");
    expect(buttonLabels(reply)).toEqual([
      "▫️ Fintech",
      "▫️ Blockchain",
      "▫️ Crypto",
      "▫️ IA",
      "▫️ Cloud",
      "▫️ 5G",
      "▫️ IoT",
      "▫️ Centres de données",
      "▫️ Régulation",
    ]);
  });

  it("should greet in English for any other language", async () => {
    const reply = await chat.reader("de").say("/start");
    expect(reply.text).toMatch(/^Hello Reader\d+! 👋/);
    expect(reply.text).toContain("I send short briefs of tech-finance news");
    expect(buttonLabels(reply)).toContain("▫️ Data centres");
  });

  it("should register the command menu in both languages", () => {
    const english = chat.emu.commands("");
    const french = chat.emu.commands("fr");
    expect(english.map((command) => command.command)).toEqual(
      french.map((command) => command.command),
    );
    expect(english.find((command) => command.command === "latest")?.description).toBe(
      "The 5 newest briefs (e.g. /latest ai)",
    );
    expect(french.find((command) => command.command === "stop")?.description).toBe(
      "Arrêter tous les envois",
    );
  });

  it("should explain the commands in /help, in the reader's language, with bold markup", async () => {
    const en = await chat.reader("en").say("/help");
    expect(en.text).toContain("/subscribe ai, cloud");
    expect(en.entities).toContainEqual(expect.objectContaining({ type: "bold", offset: 0 }));
    const fr = await chat.reader("fr").say("/help");
    expect(fr.text).toContain("Thèmes : Fintech, Blockchain, Crypto, IA");
  });

  it("should greet a second time without error, and remember the reader", async () => {
    const reader = chat.reader("en");
    await reader.say("/start");
    const again = await reader.say("/start");
    expect(again.text).toContain("Hello");
    expect(chat.bot.app.deps.readers.get(reader.id)?.active).toBe(true);
  });
});
