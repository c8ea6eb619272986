import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatHarness, startChat } from "../helpers/chat.js";
import { freePort } from "../helpers/free-port.js";

describe("webhook mode", () => {
  let chat: ChatHarness;
  let base: string;
  const secret = "webhook_secret_for_tests";

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    chat = await startChat({
      env: {
        WEBHOOK_URL: `${base}/telegram/hook`,
        WEBHOOK_SECRET: secret,
        PORT: String(port),
        HOST: "127.0.0.1",
      },
    });
  });
  afterAll(() => chat.close());

  it("should register the webhook with its secret and answer readers through it", async () => {
    const registration = chat.emu.callsOf("setWebhook").at(-1);
    expect(registration?.payload).toMatchObject({
      url: `${base}/telegram/hook`,
      secret_token: secret,
    });
    expect((await chat.reader("fr").say("/start")).text).toContain("Bonjour");
  });

  it("should refuse posts without the secret header", async () => {
    const response = await fetch(`${base}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ update_id: 1, message: { text: "/start" } }),
    });
    expect(response.status).toBe(401);
  });

  it("should report health", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      articles: chat.bot.app.deps.articles.list().length,
    });
    expect(chat.bot.app.deps.articles.list().length).toBeGreaterThan(10);
  });
});
