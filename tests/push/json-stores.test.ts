import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  BASELINE_SEEN_AT,
  createJsonArticleLedger,
} from "../../src/articles/json-article-ledger.js";
import { createJsonPushStats } from "../../src/push/json-push-stats.js";
import { openProgressJournal } from "../../src/push/progress-journal.js";
import { createJsonReaderStore } from "../../src/readers/json-reader-store.js";
import { createReader } from "../../src/readers/reader.js";
import { makeArticle } from "./push-harness.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "briefbot-state-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("article ledger", () => {
  it("should read a ledger saved with a UTF-8 byte order mark", async () => {
    const path = join(dir, "ledger.json");
    const saved = { maxSeq: 7, entries: { "an-item": { seq: 7, firstSeenAt: BASELINE_SEEN_AT } } };
    await writeFile(path, `\uFEFF${JSON.stringify(saved)}`);
    const ledger = await createJsonArticleLedger({ path });
    expect(ledger.maxSeq()).toBe(7);
    expect(ledger.entry("an-item")?.seq).toBe(7);
  });

  it("should record the first store as baseline, then number new ids oldest first", async () => {
    const path = join(dir, "state", "ledger.json");
    const ledger = await createJsonArticleLedger({ path });
    expect(await ledger.sync([makeArticle("a", ["ai"])], new Date("2026-11-01T00:00:00Z"))).toBe(1);
    expect(ledger.entry("a")).toEqual({ seq: 1, firstSeenAt: BASELINE_SEEN_AT });

    const now = new Date("2026-11-02T00:00:00Z");
    const newer = makeArticle("newer", ["ai"], { publishedAt: "2026-11-01T12:00:00Z" });
    const older = makeArticle("older", ["ai"], { publishedAt: "2026-11-01T06:00:00Z" });
    expect(await ledger.sync([makeArticle("a", ["ai"]), newer, older], now)).toBe(2);
    expect(ledger.entry("older")).toEqual({ seq: 2, firstSeenAt: now.toISOString() });
    expect(ledger.entry("newer")?.seq).toBe(3);

    const reopened = await createJsonArticleLedger({ path });
    expect(reopened.maxSeq()).toBe(3);
    expect(await reopened.sync([makeArticle("a", ["ai"]), newer, older], new Date())).toBe(0);
    expect(reopened.entry("newer")).toEqual(ledger.entry("newer"));
  });

  it("should mark ids that leave the store withdrawn, but not when the store is empty", async () => {
    const ledger = await createJsonArticleLedger({ path: join(dir, "ledger.json") });
    await ledger.sync([makeArticle("a", ["ai"]), makeArticle("b", ["ai"])], new Date());
    await ledger.sync([], new Date());
    expect(ledger.entry("a")?.withdrawnAt).toBeUndefined();
    await ledger.sync([makeArticle("b", ["ai"])], new Date("2026-11-03T00:00:00Z"));
    expect(ledger.entry("a")?.withdrawnAt).toBe("2026-11-03T00:00:00.000Z");
    await ledger.sync([makeArticle("a", ["ai"]), makeArticle("b", ["ai"])], new Date());
    expect(ledger.entry("a")).toMatchObject({ seq: 1, withdrawnAt: "2026-11-03T00:00:00.000Z" });
  });

  it("should number items above readers' cursors when a lost ledger starts afresh", async () => {
    const ledger = await createJsonArticleLedger({ path: join(dir, "ledger.json"), floorSeq: 40 });
    await ledger.sync([makeArticle("old", ["ai"])], new Date());
    expect(ledger.entry("old")?.seq).toBe(41);
    await ledger.sync([makeArticle("old", ["ai"]), makeArticle("new", ["ai"])], new Date());
    expect(ledger.entry("new")).toMatchObject({ seq: 42 });
    expect(ledger.entry("new")?.firstSeenAt).not.toBe(BASELINE_SEEN_AT);
  });

  it("should refuse a damaged ledger with a message saying what to do", async () => {
    const path = join(dir, "ledger.json");
    await writeFile(path, "{ not json");
    await expect(createJsonArticleLedger({ path })).rejects.toThrow(/restore it from a backup/);
  });
});

describe("push stats", () => {
  it("should sum the last 24 hours and keep the last run across restarts", async () => {
    const path = join(dir, "state", "push-stats.json");
    const stats = await createJsonPushStats({ path });
    stats.count("sent", new Date("2026-11-27T08:00:00Z"), 100); // more than a day before
    stats.count("sent", new Date("2026-11-27T10:30:00Z"), 5);
    stats.count("failed", new Date("2026-11-28T09:10:00Z"));
    const run = {
      startedAt: "2026-11-28T09:10:00.000Z",
      durationMs: 2000,
      sent: 5,
      failed: 1,
      rate: 2.5,
    };
    stats.recordRun(run);
    await stats.save(new Date("2026-11-28T09:30:00Z"));

    const reopened = await createJsonPushStats({ path });
    expect(reopened.lastDay(new Date("2026-11-28T09:30:00Z"))).toEqual({ sent: 5, failed: 1 });
    expect(reopened.lastRun()).toEqual(run);
  });
});

describe("progress journal", () => {
  it("should replay what a killed run recorded, ignoring a line cut short, then empty itself", async () => {
    const path = join(dir, "state", "push-progress.log");
    const readers = await createJsonReaderStore({ dir: join(dir, "readers"), shards: 2 });
    for (const chatId of [1, 2, 3]) {
      await readers.update(chatId, () => createReader(chatId, "en", new Date(), 10));
    }
    const crashed = await openProgressJournal(path);
    expect(await crashed.record(1, { cursor: 12 })).toBe(true);
    expect(await crashed.record(1, { cursor: 14 })).toBe(true);
    expect(await crashed.record(2, { cursor: 15, digestDate: "2026-11-28" })).toBe(true);
    await crashed.close(); // the process dies here, before settling
    await appendFile(path, "3 99"); // a record whose write was cut short

    const next = await openProgressJournal(path);
    await next.settle(readers);
    expect(readers.get(1)).toMatchObject({ cursor: 14 });
    expect(readers.get(2)).toMatchObject({ cursor: 15, lastDigestOn: "2026-11-28" });
    expect(readers.get(3)).toMatchObject({ cursor: 10 });
    expect(await readFile(path, "utf8")).toBe("");

    // Settling again, or an older record, never moves a reader back.
    await next.record(1, { cursor: 13 });
    await next.settle(readers);
    await next.close();
    expect(readers.get(1)?.cursor).toBe(14);
  });
});
