import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_DEMO_READER } from "../../../dev/demo/demo-server.js";
import { MAX_BODY_BYTES } from "../../../dev/demo/json-body.js";
import { PAGE_STYLE_PATH } from "../../../dev/demo/page-assets.js";
import { SAMPLE_ARTICLES } from "../../../dev/demo/sample-articles.js";
import { type RunningDemo, SAMPLE_STORE_PATH, startDemo } from "../../../dev/demo/start-demo.js";
import type { EmulatedMessage } from "../../../dev/emulator/types.js";
import { parseArticleFile } from "../../../src/articles/schema.js";
import { ARTICLES_FILE_NAME } from "../../../src/data-layout.js";

let demo: RunningDemo;
const chatId = DEFAULT_DEMO_READER.id;
/** The channel's settings panel, sent to the reader when the demo added the bot at start. */
let channelPanel: EmulatedMessage;

beforeAll(async () => {
  demo = await startDemo({ port: 0, logLevel: "silent" });
  channelPanel = await vi.waitFor(
    () => {
      const [first] = demo.emulator.chatMessages(chatId);
      if (first === undefined) throw new Error("no channel panel yet");
      return first;
    },
    { timeout: 5_000 },
  );
});

afterAll(async () => {
  await demo?.stop();
});

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${demo.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json()) as { ok: boolean; error?: string };
  expect(body.ok).toBe(false);
  return body.error ?? "";
}

interface StreamEvent {
  event: string;
  data: unknown;
}

/** Follows /api/events, as the page does, until `enough` says the events so far suffice. */
async function readEvents(enough: (events: StreamEvent[]) => boolean): Promise<StreamEvent[]> {
  const controller = new AbortController();
  const response = await fetch(`${demo.url}/api/events`, { signal: controller.signal });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const events: StreamEvent[] = [];
  let buffered = "";
  try {
    while (reader && !enough(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const frames = buffered.split("\n\n");
      buffered = frames.pop() ?? "";
      for (const frame of frames) {
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event !== undefined && data !== undefined)
          events.push({ event, data: JSON.parse(data) });
      }
    }
  } finally {
    controller.abort();
  }
  return events;
}

async function readStore() {
  const path = join(demo.dataDir, ARTICLES_FILE_NAME);
  return parseArticleFile(await readFile(path, "utf8"), ARTICLES_FILE_NAME);
}

describe("the demo API refuses bad input", () => {
  let storeAtStart: string;
  let sendsAtStart: number;
  beforeAll(async () => {
    storeAtStart = await readFile(join(demo.dataDir, ARTICLES_FILE_NAME), "utf8");
    sendsAtStart = demo.emulator.callsOf("sendMessage").length;
  });

  const cases: [string, string, string, Record<string, string>, number, string][] = [
    ["send: not JSON", "/api/send", "{text:", {}, 400, "not valid JSON"],
    ["send: not an object", "/api/send", '["/start"]', {}, 400, "must be a JSON object"],
    ["send: text not a string", "/api/send", '{"text":42}', {}, 400, '"text" must be a string'],
    ["send: blank text", "/api/send", '{"text":"   "}', {}, 400, "must not be empty"],
    [
      "send: over Telegram's length",
      "/api/send",
      JSON.stringify({ text: "x".repeat(4097) }),
      {},
      400,
      "at most 4096",
    ],
    [
      "send: too big a body",
      "/api/send",
      JSON.stringify({ text: "x".repeat(MAX_BODY_BYTES) }),
      {},
      413,
      `over ${MAX_BODY_BYTES} bytes`,
    ],
    [
      "send: a form post",
      "/api/send",
      "text=%2Fstart",
      { "content-type": "application/x-www-form-urlencoded" },
      415,
      "content-type: application/json",
    ],
    [
      "send: from another site",
      "/api/send",
      '{"text":"/stop"}',
      { origin: "http://evil.example" },
      403,
      "must come from the demo page",
    ],
    ["press: no message id", "/api/press", '{"data":"topic:ai"}', {}, 400, '"messageId" must be'],
    ["press: empty data", "/api/press", '{"messageId":1,"data":""}', {}, 400, '"data" must be'],
    [
      "press: oversized data",
      "/api/press",
      JSON.stringify({ messageId: 1, data: "x".repeat(65) }),
      {},
      400,
      "64 bytes",
    ],
    [
      "press: unknown message",
      "/api/press",
      '{"messageId":999,"data":"topic:ai"}',
      {},
      400,
      "no bot message 999",
    ],
    ["language: unknown code", "/api/language", '{"code":"de"}', {}, 400, '"en" or "fr"'],
    ["publish: not an object", "/api/publish", "42", {}, 400, "must be a JSON object"],
  ];

  it.each(cases)("%s", async (_name, path, body, headers, status, message) => {
    const response = await post(path, body, headers);
    expect(response.status).toBe(status);
    expect(await errorOf(response)).toContain(message);
  });

  it("answers unknown paths with 404 and wrong methods with 405", async () => {
    const missing = await fetch(`${demo.url}/api/nope`);
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toContain("/api/nope");

    const wrongMethod = await fetch(`${demo.url}/api/send`, { method: "GET" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });

  it("loses nothing: after all that, the chat and the store are unchanged", async () => {
    expect(demo.emulator.chatMessages(chatId)).toEqual([channelPanel]);
    expect(demo.emulator.callsOf("sendMessage")).toHaveLength(sendsAtStart);
    expect(await readFile(join(demo.dataDir, ARTICLES_FILE_NAME), "utf8")).toBe(storeAtStart);
  });
});

describe("the demo API drives the real bot", () => {
  it("serves the page with a strict Content-Security-Policy", async () => {
    const response = await fetch(`${demo.url}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await response.text()).toContain(`<script nonce="${nonce}">`);
  });

  it("serves a self-contained page: chat.css and the bundled chat script inline, nothing to fetch", async () => {
    const html = await (await fetch(`${demo.url}/`)).text();
    const style = /<style nonce="[^"]+">([\s\S]*?)<\/style>/.exec(html)?.[1];
    expect(style).toBe(await readFile(PAGE_STYLE_PATH, "utf8"));
    const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    // The page's modules, bundled into one classic script: nothing left to import.
    expect(script).toContain('new EventSource("/api/events")');
    expect(script).toContain("Tap to reveal"); // from formatted-text.ts, two imports down
    expect(script).not.toMatch(/\brequire\(|^\s*import\b/m);
    expect(() => new Function(script)).not.toThrow();
    // Offline: the only address in the markup is the blank data: favicon.
    const markup = html.replace(script, "").replace(style ?? "", "");
    expect(markup.match(/\b(?:src|href)="[^"]*"/g)).toEqual(['href="data:,"']);
  });

  it("streams the chat state first on /api/events", async () => {
    const [first] = await readEvents((events) => events.length > 0);
    expect(first?.event).toBe("state");
    const state = first?.data as { bot: { firstName: string }; language: string };
    expect(state.bot.firstName).toBe("Briefbot");
    expect(state.language).toBe("en");
  });

  it("sends a message, taps a topic button and returns the bot's toast", async () => {
    const user = demo.emulator.user({ id: chatId });
    const greeting = user.waitForBotMessage({ edits: false });
    expect((await post("/api/send", '{"text":"/start"}')).status).toBe(200);
    const message = await greeting;
    expect(message.text).toContain("Hello Alex");

    const response = await post(
      "/api/press",
      JSON.stringify({ messageId: message.message_id, data: "topic:ai" }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      answer: { text: "Following AI.", showAlert: false },
    });
    // The toast is answered before the keyboard is edited: the edit may land a moment later.
    const labels = () =>
      demo.emulator
        .chatMessages(chatId)
        .find((candidate) => candidate.message_id === message.message_id)
        ?.reply_markup?.inline_keyboard.flat()
        .map((button) => button.text);
    await expect.poll(labels).toContain("✅ AI");

    const stale = await post(
      "/api/press",
      JSON.stringify({ messageId: message.message_id, data: "topic:unknown" }),
    );
    expect(stale.status).toBe(400);
    expect(await errorOf(stale)).toContain("no button");
  });

  it("switches the simulated reader's language and with it the command menu", async () => {
    const response = await post("/api/language", '{"code":"fr"}');
    const body = (await response.json()) as {
      language: string;
      commands: { command: string; description: string }[];
    };
    expect(body.language).toBe("fr");
    expect(body.commands.find((entry) => entry.command === "latest")?.description).toContain(
      "Les 5 derniers briefs",
    );
    await post("/api/language", '{"code":"en"}');
  });

  it("publishes a fresh copy of a sample that keeps the store valid and reaches the bot", async () => {
    const before = await readStore();
    const response = await post("/api/publish", "");
    expect(response.status).toBe(200);
    const { article } = (await response.json()) as {
      article: { id: string; title: string; topics: string[] };
    };
    const sample = SAMPLE_ARTICLES[0];
    expect(article.title).toBe(sample?.briefs.en?.title);
    expect(article.topics).toEqual(sample?.topics);

    const after = await readStore();
    expect(after.problems).toEqual([]);
    expect(after.articles).toHaveLength(before.articles.length + 1);
    const stored = after.articles.find((candidate) => candidate.id === article.id);
    expect(stored?.briefs).toEqual(sample?.briefs);
    expect(before.articles.some((candidate) => candidate.id === article.id)).toBe(false);

    // The running bot's file watcher picks it up: it is now the newest article.
    await vi.waitFor(() => expect(demo.app.deps.articles.list()[0]?.id).toBe(article.id), {
      timeout: 5_000,
    });
  });

  it("keeps both articles when two publishes race", async () => {
    const before = await readStore();
    const responses = await Promise.all([post("/api/publish", "{}"), post("/api/publish", "{}")]);
    const ids = await Promise.all(
      responses.map(
        async (response) => ((await response.json()) as { article: { id: string } }).article.id,
      ),
    );
    const after = await readStore();
    expect(after.problems).toEqual([]);
    expect(after.articles).toHaveLength(before.articles.length + 2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(after.articles.some((article) => article.id === id)).toBe(true);
  });
});

describe("the demo's channel, administered by the reader", () => {
  const channelPosts = (events: StreamEvent[]) =>
    events
      .filter((event) => event.event === "channel")
      .map((event) => (event.data as { message: { from: string; text?: string } }).message);

  it("starts with the bot an administrator there and its settings panel in the private chat", async () => {
    const state = (await (await fetch(`${demo.url}/api/state`)).json()) as {
      channel: { id: number; title: string; username: string; messages: unknown[] } | null;
    };
    expect(state.channel).toEqual({
      id: demo.channel.info.id,
      title: "Tech Finance Demo",
      username: "techfinance_demo",
      messages: [],
    });
    expect(channelPanel.text).toContain("I am now an administrator of Tech Finance Demo");
    expect(channelPanel.text).toContain("nothing is posted there until at least one is chosen");
  });

  it("streams a published brief to the channel once the reader chooses its topic in the panel", async () => {
    // The topic of the sample the demo publishes next (earlier tests published some).
    const stored = (await readStore()).articles.length;
    const baseline = JSON.parse(await readFile(SAMPLE_STORE_PATH, "utf8")) as {
      articles: unknown[];
    };
    const next = SAMPLE_ARTICLES[(stored - baseline.articles.length) % SAMPLE_ARTICLES.length];
    const topic = next?.topics[0] ?? "";
    const press = await post(
      "/api/press",
      JSON.stringify({
        messageId: channelPanel.message_id,
        data: `chan:${demo.channel.info.id}:t-${topic}`,
      }),
    );
    expect(press.status).toBe(200);

    // An earlier sample not yet pushed may come first: the bot posts what it has not yet seen.
    let title: string | undefined;
    const postsOf = (seen: StreamEvent[]) =>
      channelPosts(seen).filter((message) => title !== undefined && message.text?.includes(title));
    const events = readEvents((seen) => postsOf(seen).length > 0);
    const published = (await (await post("/api/publish", "{}")).json()) as {
      article: { title: string; topics: string[] };
    };
    expect(published.article.topics).toContain(topic);
    title = published.article.title;
    const [brief] = postsOf(await events);
    expect(brief?.from).toBe("bot");

    const state = (await (await fetch(`${demo.url}/api/state`)).json()) as {
      channel: { messages: { text?: string }[] };
    };
    const titled = state.channel.messages.filter((message) =>
      message.text?.startsWith(title ?? ""),
    );
    expect(titled).toHaveLength(1);
  });
});
