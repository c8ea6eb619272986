import { access, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { Low } from "lowdb";
import { createJsonDataFile } from "../json-file.js";
import type { ArticleLedger, LedgerEntry } from "./article-ledger.js";
import type { Article } from "./schema.js";

/** First-seen time of the articles found on the very first sync: they are for /latest only. */
export const BASELINE_SEEN_AT = "1970-01-01T00:00:00.000Z";

interface LedgerData {
  /** Highest sequence number handed out; kept apart so a pruned entry never frees its number. */
  maxSeq: number;
  entries: Record<string, LedgerEntry>;
}

export interface JsonArticleLedger extends ArticleLedger {
  /**
   * Records every article id not seen before, oldest published first, with the next
   * sequence numbers and `now` as first-seen time; resolves with how many were new
   * once the ledger is on disk. The first sync of a new ledger records them all as
   * baseline. Ids that leave the store keep their entry, marked withdrawn, so
   * re-adding one sends nothing.
   */
  sync(articles: readonly Article[], now: Date): Promise<number>;
}

export interface JsonArticleLedgerOptions {
  /** e.g. <dataDir>/state/ledger.json; its folder is created when missing. */
  path: string;
  /**
   * Numbers handed out stay above this (the highest reader cursor), so a ledger that
   * was lost and started afresh never numbers new items below old cursors.
   */
  floorSeq?: number;
}

function isLedgerData(value: unknown): value is LedgerData {
  if (typeof value !== "object" || value === null) return false;
  const data = value as Partial<LedgerData>;
  return Number.isInteger(data.maxSeq) && typeof data.entries === "object" && data.entries !== null;
}

function byOldest(a: Article, b: Article): number {
  return Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || a.id.localeCompare(b.id);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function createJsonArticleLedger(
  options: JsonArticleLedgerOptions,
): Promise<JsonArticleLedger> {
  await mkdir(dirname(options.path), { recursive: true });
  let isNew = !(await exists(options.path));
  const db = new Low<LedgerData>(createJsonDataFile<LedgerData>(options.path), {
    maxSeq: 0,
    entries: {},
  });
  try {
    await db.read();
  } catch (error) {
    throw new Error(
      `Article ledger ${options.path} is not valid JSON (${(error as Error).message}); restore it from a backup. Deleting it would treat every stored article as already pushed.`,
    );
  }
  if (!isLedgerData(db.data)) {
    throw new Error(
      `Article ledger ${options.path} lacks "maxSeq" or "entries"; restore it from a backup.`,
    );
  }
  const data = db.data;
  data.maxSeq = Math.max(data.maxSeq, options.floorSeq ?? 0);
  // A sync that finds nothing new must still wait for an earlier sync's write: the
  // numbers it hands back are only safe to push once they are on disk.
  let durable: Promise<void> = Promise.resolve();

  return {
    entry: (articleId) => data.entries[articleId],
    maxSeq: () => data.maxSeq,
    async sync(articles, now) {
      const unseen = articles.filter((article) => data.entries[article.id] === undefined);
      const firstSeenAt = isNew ? BASELINE_SEEN_AT : now.toISOString();
      for (const article of [...unseen].sort(byOldest)) {
        data.maxSeq += 1;
        data.entries[article.id] = { seq: data.maxSeq, firstSeenAt };
      }
      const present = new Set(articles.map((article) => article.id));
      let withdrawn = 0;
      // An empty store is a file not there (yet), not an editor withdrawing everything;
      // marking all entries withdrawn would silently cancel every pending push.
      for (const [id, entry] of articles.length === 0 ? [] : Object.entries(data.entries)) {
        if (entry.withdrawnAt === undefined && !present.has(id)) {
          entry.withdrawnAt = now.toISOString();
          withdrawn += 1;
        }
      }
      if (unseen.length > 0 || withdrawn > 0 || isNew) {
        isNew = false;
        durable = db.write();
      }
      try {
        await durable;
      } catch {
        // The earlier write failed (disk full?); this call tries again and reports its own result.
        durable = db.write();
        await durable;
      }
      return unseen.length;
    },
  };
}
