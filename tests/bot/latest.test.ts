import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/schema.js";
import { buttonLabels, type ChatHarness, startChat, titlesOf } from "../helpers/chat.js";

const PAGE_ONE = [
  "Microsoft deal to restart a Three Mile Island reactor for its data centres",
  "EU Artificial Intelligence Act enters into force",
  "SEC approves the first spot bitcoin exchange-traded products",
  "ECB moves the digital euro project into its preparation phase",
  "Nvidia briefly tops $1 trillion in market value on AI chip demand",
];

describe("/latest", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat();
  });
  afterAll(() => chat.close());

  it("should list the 5 newest briefs, newest first, with source, date and link", async () => {
    const reply = await chat.reader("en").say("/latest");
    expect(reply.text.startsWith("Newest briefs:")).toBe(true);
    expect(titlesOf(reply)).toEqual(PAGE_ONE);
    expect(reply.text).toContain("Constellation Energy · 20 September 2024 · Read the article");
    expect(reply.entities).toContainEqual(
      expect.objectContaining({ type: "text_link", url: expect.stringMatching(/^https:\/\//) }),
    );
    expect(reply.link_preview_options?.is_disabled).toBe(true);
    expect(buttonLabels(reply)).toEqual(["Older briefs ▸"]);
  });

  it("should page back with the button until the oldest brief, then offer no more", async () => {
    const reader = chat.reader("en");
    const first = await reader.say("/latest");
    const secondPage = reader.user.waitForBotMessage({ edits: false });
    await reader.user.pressButton(first, { text: "Older briefs ▸" });
    const second = await secondPage;
    // The used button is removed from the first page, in place.
    expect(
      buttonLabels(reader.user.messages().find((m) => m.message_id === first.message_id)),
    ).toEqual([]);
    expect(titlesOf(second)[0]).toBe(
      "EU Council gives final approval to the MiCA crypto-assets regulation",
    );
    const thirdPage = reader.user.waitForBotMessage({ edits: false });
    await reader.user.pressButton(second, { text: "Older briefs ▸" });
    const third = await thirdPage;
    expect(titlesOf(third)).toEqual([
      "Le Salvador fait du bitcoin une monnaie légale",
      "AT&T to run its 5G core network on Microsoft’s Azure cloud",
      "Tencent to invest $70bn in fintech, blockchain and AI over five years",
    ]);
    expect(buttonLabels(third)).toEqual([]);
  });

  it("should serve French briefs with French dates, and mark an English-only one", async () => {
    const reply = await chat.reader("fr").say("/latest");
    expect(reply.text.startsWith("Derniers briefs :")).toBe(true);
    expect(reply.text).toContain("20 septembre 2024 · Lire l'article");
    expect(reply.text).toContain(
      "Nvidia briefly tops $1 trillion in market value on AI chip demand",
    );
    expect(reply.text).toContain("🇬🇧 Original en anglais");
  });

  it("should narrow to one topic by name or alias, and mark a French-only brief for English readers", async () => {
    const reply = await chat.reader("en").say("/latest cryptocurrencies");
    expect(reply.text.startsWith("Newest on Crypto:")).toBe(true);
    expect(titlesOf(reply)).toEqual([
      "SEC approves the first spot bitcoin exchange-traded products",
      "EU Council gives final approval to the MiCA crypto-assets regulation",
      "Ethereum completes the Merge and switches to proof of stake",
      "Le Salvador fait du bitcoin une monnaie légale",
    ]);
    expect(reply.text).toContain("🇫🇷 Original in French");
    expect(buttonLabels(reply)).toEqual([]);
  });

  it("should list from the reader's topics when they follow some", async () => {
    const reader = chat.reader("fr");
    await reader.say("/subscribe chaîne de blocs");
    const reply = await reader.say("/latest");
    expect(reply.text.startsWith("Derniers briefs sur vos thèmes :")).toBe(true);
    expect(titlesOf(reply)).toEqual([
      "Ethereum achève « The Merge » et passe à la preuve d’enjeu",
      "Tencent va investir 70 milliards de dollars dans la fintech, la blockchain et l’IA",
    ]);
  });

  it("should look for a word that is no topic in the briefs, and list the topics when none has it", async () => {
    const reply = await chat.reader("en").say("/latest quantum");
    expect(reply.text).toBe(
      "No brief mentions quantum yet.\nTopics: Fintech, Blockchain, Crypto, AI, Cloud, 5G, IoT, Data centres, Regulation",
    );
  });

  it.each([
    ["en", "/latest nvidia", "Newest briefs that mention nvidia:"],
    ["en", "/latest $NVDA", "Newest briefs that mention $NVDA:"],
  ])("(%s) %s should narrow to the briefs that mention it", async (language, command, header) => {
    const reply = await chat.reader(language).say(command);
    expect(reply.text.split("\n")[0]).toBe(header);
    expect(titlesOf(reply)).toEqual([PAGE_ONE[4]]);
  });

  it("should find a French phrase, accents or not, and leave a topic name to the topic", async () => {
    const reader = chat.reader("fr");
    for (const command of ["/latest « euro numérique »", '/latest "euro numerique"']) {
      const reply = await reader.say(command);
      expect(reply.text.split("\n")[0]).toBe('Derniers briefs qui citent "euro numerique" :');
      expect(titlesOf(reply)).toEqual(["La BCE lance la phase de préparation de l’euro numérique"]);
    }
    const topic = await reader.say("/latest ia");
    expect(topic.text.split("\n")[0]).toBe("Derniers briefs sur IA :");
  });

  it("should leave out what the reader muted, even on a topic they name", async () => {
    const reader = chat.reader("en");
    await reader.say("/mute bitcoin");
    const reply = await reader.say("/latest crypto");
    expect(titlesOf(reply)).toEqual([
      "EU Council gives final approval to the MiCA crypto-assets regulation",
      "Ethereum completes the Merge and switches to proof of stake",
    ]);
  });

  it("should refuse a forged page button without crashing", async () => {
    const reader = chat.reader("en");
    const first = await reader.say("/latest");
    await reader.user.sendCallback(first, "more:nonsense-topic:5");
    const next = await reader.say("/help");
    expect(next.text).toContain("/latest");
    expect(reader.lastToast()).toBe("This button has expired. Send the command again.");
  });

  it("should show an editor's correction at once, though briefs are rendered once and reused", async () => {
    const reader = chat.reader("en");
    expect(titlesOf(await reader.say("/latest"))[1]).toBe(PAGE_ONE[1]);

    const path = join(chat.bot.dataDir, "articles.json");
    const store = JSON.parse(await readFile(path, "utf8")) as { articles: Article[] };
    const act = store.articles.find((article) => article.briefs.en?.title === PAGE_ONE[1]);
    if (!act?.briefs.en) throw new Error("the sample store lost the AI Act item");
    act.briefs.en.title = "EU AI Act enters into force on 1 August 2024";
    await writeFile(path, JSON.stringify(store, null, 2));

    await expect
      .poll(async () => titlesOf(await reader.say("/latest"))[1], { timeout: 5000 })
      .toBe("EU AI Act enters into force on 1 August 2024");
  });
});
