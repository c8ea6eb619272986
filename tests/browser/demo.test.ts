import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DEMO_READER } from "../../dev/demo/demo-server.js";
import { SAMPLE_ARTICLES } from "../../dev/demo/sample-articles.js";
import { type RunningDemo, SAMPLE_STORE_PATH, startDemo } from "../../dev/demo/start-demo.js";

const CHROMIUM_PATH = "/usr/bin/chromium";
const ARTIFACTS_DIR = resolve(import.meta.dirname, "../../test-artifacts");
// Long enough for a few runs of the demo's 3 s push schedule on a slow CI machine.
const PUSH_WAIT_MS = 20_000;
const UI_WAIT_MS = 10_000;

// Keeps Chromium quiet and offline: no sync, updates, QUIC or first-run calls home.
const CHROMIUM_ARGS = [
  ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
];

interface StoreArticle {
  id: string;
  url: string;
  briefs: { fr?: { title: string }; en?: { title: string } };
}

let demo: RunningDemo;
let context: BrowserContext;
let profileDir: string;
let page: Page;
const logs: string[] = [];

beforeAll(async () => {
  demo = await startDemo({ port: 0, logLevel: "warn", writeLog: (line) => logs.push(line) });
  profileDir = await mkdtemp(join(tmpdir(), "briefbot-chromium-"));
  // A persistent context is how Playwright takes a fresh --user-data-dir of our own.
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demo.url);
  await page.locator("body[data-ready='true']").waitFor({ timeout: UI_WAIT_MS });
  // The demo adds the bot to the reader's channel at start: its panel opens the chat.
  await botMessages().first().waitFor({ timeout: UI_WAIT_MS });
});

afterAll(async () => {
  await context?.close();
  await demo?.stop();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

/** The bot's bubbles in the private chat (the channel's posts are in their own view). */
function botMessages(): Locator {
  return page.getByTestId("messages").locator("[data-testid='message'][data-from='bot']");
}

async function send(text: string): Promise<void> {
  const input = page.getByTestId("input");
  await input.fill(text);
  await input.press("Enter");
}

/** The next bot bubble after the `count` already on screen. */
async function nextBotMessage(count: number, timeout = UI_WAIT_MS): Promise<Locator> {
  const message = botMessages().nth(count);
  await message.waitFor({ timeout });
  return message;
}

describe("the demo page in Chromium", () => {
  it("switches the simulated reader to French and shows the French command menu", async () => {
    await page.getByTestId("lang-fr").click();
    await expect.poll(() => page.getByTestId("lang-fr").getAttribute("aria-checked")).toBe("true");
    await page.getByTestId("menu-button").click();
    const latest = page.locator("[data-testid='command-item'][data-command='latest']");
    await expect.poll(() => latest.textContent()).toContain("Les 5 derniers briefs");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("command-menu").isHidden()).toBe(true);
  });

  it("answers /start with a greeting and the topic keyboard", async () => {
    // The channel panel came first, yet START stays until the reader writes, as in Telegram.
    expect(await page.getByTestId("start").isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS_DIR, "demo-start.png") });
    await send("/start");
    const userBubble = page
      .getByTestId("messages")
      .locator("[data-testid='message'][data-from='user']")
      .first();
    await userBubble.waitFor({ timeout: UI_WAIT_MS });
    expect(await userBubble.textContent()).toContain("/start");
    await expect.poll(() => page.getByTestId("start").isHidden()).toBe(true);

    const greeting = await nextBotMessage(1);
    expect(await greeting.getByTestId("message-text").textContent()).toContain("Bonjour Alex");
    expect(await greeting.getByTestId("keyboard-button").allTextContents()).toContain("▫️ Fintech");
  });

  it("edits the keyboard in place when a topic button is tapped", async () => {
    const greeting = botMessages().nth(1);
    const messageId = await greeting.getAttribute("data-message-id");
    await greeting.getByTestId("keyboard-button").filter({ hasText: "Fintech" }).click();

    await expect
      .poll(() => greeting.getByTestId("keyboard-button").first().textContent())
      .toBe("✅ Fintech");
    // Same bubble, marked edited, and no new message: Telegram edits in place.
    expect(await greeting.getAttribute("data-message-id")).toBe(messageId);
    expect(await greeting.getByTestId("edited").count()).toBe(1);
    expect(await botMessages().count()).toBe(2);
    // The callback answer shows as Telegram's toast.
    await expect.poll(() => page.getByTestId("toast").textContent()).toBe("Vous suivez Fintech.");
  });

  it("answers /latest with the reader's briefs, formatted, with working links", async () => {
    const store = JSON.parse(await readFile(SAMPLE_STORE_PATH, "utf8")) as {
      articles: StoreArticle[];
    };
    const tencent = store.articles.find((article) => article.id.startsWith("tencent"));
    expect(tencent?.briefs.fr).toBeDefined();

    await send("/latest");
    const reply = await nextBotMessage(2);
    const text = reply.getByTestId("message-text");
    expect(await text.textContent()).toContain("Derniers briefs sur vos thèmes");
    // The title is bold and the link opens the article in a new tab.
    const title = text.locator("strong", { hasText: tencent?.briefs.fr?.title ?? "" });
    expect(await title.count()).toBe(1);
    const link = text.locator(`a[href="${tencent?.url}"]`);
    expect(await link.textContent()).toBe("Lire l'article");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toContain("noopener");
    // Line breaks from the bot's text survive (pre-wrap keeps them as line breaks).
    expect(await text.evaluate((node) => node.textContent?.includes("\n"))).toBe(true);
  });

  it("publishes a sample article and the next push brings it into the chat", async () => {
    const sample = SAMPLE_ARTICLES[0];
    const frenchTitle = sample?.briefs.fr?.title ?? "";
    expect(sample?.topics).toContain("fintech");
    const before = await botMessages().count();

    await page.getByTestId("publish").click();
    await expect
      .poll(() => page.getByTestId("publish-status").textContent())
      .toContain(`Published: ${frenchTitle}`);

    try {
      const push = await nextBotMessage(before, PUSH_WAIT_MS);
      expect(await push.getByTestId("message-text").textContent()).toContain(frenchTitle);
    } finally {
      // Also on failure: the picture shows what the visitor would have seen.
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS_DIR, "demo.png") });
    }
  });

  it("shows the reader's channel, which gets a post once a topic is chosen in its panel", async () => {
    const channelTab = page.getByTestId("tab-channel");
    expect(await channelTab.textContent()).toContain("Tech Finance Demo (channel)");
    const panel = botMessages().first();
    expect(await panel.getByTestId("message-text").textContent()).toContain(
      "I am now an administrator of Tech Finance Demo",
    );
    const posts = page.getByTestId("channel-messages").getByTestId("message");

    await channelTab.click();
    await expect.poll(() => page.getByTestId("channel-view").isVisible()).toBe(true);
    expect(await page.getByTestId("channel-hint").textContent()).toContain("/channels");
    expect(await posts.count()).toBe(0);

    await page.getByTestId("tab-private").click();
    await panel.getByTestId("keyboard-button").filter({ hasText: "Crypto" }).click();
    await expect
      .poll(() => panel.getByTestId("keyboard-button").filter({ hasText: "Crypto" }).textContent())
      .toBe("✅ Crypto");

    // The second sample, the demo's next one, is about crypto; the channel posts in English.
    const sample = SAMPLE_ARTICLES[1];
    expect(sample?.topics).toContain("crypto");
    await page.getByTestId("publish").click();
    await expect
      .poll(() => page.getByTestId("publish-status").textContent())
      .toContain(`Published: ${sample?.briefs.fr?.title}`);
    await expect
      .poll(() => page.getByTestId("channel-unread").textContent(), { timeout: PUSH_WAIT_MS })
      .toBe("1");

    await channelTab.click();
    try {
      await posts.first().waitFor({ timeout: UI_WAIT_MS });
      expect(await posts.first().getByTestId("message-text").textContent()).toContain(
        sample?.briefs.en?.title,
      );
      expect(await page.getByTestId("channel-unread").isHidden()).toBe(true);
    } finally {
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS_DIR, "demo-channel.png") });
    }
    await page.getByTestId("tab-private").click();
  });

  it("fits a phone screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await page.getByTestId("input").boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
    await page.screenshot({ path: join(ARTIFACTS_DIR, "demo-phone.png") });
  });

  it("renders every entity kind from UTF-16 offsets, and bot text never as HTML", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const parts = [
      "👋 ",
      "bold",
      " ",
      "italic",
      " ",
      "site",
      " ",
      "trap",
      " <img src=x onerror=alert(1)> ",
      "hidden",
      " ",
      "x = 1",
      "\n",
      "quoted line",
    ];
    const offsets = parts.map((_, index) => parts.slice(0, index).join("").length);
    const at = (index: number) => ({
      offset: offsets[index] ?? 0,
      length: parts[index]?.length ?? 0,
    });
    const entities = [
      { type: "bold", ...at(1) },
      { type: "italic", ...at(3) },
      { type: "text_link", url: "https://example.org/brief", ...at(5) },
      { type: "text_link", url: "javascript:alert(1)", ...at(7) },
      { type: "spoiler", ...at(9) },
      { type: "code", ...at(11) },
      { type: "blockquote", ...at(13) },
    ];
    const before = await botMessages().count();
    const answer = await fetch(`${demo.emulator.apiRoot}/bot${demo.emulator.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: DEFAULT_DEMO_READER.id, text: parts.join(""), entities }),
    });
    expect(answer.status).toBe(200);

    const text = (await nextBotMessage(before)).getByTestId("message-text");
    expect(await text.locator("strong").textContent()).toBe("bold");
    expect(await text.locator("em").textContent()).toBe("italic");
    expect(await text.locator("a[href='https://example.org/brief']").textContent()).toBe("site");
    expect(await text.locator("a", { hasText: "trap" }).count()).toBe(0);
    expect(await text.locator(".spoiler").textContent()).toBe("hidden");
    expect(await text.locator("code").textContent()).toBe("x = 1");
    expect(await text.locator("blockquote").textContent()).toBe("quoted line");
    expect(await text.locator("img").count()).toBe(0);
    expect(await text.textContent()).toContain("<img src=x onerror=alert(1)>");
  });

  it("logs no error and never the bot token", () => {
    const output = logs.join("");
    expect(output).not.toContain("AAH-demo-token");
    expect(logs.filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
  });
});
