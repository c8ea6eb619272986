import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { BotCommand } from "grammy/types";
import { ArticleFileError } from "../../src/articles/schema.js";
import { type Clock, systemClock } from "../../src/clock.js";
import { ARTICLES_FILE_NAME } from "../../src/data-layout.js";
import { isLocale, type Locale } from "../../src/locales.js";
import type { BotApiEmulator, EmulatedMessage, EmulatedUser } from "../emulator/index.js";
import { resolveCommandMenu } from "./command-menu.js";
import type { DemoChannelInfo } from "./demo-channel.js";
import { BadRequestError, readJsonObject } from "./json-body.js";
import type {
  CallbackAnswer,
  ChannelPayload,
  ChatChangePayload,
  LanguageResult,
  MenuPayload,
  PageMessage,
  PressResult,
  PublishResult,
  StatePayload,
} from "./page/api-types.js";
import { renderDemoPage } from "./page.js";
import { loadPageAssets } from "./page-assets.js";
import { publishSampleArticle } from "./publish-sample.js";
import { SAMPLE_ARTICLES, type SampleArticle } from "./sample-articles.js";

export interface DemoReader {
  /** Telegram user id, also the private chat's id. */
  id: number;
  firstName: string;
  /** The Telegram app's language, sent as language_code with each update. */
  languageCode: Locale;
}

export interface DemoServerOptions {
  emulator: BotApiEmulator;
  /** Folder of the demo's own articles.json (a copy: publishing writes to it). */
  dataDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Shown in the chat header. */
  bot: { firstName: string; username: string };
  /** How often the bot's push runs, shown after publishing. */
  pushIntervalSeconds: number;
  reader?: DemoReader;
  /** A channel the reader administers, shown as a second conversation. */
  channel?: DemoChannelInfo;
  clock?: Clock;
  samples?: readonly SampleArticle[];
}

export interface DemoServer {
  /** e.g. "http://127.0.0.1:3000" */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export const DEFAULT_DEMO_READER: DemoReader = {
  id: 700_001,
  firstName: "Alex",
  languageCode: "en",
};

// Telegram's limits on what a user can send.
const MAX_TEXT_LENGTH_UTF16 = 4096;
const MAX_CALLBACK_DATA_BYTES = 64;
/** Telegram's app waits this long for answerCallbackQuery before giving up on the toast. */
const CALLBACK_ANSWER_WAIT_MS = 5_000;
const CALLBACK_ANSWER_POLL_MS = 25;
/** Comment lines keep idle event streams open through proxies and sleeping laptops. */
const SSE_HEARTBEAT_MS = 15_000;

function toPageMessage(message: EmulatedMessage): PageMessage {
  const { html: _html, link_preview_options: _preview, ...view } = message;
  return view;
}

/**
 * The demo page and its JSON API, on node:http. One simulated reader chats with the bot
 * through the emulator's in-process user; the page follows the chat over Server-Sent
 * Events fed by the emulator's onChange.
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const { emulator } = options;
  // Bundled once per start: a broken page script stops the demo here, not in the browser.
  const pageAssets = await loadPageAssets();
  const clock = options.clock ?? systemClock;
  const samples = options.samples ?? SAMPLE_ARTICLES;
  const storePath = join(options.dataDir, ARTICLES_FILE_NAME);
  const reader: DemoReader = { ...(options.reader ?? DEFAULT_DEMO_READER) };
  let user = emulateReader();
  let nextSample = 0;
  // Publishing reads, appends and renames the store; one at a time so none is lost.
  let publishing: Promise<unknown> = Promise.resolve();
  const streams = new Set<ServerResponse>();
  let lastMenuJson = JSON.stringify(currentMenu());

  function emulateReader(): EmulatedUser {
    return emulator.user({
      id: reader.id,
      first_name: reader.firstName,
      language_code: reader.languageCode,
    });
  }

  function currentMenu(): BotCommand[] {
    return resolveCommandMenu(emulator.calls, reader.id, reader.languageCode);
  }

  function menuPayload(): MenuPayload {
    return { language: reader.languageCode, commands: currentMenu() };
  }

  function statePayload(): StatePayload {
    return {
      bot: options.bot,
      reader: { id: reader.id, firstName: reader.firstName },
      ...menuPayload(),
      pushIntervalSeconds: options.pushIntervalSeconds,
      messages: emulator.chatMessages(reader.id).map(toPageMessage),
      channel: channelPayload(),
    };
  }

  function channelPayload(): ChannelPayload | null {
    const { channel } = options;
    if (channel === undefined) return null;
    return { ...channel, messages: emulator.chatMessages(channel.id).map(toPageMessage) };
  }

  /** The SSE event for a change in this chat: the reader's private chat, the channel, or none. */
  function eventOf(chatId: number): "chat" | "channel" | undefined {
    if (chatId === reader.id) return "chat";
    if (chatId === options.channel?.id) return "channel";
    return undefined;
  }

  function broadcast(event: string, data: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const stream of streams) stream.write(frame);
  }

  function broadcastMenuIfChanged(): void {
    const menu = menuPayload();
    const json = JSON.stringify(menu);
    if (json === lastMenuJson) return;
    lastMenuJson = json;
    broadcast("menu", menu);
  }

  const unsubscribe = emulator.onChange((change) => {
    const event = eventOf(change.message.chatId);
    if (event === undefined) return;
    const payload: ChatChangePayload = {
      kind: change.kind,
      message: toPageMessage(change.message),
    };
    broadcast(event, payload);
    // /language sets a chat-scoped menu just before it replies.
    if (event === "chat" && change.message.from === "bot") broadcastMenuIfChanged();
  });

  const routes: Record<string, Partial<Record<string, Handler>>> = {
    "/": { GET: servePage },
    "/api/state": { GET: async () => statePayload() },
    "/api/events": { GET: openEventStream },
    "/api/send": { POST: send },
    "/api/press": { POST: press },
    "/api/language": { POST: setLanguage },
    "/api/publish": { POST: publish },
  };

  type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;

  async function servePage(_request: IncomingMessage, response: ServerResponse) {
    const nonce = randomBytes(16).toString("base64");
    const body = renderDemoPage({ nonce, assets: pageAssets });
    response.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // Bot text only ever reaches the DOM as text nodes; the CSP is a second fence.
      "content-security-policy": [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src 'nonce-${nonce}'`,
        "connect-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join("; "),
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    response.end(body);
    return undefined;
  }

  async function openEventStream(_request: IncomingMessage, response: ServerResponse) {
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    // The whole state first, on the same stream, so no change can slip between the two.
    response.write(`retry: 1000\nevent: state\ndata: ${JSON.stringify(statePayload())}\n\n`);
    streams.add(response);
    const heartbeat = setInterval(() => response.write(": keep-alive\n\n"), SSE_HEARTBEAT_MS);
    // The response's "close" is the one that fires when the browser goes away.
    response.on("close", () => {
      clearInterval(heartbeat);
      streams.delete(response);
    });
    return undefined;
  }

  async function send(request: IncomingMessage) {
    const body = await readJsonObject(request);
    const text = body.text;
    if (typeof text !== "string") throw new BadRequestError(400, '"text" must be a string');
    if (text.trim() === "") throw new BadRequestError(400, '"text" must not be empty');
    if (text.length > MAX_TEXT_LENGTH_UTF16) {
      throw new BadRequestError(
        400,
        `"text" is ${text.length} characters; Telegram allows at most ${MAX_TEXT_LENGTH_UTF16}`,
      );
    }
    await user.sendText(text);
    return { ok: true };
  }

  async function press(request: IncomingMessage): Promise<PressResult> {
    const body = await readJsonObject(request);
    const { messageId, data } = body;
    if (typeof messageId !== "number" || !Number.isSafeInteger(messageId) || messageId <= 0) {
      throw new BadRequestError(400, '"messageId" must be a positive integer');
    }
    if (typeof data !== "string" || data === "") {
      throw new BadRequestError(400, '"data" must be a non-empty string (the callback_data)');
    }
    if (Buffer.byteLength(data) > MAX_CALLBACK_DATA_BYTES) {
      throw new BadRequestError(
        400,
        `"data" is over Telegram's ${MAX_CALLBACK_DATA_BYTES} bytes of callback_data`,
      );
    }
    const message = emulator.chatMessages(reader.id).find((m) => m.message_id === messageId);
    if (message === undefined || message.from !== "bot") {
      throw new BadRequestError(400, `there is no bot message ${messageId} in the chat`);
    }
    const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
    if (!buttons.some((button) => "callback_data" in button && button.callback_data === data)) {
      throw new BadRequestError(
        400,
        `message ${messageId} has no button with callback_data ${JSON.stringify(data)} (it may have been edited)`,
      );
    }
    const update = await user.pressButton(message, { data });
    const queryId = update.callback_query?.id;
    return { ok: true, answer: queryId ? await waitForCallbackAnswer(queryId) : null };
  }

  /** The bot's answerCallbackQuery for this tap: the toast Telegram shows, or null. */
  async function waitForCallbackAnswer(queryId: string): Promise<CallbackAnswer | null> {
    const deadline = Date.now() + CALLBACK_ANSWER_WAIT_MS;
    while (Date.now() < deadline) {
      const answered = emulator
        .callsOf("answerCallbackQuery")
        .find((call) => call.status === 200 && String(call.payload.callback_query_id) === queryId);
      if (answered !== undefined) {
        const { text, show_alert } = answered.payload;
        return typeof text === "string" && text !== ""
          ? { text, showAlert: show_alert === true || show_alert === "true" }
          : null;
      }
      await new Promise((resolve) => setTimeout(resolve, CALLBACK_ANSWER_POLL_MS));
    }
    return null;
  }

  async function setLanguage(request: IncomingMessage): Promise<LanguageResult> {
    const body = await readJsonObject(request);
    if (!isLocale(body.code)) {
      throw new BadRequestError(400, '"code" must be "en" or "fr"');
    }
    reader.languageCode = body.code;
    user = emulateReader();
    broadcastMenuIfChanged();
    return { ok: true, ...menuPayload() };
  }

  async function publish(request: IncomingMessage): Promise<PublishResult> {
    await readJsonObject(request);
    const run = publishing.then(async () => {
      const sample = samples[nextSample % samples.length];
      if (sample === undefined) throw new BadRequestError(409, "there is no sample to publish");
      const published = await publishSampleArticle({ storePath, sample, now: clock.now() });
      nextSample += 1;
      return published;
    });
    publishing = run.catch(() => undefined);
    const article = await run;
    const brief = article.briefs[reader.languageCode] ?? article.briefs.en ?? article.briefs.fr;
    return {
      ok: true,
      article: { id: article.id, title: brief?.title ?? article.id, topics: article.topics },
      pushIntervalSeconds: options.pushIntervalSeconds,
    };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://demo.invalid");
    const route = routes[url.pathname];
    if (route === undefined) {
      sendJson(response, 404, { ok: false, error: `no such page: ${url.pathname}` });
      return;
    }
    const handler = route[request.method ?? "GET"];
    if (handler === undefined) {
      response.setHeader("allow", Object.keys(route).join(", "));
      sendJson(response, 405, {
        ok: false,
        error: `${request.method} is not allowed on ${url.pathname}; use ${Object.keys(route).join(" or ")}`,
      });
      return;
    }
    if (request.method === "POST" && !isSameOrigin(request)) {
      sendJson(response, 403, { ok: false, error: "requests must come from the demo page" });
      return;
    }
    try {
      const result = await handler(request, response);
      if (result !== undefined) sendJson(response, 200, result);
    } catch (error) {
      if (error instanceof BadRequestError || error instanceof ArticleFileError) {
        const status = error instanceof BadRequestError ? error.status : 500;
        if (status === 413) response.setHeader("connection", "close");
        sendJson(response, status, { ok: false, error: error.message });
        return;
      }
      // The emulator refuses impossible user actions with a plain Error that says why.
      sendJson(response, 500, { ok: false, error: (error as Error).message ?? String(error) });
    }
  }

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost =
    address.family === "IPv6"
      ? `[${address.address === "::" ? "::1" : address.address}]`
      : address.address === "0.0.0.0"
        ? "127.0.0.1"
        : address.address;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        unsubscribe();
        for (const stream of streams) stream.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Browsers send Origin on cross-site POSTs; the page's own requests match the Host. */
function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const json = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
    "cache-control": "no-store",
  });
  response.end(json);
}
