import TelegramServerModule from "telegram-test-api";
import type { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_TOKEN, type TestApp } from "../helpers/test-app.js";

// Conversation flows against the community emulator (npm telegram-test-api), a
// second, independent Bot API implementation next to our own stricter one.
describe("conversation flows on telegram-test-api", () => {
  let server: TelegramServer;
  let bot: TestApp;

  beforeAll(async () => {
    // The package sets module.exports to the class; its types describe an ES default export.
    const TelegramServerClass = TelegramServerModule as unknown as typeof TelegramServer;
    server = new TelegramServerClass({ port: 0, host: "127.0.0.1", storeTimeout: 60 });
    await server.start();
    bot = await startTestApp({ apiRoot: server.config.apiURL });
  });

  afterAll(async () => {
    await bot?.stop();
    await server?.stop();
  });

  function chat(id: number, firstName: string, languageCode: string) {
    const client = server.getClient(TEST_TOKEN, {
      userId: id,
      chatId: id,
      firstName,
      timeout: 5000,
    });
    const from = { id, is_bot: false, first_name: firstName, language_code: languageCode };
    return {
      async command(text: string) {
        await client.sendCommand(client.makeCommand(text, { from }));
        const updates = await client.getUpdates();
        return updates.result.map((update) => update.message);
      },
      async tap(data: string) {
        await client.sendCallback(client.makeCallbackQuery(data, { from }));
      },
    };
  }

  it("should greet a French reader in French with topic buttons", async () => {
    const [reply] = await chat(501, "Léa", "fr-FR").command("/start");
    expect(reply?.text).toContain("Bonjour Léa ! 👋");
    const markup = reply?.reply_markup as { inline_keyboard: { text: string }[][] } | undefined;
    const buttons = markup?.inline_keyboard.flat() ?? [];
    expect(buttons.map((button) => button.text)).toContain("▫️ Centres de données");
  });

  it("should serve /latest in English, newest first, with links", async () => {
    const [reply] = await chat(502, "Sam", "en").command("/latest");
    expect(reply?.text).toContain("Newest briefs:");
    const text = reply?.text ?? "";
    // The sample store's newest item comes before the 2020 seed story, which is too old for page one.
    expect(text).toContain("Read the article");
    expect(text).not.toContain("Tencent");
  });

  it("should subscribe by localized alias and narrow /latest to those topics", async () => {
    const reader = chat(503, "Chloé", "fr");
    const [done] = await reader.command("/subscribe intelligence artificielle, centres de données");
    expect(done?.text).toBe(
      "Vous suivez IA, Centres de données. Les nouveaux briefs sur ces thèmes vous arriveront.",
    );
    const [latest] = await reader.command("/latest");
    expect(latest?.text).toContain("Derniers briefs sur vos thèmes :");
  });

  it("should follow a topic from a button tap", async () => {
    const reader = chat(504, "Max", "en");
    await reader.command("/topics");
    await reader.tap("topic:crypto");
    const [reply] = await reader.command("/unsubscribe crypto");
    expect(reply?.text).toBe("Left Crypto.");
  });
});
