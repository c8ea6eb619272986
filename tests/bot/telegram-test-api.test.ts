import TelegramServer from "telegram-test-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_TOKEN, type TestApp } from "../helpers/test-app.js";

// Conversation flows against the community emulator (npm telegram-test-api),
// a second opinion next to our own stricter emulator.
describe("conversation flows on telegram-test-api", () => {
  let server: TelegramServer;
  let bot: TestApp;

  beforeAll(async () => {
    server = new TelegramServer({ port: 0, host: "127.0.0.1", storeTimeout: 60 });
    await server.start();
    bot = await startTestApp({ apiRoot: server.config.apiURL });
  });

  afterAll(async () => {
    await bot?.stop();
    await server?.stop();
  });

  it("should greet in French and list the newest briefs", async () => {
    const client = server.getClient(TEST_TOKEN, { userId: 501, chatId: 501, firstName: "Léa" });
    await client.sendCommand(
      client.makeCommand("/start", { from: { language_code: "fr" } as never }),
    );
    const updates = await client.getUpdates();
    expect(updates.result.length).toBeGreaterThan(0);
  });
});
