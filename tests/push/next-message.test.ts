import { describe, expect, it } from "vitest";
import type { LedgerEntry } from "../../src/articles/article-ledger.js";
import type { Article } from "../../src/articles/schema.js";
import type { Context } from "../../src/bot/context.js";
import { createBriefRenderer } from "../../src/briefs/render.js";
import { createI18n } from "../../src/i18n.js";
import { LOCALES_DIR } from "../../src/paths.js";
import {
  chooseNextMessage,
  hasMessageAfter,
  type MessageSources,
  type SendingPlan,
} from "../../src/push/next-message.js";
import type { PushItem } from "../../src/push/plan.js";
import { createReader, type Reader } from "../../src/readers/reader.js";
import type { TopicId } from "../../src/topics/catalog.js";
import { makeArticle } from "./push-harness.js";

const SUBSCRIBED = "2026-11-01T00:00:00.000Z";
const NOW = new Date("2026-11-28T12:00:00Z");
const i18n = createI18n<Context>(LOCALES_DIR, () => undefined);

function sources(articles: Article[]): MessageSources {
  const entries = new Map<string, LedgerEntry>(
    articles.map((article, index) => [
      article.id,
      { seq: index + 1, firstSeenAt: "2026-11-02T00:00:00.000Z" },
    ]),
  );
  return {
    ledger: { entry: (id) => entries.get(id), maxSeq: () => articles.length },
    articles: {
      list: () => articles,
      get: (id) => articles.find((article) => article.id === id),
      onChange: () => () => undefined,
    },
    briefs: createBriefRenderer(i18n),
    i18n,
  };
}

function reader(topics: TopicId[], cursor = 0): Reader {
  const base = createReader(1, "en", new Date(SUBSCRIBED), cursor);
  return { ...base, topics: Object.fromEntries(topics.map((topic) => [topic, SUBSCRIBED])) };
}

const items = (articles: Article[]): PushItem[] =>
  articles.map((article, index) => ({ article, seq: index + 1 }));

describe("chooseNextMessage", () => {
  const articles = [
    makeArticle("a", ["ai"]),
    makeArticle("b", ["cloud"]),
    makeArticle("c", ["ai"]),
  ];
  const instant: SendingPlan = {
    kind: "instant",
    chatId: 1,
    items: items(articles),
    finalCursor: 3,
  };
  const digest: SendingPlan = {
    kind: "digest",
    chatId: 1,
    items: items(articles),
    finalCursor: 3,
    localDate: "2026-11-28",
  };

  it("should give the first item still owed, with its own seq as progress", () => {
    const next = chooseNextMessage(
      instant,
      { next: 0 },
      reader(["ai", "cloud"]),
      sources(articles),
      NOW,
    );
    expect(next.kind).toBe("send");
    if (next.kind !== "send") return;
    expect(next.position.next).toBe(0);
    expect(next.outgoing.html).toContain("Title a");
    expect(next.outgoing.progress).toEqual({ cursor: 1 });
  });

  it("should skip items the reader no longer follows, and close with the plan's final cursor", () => {
    // The reader left "cloud" since the plan: "b" is no longer owed, "c" is the last item.
    const next = chooseNextMessage(instant, { next: 1 }, reader(["ai"]), sources(articles), NOW);
    expect(next.kind === "send" && next.position.next).toBe(2);
    expect(next.kind === "send" && next.outgoing.html).toContain("Title c");
    expect(next.kind === "send" && next.outgoing.progress).toEqual({ cursor: 3 });
    expect(hasMessageAfter(instant, { next: 2 })).toBe(false);
    expect(hasMessageAfter(instant, { next: 1 })).toBe(true);
  });

  it("should skip items already behind the reader's cursor and end when none is left", () => {
    const next = chooseNextMessage(
      instant,
      { next: 0 },
      reader(["ai", "cloud"], 3),
      sources(articles),
      NOW,
    );
    expect(next).toEqual({ kind: "done", position: { next: 3 } });
  });

  it("should render a digest of the owed items once, and close it with the day served", () => {
    const next = chooseNextMessage(digest, { next: 0 }, reader(["ai"]), sources(articles), NOW);
    expect(next.kind).toBe("send");
    if (next.kind !== "send") return;
    expect(next.outgoing.html).toContain("Title a");
    expect(next.outgoing.html).toContain("Title c");
    expect(next.outgoing.html).not.toContain("Title b");
    expect(next.position.parts).toHaveLength(1);
    expect(next.outgoing.progress).toEqual({ cursor: 3, digestDate: "2026-11-28" });
    // The parts are kept: the next call reads them instead of rendering again.
    const after = chooseNextMessage(
      digest,
      { next: 1, parts: next.position.parts },
      reader([]),
      sources(articles),
      NOW,
    );
    expect(after.kind).toBe("done");
    expect(after.kind === "done" && after.progress).toBeUndefined();
  });

  it("should mark a digest's day served when none of its items is owed any more", () => {
    const next = chooseNextMessage(digest, { next: 0 }, reader(["iot"]), sources(articles), NOW);
    expect(next).toEqual({
      kind: "done",
      position: { next: 0, parts: [] },
      progress: { cursor: 3, digestDate: "2026-11-28" },
    });
  });
});
