import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, Bot, GrammyError, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BotApiEmulator, createBotApiEmulator } from "../../../dev/emulator/index.js";

const TOKEN = "123456:WEBHOOK";
const SECRET = "s3cret_token-1";

interface Received {
  headers: IncomingHttpHeaders;
  update: Update;
}

let emu: BotApiEmulator;
let api: Api;
let server: Server | undefined;

beforeEach(async () => {
  emu = await createBotApiEmulator({ token: TOKEN, webhookRetryDelaysMs: [5, 5] });
  api = new Api(TOKEN, { apiRoot: emu.apiRoot });
});

afterEach(async () => {
  await emu.close();
  await new Promise((resolve) =>
    server === undefined ? resolve(undefined) : server.close(resolve),
  );
  server = undefined;
});

/** A webhook endpoint that answers with the next status in `statuses` (then 200). */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        headers: request.headers,
        update: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update,
      });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  async function receivedCount(count: number): Promise<Received[]> {
    while (received.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return received;
  }
  return { url, received, receivedCount };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("webhook delivery", () => {
  test("updates are POSTed as JSON with the secret token header", async () => {
    const receiver = await startReceiver();
    await api.setWebhook(receiver.url, { secret_token: SECRET });
    await emu.user({ id: 42 }).sendText("hello hook");
    const [first] = await receiver.receivedCount(1);
    expect(first?.headers["x-telegram-bot-api-secret-token"]).toBe(SECRET);
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(first?.update.message?.text).toBe("hello hook");
    expect(await api.getWebhookInfo()).toMatchObject({
      url: receiver.url,
      pending_update_count: 0,
    });
  });

  test("getUpdates is refused while a webhook is set", async () => {
    const receiver = await startReceiver();
    await api.setWebhook(receiver.url);
    const error = await api.getUpdates().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(409);
  });

  test("a non-2xx answer is retried and reported in getWebhookInfo", async () => {
    const receiver = await startReceiver([500]);
    await api.setWebhook(receiver.url);
    await emu.user({ id: 42 }).sendText("retry me");
    const deliveries = await receiver.receivedCount(2);
    expect(deliveries.map((delivery) => delivery.update.update_id)).toEqual([
      deliveries[0]?.update.update_id,
      deliveries[0]?.update.update_id,
    ]);
    const info = await api.getWebhookInfo();
    expect(info.last_error_message).toBe(
      "Wrong response from the webhook: 500 Internal Server Error",
    );
  });

  test("after the retries run out the update is dropped", async () => {
    const receiver = await startReceiver([500, 500, 500]);
    await api.setWebhook(receiver.url);
    await emu.user({ id: 42 }).sendText("lost");
    await receiver.receivedCount(3);
    await until(() => emu.pendingUpdates === 0);
    expect(receiver.received).toHaveLength(3);
  });

  test("deleteWebhook hands undelivered updates back to getUpdates", async () => {
    // Long retry pauses keep the refused updates waiting for their next attempt.
    const patient = await createBotApiEmulator({ token: TOKEN, webhookRetryDelaysMs: [60_000] });
    try {
      const patientApi = new Api(TOKEN, { apiRoot: patient.apiRoot });
      const receiver = await startReceiver([500, 500]);
      await patientApi.setWebhook(receiver.url);
      await patient.user({ id: 42 }).sendText("one");
      await patient.user({ id: 43 }).sendText("two");
      await receiver.receivedCount(2);
      await patientApi.deleteWebhook();
      await until(() => patient.pendingUpdates === 2);
      const updates = await patientApi.getUpdates();
      expect(updates.map((update) => update.message?.text)).toEqual(["one", "two"]);
    } finally {
      await patient.close();
    }
  });

  test("a method call in the webhook's answer is run, as Telegram does", async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ method: "sendMessage", chat_id: 42, text: "inline reply" }));
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    await api.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const user = emu.user({ id: 42 });
    const reply = user.waitForBotMessage();
    await user.sendText("hi");
    expect((await reply).text).toBe("inline reply");
    expect(emu.callsOf("sendMessage")).toMatchObject([{ status: 200 }]);
  });

  test("a grammY webhook bot answers through the emulator", async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: emu.apiRoot } });
    bot.on("message:text", (ctx) => ctx.reply(`hook echo: ${ctx.message.text}`));
    await bot.init();
    server = createServer(webhookCallback(bot, "http", { secretToken: SECRET }));
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await api.setWebhook(url, { secret_token: SECRET });
    const user = emu.user({ id: 42 });
    const reply = user.waitForBotMessage();
    await user.sendText("ping");
    expect((await reply).text).toBe("hook echo: ping");
  });
});
