import { readFile } from "node:fs/promises";
import type { TextBlock } from "../ingest/types.js";
import type { Validators } from "./polite-fetcher.js";
import { writeJsonAtomically } from "./sources-file.js";

/** The newsroom's own bookkeeping, in $DATA_DIR/state/newsroom.json. */
export { NEWSROOM_STATE_FILE_NAME as NEWSROOM_STATE_FILE } from "../data-layout.js";

const STATE_VERSION = 1;
/** "Items in the last 24 h" in /sources. */
export const RECENT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A fetched page is kept this long, so an item's page is fetched once. */
export const PAGE_CACHE_MS = 7 * 24 * 60 * 60 * 1000;

export interface SourceState {
  validators: Validators;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  /** Failed fetches in a row. */
  failures: number;
  /** First failure of the current run of failures. */
  failingSince?: string;
  lastError?: string;
  /** When the source may be fetched again (ISO). */
  nextDueAt?: string;
  /** What the feed asks for (<ttl>, sy:updatePeriod), clamped; minutes. */
  feedIntervalMinutes?: number;
  /** The admins were told it has been failing for a day. */
  alertSent?: boolean;
  /** When each item of the last 24 h was added (ISO). */
  recentItems: string[];
}

export type PageCacheEntry =
  | {
      ok: true;
      fetchedAt: string;
      blocks: TextBlock[];
      languageHint?: string;
      /** The page's other language editions (hreflang URLs). */
      alternates?: string[];
    }
  | { ok: false; lastAttemptAt: string; attempts: number; lastError: string };

export interface NewsroomState {
  version: number;
  sources: Record<string, SourceState>;
  pages: Record<string, PageCacheEntry>;
}

export function emptyState(): NewsroomState {
  return { version: STATE_VERSION, sources: {}, pages: {} };
}

export function emptySourceState(): SourceState {
  return { validators: {}, failures: 0, recentItems: [] };
}

/**
 * Reads the state; a missing file is a fresh start. The file is ours, written
 * atomically, so an unreadable one means someone edited it: start fresh and say so.
 */
export async function readNewsroomState(
  path: string,
): Promise<{ state: NewsroomState; problem?: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: emptyState() };
    return { state: emptyState(), problem: `${path}: ${(error as Error).message}` };
  }
  try {
    const raw = JSON.parse(text) as Partial<NewsroomState>;
    if (typeof raw !== "object" || raw === null || typeof raw.sources !== "object") {
      throw new Error('expected {"sources": {…}}');
    }
    const sources: Record<string, SourceState> = {};
    for (const [key, value] of Object.entries(raw.sources ?? {})) {
      sources[key] = { ...emptySourceState(), ...value };
    }
    return { state: { version: STATE_VERSION, sources, pages: raw.pages ?? {} } };
  } catch (error) {
    return {
      state: emptyState(),
      problem: `${path}: unreadable (${(error as Error).message}); starting from a fresh state`,
    };
  }
}

export function writeNewsroomState(path: string, state: NewsroomState): Promise<void> {
  return writeJsonAtomically(path, state);
}

/** Drops what is too old to matter: recent-item stamps past 24 h, cached pages past a week. */
export function pruneState(state: NewsroomState, now: Date): void {
  const recentFloor = now.getTime() - RECENT_WINDOW_MS;
  for (const source of Object.values(state.sources)) {
    source.recentItems = source.recentItems.filter((at) => Date.parse(at) >= recentFloor);
  }
  const pageFloor = now.getTime() - PAGE_CACHE_MS;
  for (const [url, page] of Object.entries(state.pages)) {
    const at = Date.parse(page.ok ? page.fetchedAt : page.lastAttemptAt);
    if (!(at >= pageFloor)) delete state.pages[url];
  }
}
