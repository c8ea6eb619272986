import { afterEach, describe, expect, it } from "vitest";
import { MAX_MESSAGE_LENGTH } from "../../src/briefs/split.js";
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

const PARIS = "Europe/Paris"; // UTC+1 in November
const baseline = [makeArticle("old", ["ai"])];

describe("quiet hours", () => {
  it("should hold instant pushes during quiet hours and deliver them when the window ends", async () => {
    harness = await createPushHarness({ articles: baseline, now: "2026-11-28T22:00:00Z" });
    const h = harness;
    await h.addReader(1001, ["ai"], {
      delivery: { timeZone: PARIS, quietHours: { start: 22 * 60, end: 7 * 60 } },
    });
    await h.addReader(1002, ["ai"], { delivery: { timeZone: PARIS } });
    h.clock.set("2026-11-28T22:30:00Z"); // 23:30 in Paris
    await h.saveArticles([
      ...baseline,
      makeArticle("night-1", ["ai"]),
      makeArticle("night-2", ["ai"]),
    ]);

    const night = await h.run();
    expect(h.emu.deliveredTo(1001)).toEqual([]);
    expect(h.emu.deliveredTo(1002)).toHaveLength(2);
    expect(night.waiting).toBe(2);

    h.clock.set("2026-11-29T05:59:00Z"); // 06:59, still quiet
    await h.run();
    expect(h.emu.deliveredTo(1001)).toEqual([]);

    h.clock.set("2026-11-29T06:00:00Z"); // 07:00, the window is over
    await h.run();
    expect(deliveredTexts(h.emu, 1001).map((text) => text.split("\n")[0])).toEqual([
      "Title night-1",
      "Title night-2",
    ]);
    expect(h.emu.deliveredTo(1002)).toHaveLength(2);
  });

  it("should deliver at once outside a window that does not wrap midnight", async () => {
    harness = await createPushHarness({ articles: baseline, now: "2026-11-28T11:00:00Z" });
    const h = harness;
    await h.addReader(1051, ["ai"], {
      delivery: { timeZone: PARIS, quietHours: { start: 13 * 60, end: 14 * 60 } },
    });
    h.clock.advance(60_000); // 12:01 in Paris
    await h.saveArticles([...baseline, makeArticle("noon", ["ai"])]);
    await h.run();
    expect(h.emu.deliveredTo(1051)).toHaveLength(1);
  });
});

describe("daily digest", () => {
  it("should send one digest at the reader's hour, in their zone, once a day", async () => {
    harness = await createPushHarness({ articles: baseline, now: "2026-11-28T05:00:00Z" });
    const h = harness;
    await h.addReader(1101, ["ai", "cloud"], {
      delivery: { mode: "digest", digestHour: 8, timeZone: PARIS },
    });
    h.clock.advance(60_000);
    await h.saveArticles([
      ...baseline,
      makeArticle("d1", ["ai"], { publishedAt: "2026-11-28T01:00:00Z" }),
      makeArticle("d2", ["cloud", "ai"], { publishedAt: "2026-11-28T02:00:00Z" }),
      makeArticle("d3", ["crypto"], { publishedAt: "2026-11-28T03:00:00Z" }),
    ]);

    h.clock.set("2026-11-28T06:59:00Z"); // 07:59 in Paris
    await h.run();
    expect(h.emu.deliveredTo(1101)).toEqual([]);

    h.clock.set("2026-11-28T07:00:00Z"); // 08:00 in Paris
    await h.run();
    const [digest, ...rest] = deliveredTexts(h.emu, 1101);
    expect(rest).toEqual([]);
    expect(digest).toContain("Your daily digest · 28 November 2026");
    expect(digest).toContain("2 new briefs for you:");
    expect(digest).toContain("• Title d1 — Example News");
    expect(digest).toContain("• Title d2 — Example News");
    expect(digest).not.toContain("d3");

    // The same day: nothing more, even for an item that arrives after the digest.
    h.clock.set("2026-11-28T07:05:00Z");
    await h.run();
    h.clock.set("2026-11-28T10:00:00Z");
    await h.saveArticles([
      ...baseline,
      makeArticle("d1", ["ai"]),
      makeArticle("d2", ["cloud", "ai"]),
      makeArticle("d3", ["crypto"]),
      makeArticle("d4", ["ai"]),
    ]);
    await h.run();
    h.clock.set("2026-11-28T22:00:00Z");
    await h.run();
    expect(h.emu.deliveredTo(1101)).toHaveLength(1);

    // Next morning the new item comes, and only it.
    h.clock.set("2026-11-29T07:01:00Z");
    await h.run();
    const texts = deliveredTexts(h.emu, 1101);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain("One new brief for you:");
    expect(texts[1]).toContain("Title d4");
    expect(texts[1]).not.toContain("Title d1");
  });

  it("should send nothing on a day without items, and not send late that day", async () => {
    harness = await createPushHarness({ articles: baseline, now: "2026-11-28T05:00:00Z" });
    const h = harness;
    await h.addReader(1151, ["ai"], {
      delivery: { mode: "digest", digestHour: 8, timeZone: PARIS },
    });
    h.clock.set("2026-11-28T07:10:00Z");
    await h.run();
    expect(h.emu.deliveredTo(1151)).toEqual([]);
    expect(h.side.readers.get(1151)?.lastDigestOn).toBe("2026-11-28");

    h.clock.set("2026-11-28T09:00:00Z");
    await h.saveArticles([...baseline, makeArticle("late", ["ai"])]);
    await h.run();
    expect(h.emu.deliveredTo(1151)).toEqual([]);
  });

  it("should split a long digest into messages within Telegram's limit, each item once", async () => {
    harness = await createPushHarness({ articles: baseline, now: "2026-11-28T05:00:00Z" });
    const h = harness;
    await h.addReader(1201, ["fintech"], {
      locale: "fr",
      delivery: { mode: "digest", digestHour: 7, timeZone: "UTC" },
    });
    h.clock.advance(60_000);
    const items = Array.from({ length: 60 }, (_, index) =>
      makeArticle(`long-${index}`, ["fintech"], {
        publishedAt: new Date(Date.UTC(2026, 10, 28, 0, index)).toISOString(),
        briefs: {
          // English only: the French reader sees it flagged as English.
          en: { title: `Item ${index} ${"lengthy headline ".repeat(14)}`.trim(), summary: "S." },
        },
      }),
    );
    await h.saveArticles([...baseline, ...items]);

    h.clock.set("2026-11-28T07:00:00Z");
    await h.run();

    const texts = deliveredTexts(h.emu, 1201);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(texts[0]).toContain("Votre résumé du jour");
    expect(texts[0]).toContain("60 nouveaux briefs pour vous");
    const all = texts.join("\n");
    for (let index = 0; index < 60; index += 1) {
      expect(all.split(`Item ${index} lengthy`).length - 1).toBe(1);
    }
    expect(all).toContain("— Example News 🇬🇧");
    expect(h.side.readers.get(1201)?.lastDigestOn).toBe("2026-11-28");
  });
});
