import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/schema.js";
import {
  createPushHarness,
  deliveredTexts,
  makeArticle,
  type PushHarness,
} from "./push-harness.js";

let harness: PushHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const baseline = [makeArticle("old-ai", ["ai"]), makeArticle("old-cloud", ["cloud"])];

describe("push runs", () => {
  it("should push each new item once to each matching subscriber, oldest first, never the baseline", async () => {
    harness = await createPushHarness({ articles: baseline });
    const h = harness;
    await h.addReader(101, ["ai", "cloud"]);
    await h.addReader(102, ["crypto"]);
    await h.addReader(103, ["regulation"]);
    h.clock.advance(60_000);
    await h.saveArticles([
      ...baseline,
      makeArticle("new-both", ["ai", "cloud"], { publishedAt: "2026-11-28T08:00:00Z" }),
      makeArticle("new-crypto", ["crypto"], { publishedAt: "2026-11-28T08:30:00Z" }),
      makeArticle("new-ai", ["ai"], { publishedAt: "2026-11-28T08:45:00Z" }),
    ]);

    const report = await h.run();

    expect(deliveredTexts(h.emu, 101).map((text) => text.split("\n")[0])).toEqual([
      "Title new-both",
      "Title new-ai",
    ]);
    expect(deliveredTexts(h.emu, 102).map((text) => text.split("\n")[0])).toEqual([
      "Title new-crypto",
    ]);
    expect(h.emu.deliveredTo(103)).toEqual([]);
    expect(report).toMatchObject({ sent: 3, failed: 0 });

    // A second run has nothing left to send.
    expect(await h.run()).toMatchObject({ sent: 0 });
    expect(h.emu.deliveredTo(101)).toHaveLength(2);
  });

  it("should send the same brief format as /latest, in the reader's language, marking the other one", async () => {
    harness = await createPushHarness();
    const h = harness;
    await h.addReader(201, ["ai"], { locale: "fr", delivery: { linkPreviews: true } });
    await h.addReader(202, ["ai"], { locale: "en" });
    h.clock.advance(60_000);
    await h.saveArticles([
      makeArticle("french-only", ["ai"], {
        briefs: { fr: { title: "Un titre", summary: "Un résumé en français." } },
      }),
    ]);

    await h.run();

    const [french] = h.emu.deliveredTo(201);
    const [english] = h.emu.deliveredTo(202);
    expect(french?.text).toContain("Un titre");
    expect(french?.text).toContain("Lire l'article");
    expect(french?.text).not.toContain("Original");
    expect(french?.link_preview_options?.is_disabled).toBe(false);
    expect(english?.text).toContain("Un titre");
    expect(english?.text).toContain("🇫🇷 Original in French");
    expect(english?.html).toContain(
      '<a href="https://news.example/french-only">Read the article</a>',
    );
    expect(english?.link_preview_options?.is_disabled).toBe(true);
  });

  it("should not push an item that was there before the reader subscribed", async () => {
    harness = await createPushHarness();
    const h = harness;
    await h.saveArticles([makeArticle("before", ["ai"])]);
    h.clock.advance(60_000);
    await h.addReader(301, ["ai"]);
    h.clock.advance(60_000);
    await h.saveArticles([makeArticle("before", ["ai"]), makeArticle("after", ["ai"])]);

    await h.run();

    expect(deliveredTexts(h.emu, 301).map((text) => text.split("\n")[0])).toEqual(["Title after"]);
  });

  it("should send nothing again after a restart, a re-save, an edit or a removal and re-add", async () => {
    harness = await createPushHarness({ articles: baseline });
    const h = harness;
    await h.addReader(401, ["ai"]);
    h.clock.advance(60_000);
    const fresh = makeArticle("fresh", ["ai"]);
    await h.saveArticles([...baseline, fresh]);
    await h.run();
    expect(h.emu.deliveredTo(401)).toHaveLength(1);

    await h.restart();
    await h.run();
    await h.saveArticles([...baseline, fresh]);
    await h.run();
    const edited: Article = {
      ...fresh,
      briefs: { en: { title: "Fixed title", summary: "Fixed." } },
    };
    await h.saveArticles([...baseline, edited]);
    await h.run();
    await h.saveArticles(baseline);
    await h.run();
    await h.restart();
    await h.saveArticles([...baseline, edited]);
    await h.run();
    expect(h.emu.deliveredTo(401)).toHaveLength(1);

    // Positive control: after all that, a genuinely new item still goes out.
    await h.saveArticles([...baseline, edited, makeArticle("later", ["ai"])]);
    await h.run();
    expect(deliveredTexts(h.emu, 401).map((text) => text.split("\n")[0])).toEqual([
      "Title fresh",
      "Title later",
    ]);
  });

  it("should never push an item withdrawn from the store before the run, even when it comes back", async () => {
    harness = await createPushHarness({ articles: baseline });
    const h = harness;
    await h.addReader(451, ["ai"]);
    h.clock.advance(60_000);
    const kept = makeArticle("kept", ["ai"]);
    await h.saveArticles([...baseline, makeArticle("withdrawn", ["ai"]), kept]);
    await h.saveArticles([...baseline, kept]);
    await h.run();
    await h.saveArticles([...baseline, makeArticle("withdrawn", ["ai"]), kept]);
    await h.run();
    // The item published beside it arrives, so the runs did push.
    expect(deliveredTexts(h.emu, 451).map((text) => text.split("\n")[0])).toEqual(["Title kept"]);
  });
});

describe("unreachable readers", () => {
  it("should stop at the first 403 and mark blocked and deactivated readers inactive", async () => {
    harness = await createPushHarness();
    const h = harness;
    for (const chatId of [501, 502, 503]) await h.addReader(chatId, ["ai"]);
    h.emu.faults.block(501);
    h.emu.faults.deactivate(502);
    h.clock.advance(60_000);
    await h.saveArticles([makeArticle("one", ["ai"]), makeArticle("two", ["ai"])]);

    const report = await h.run();

    const sendsTo = (chatId: number) =>
      h.emu.callsOf("sendMessage").filter((call) => call.payload.chat_id === chatId);
    expect(sendsTo(501)).toHaveLength(1);
    expect(sendsTo(502)).toHaveLength(1);
    expect(h.emu.deliveredTo(503)).toHaveLength(2);
    expect(h.side.readers.get(501)).toMatchObject({ active: false, inactiveReason: "blocked" });
    expect(h.side.readers.get(502)).toMatchObject({ active: false, inactiveReason: "blocked" });
    expect(report).toMatchObject({ sent: 2, deactivated: 2 });

    // Later items are not even tried.
    await h.saveArticles([
      makeArticle("one", ["ai"]),
      makeArticle("two", ["ai"]),
      makeArticle("three", ["ai"]),
    ]);
    await h.run();
    expect(sendsTo(501)).toHaveLength(1);
    expect(h.emu.deliveredTo(503)).toHaveLength(3);
  });

  it("should mark a reader whose chat is not found inactive", async () => {
    harness = await createPushHarness();
    const h = harness;
    await h.addReader(601, ["cloud"]);
    h.emu.faults.chatNotFound(601);
    h.clock.advance(60_000);
    await h.saveArticles([makeArticle("c1", ["cloud"]), makeArticle("c2", ["cloud"])]);

    await h.run();

    expect(h.emu.callsOf("sendMessage")).toHaveLength(1);
    expect(h.side.readers.get(601)).toMatchObject({
      active: false,
      inactiveReason: "chat-not-found",
    });
  });
});

describe("transient failures", () => {
  it("should retry 5xx answers and dropped connections until delivered, once each", async () => {
    harness = await createPushHarness();
    const h = harness;
    for (const chatId of [701, 702, 703]) await h.addReader(chatId, ["ai"]);
    h.clock.advance(60_000);
    await h.saveArticles([makeArticle("x1", ["ai"]), makeArticle("x2", ["ai"])]);
    h.emu.faults.failNext("sendMessage", { status: 502, times: 2 });
    h.emu.faults.failNext("sendMessage", { status: 500, description: "Internal Server Error" });

    const report = await h.run();

    for (const chatId of [701, 702, 703]) {
      expect(deliveredTexts(h.emu, chatId).map((text) => text.split("\n")[0])).toEqual([
        "Title x1",
        "Title x2",
      ]);
    }
    expect(report).toMatchObject({ sent: 6, failed: 0 });
    expect(h.emu.stats.byStatus[502]).toBe(2);
  });

  it("should give up after bounded attempts and deliver at the next run", async () => {
    harness = await createPushHarness();
    const h = harness;
    await h.addReader(751, ["ai"]);
    h.clock.advance(60_000);
    await h.saveArticles([makeArticle("stubborn", ["ai"])]);
    h.emu.faults.failNext("sendMessage", { status: 503, times: 10 });

    const first = await h.run();
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    expect(h.emu.deliveredTo(751)).toEqual([]);

    h.emu.faults.clear();
    await h.run();
    expect(h.emu.deliveredTo(751)).toHaveLength(1);
  });

  it("should wait retry_after on a 429, pausing every send, then resend", async () => {
    harness = await createPushHarness();
    const h = harness;
    for (const chatId of [801, 802, 803, 804]) await h.addReader(chatId, ["ai"]);
    h.clock.advance(60_000);
    await h.saveArticles([makeArticle("flood", ["ai"])]);
    h.emu.faults.failNext("sendMessage", { status: 429, retryAfter: 1 });

    await h.run();

    const calls = h.emu.callsOf("sendMessage");
    const refused = calls.find((call) => call.status === 429);
    expect(refused).toBeDefined();
    const later = calls.filter((call) => call.at > (refused?.at ?? 0));
    // Only sends already in flight may land inside the pause; the refused one is resent after it.
    const resent = later.find((call) => call.payload.chat_id === refused?.payload.chat_id);
    expect((resent?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    for (const chatId of [801, 802, 803, 804]) expect(h.emu.deliveredTo(chatId)).toHaveLength(1);
  });
});

describe("pacing and overlap", () => {
  it("should stay within the flood limits of a broadcast, without a single 429", async () => {
    harness = await createPushHarness({ limits: { botWidePerSecond: 300, perChatPerSecond: 30 } });
    const h = harness;
    const chats = Array.from({ length: 150 }, (_, index) => 10_000 + index);
    for (const chatId of chats) await h.addReader(chatId, ["ai", "fintech"]);
    h.clock.advance(60_000);
    const items = ["p1", "p2", "p3"].map((id, index) =>
      makeArticle(id, index === 1 ? ["fintech"] : ["ai"], {
        publishedAt: `2026-11-28T0${index + 1}:00:00Z`,
      }),
    );
    await h.saveArticles(items);

    const report = await h.run();

    expect(h.emu.stats.tooManyRequests).toBe(0);
    expect(report).toMatchObject({ sent: 450, failed: 0 });
    for (const chatId of chats) {
      expect(deliveredTexts(h.emu, chatId).map((text) => text.split("\n")[0])).toEqual([
        "Title p1",
        "Title p2",
        "Title p3",
      ]);
    }
  });

  it("should skip a run started while another is still sending", async () => {
    harness = await createPushHarness({ limits: { botWidePerSecond: 100, perChatPerSecond: 10 } });
    const h = harness;
    for (let chatId = 901; chatId <= 960; chatId += 1) await h.addReader(chatId, ["ai"]);
    h.clock.advance(60_000);
    await h.saveArticles([makeArticle("busy", ["ai"])]);

    const first = h.side.runner.run();
    expect(h.side.runner.running).toBe(true);
    expect(await h.side.runner.run()).toEqual({ skipped: true });
    expect(await first).toMatchObject({ sent: 60 });
    expect(h.side.runner.running).toBe(false);
    for (let chatId = 901; chatId <= 960; chatId += 1) {
      expect(h.emu.deliveredTo(chatId)).toHaveLength(1);
    }
  });

  it("should stop cleanly mid-broadcast and let the next run finish the job", async () => {
    harness = await createPushHarness({ limits: { botWidePerSecond: 50, perChatPerSecond: 5 } });
    const h = harness;
    const chats = Array.from({ length: 40 }, (_, index) => 20_000 + index);
    for (const chatId of chats) await h.addReader(chatId, ["ai"]);
    h.clock.advance(60_000);
    await h.saveArticles([makeArticle("halted", ["ai"])]);

    const first = h.side.runner.run();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await h.side.runner.stop();
    const report = await first;
    expect(report).toMatchObject({ aborted: true });
    const sentBeforeStop = chats.filter((chatId) => h.emu.deliveredTo(chatId).length > 0).length;
    expect(sentBeforeStop).toBeLessThan(chats.length);

    await h.run();
    for (const chatId of chats) expect(h.emu.deliveredTo(chatId)).toHaveLength(1);
  });
});
