import type { SourceState } from "./newsroom-state.js";
import type { Source } from "./sources-file.js";

/** The first retry after a failure; each further failure doubles it. */
export const BACKOFF_BASE_MS = 15 * 60 * 1000;
/** A failing source is still tried at least this often, so its recovery is noticed. */
export const BACKOFF_MAX_MS = 6 * 60 * 60 * 1000;
/** Failing this long earns the admins a private message. */
export const ALERT_AFTER_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Fetched on this pass: never tried, or its next due time has come. */
export function isDue(state: SourceState, now: Date): boolean {
  return state.nextDueAt === undefined || Date.parse(state.nextDueAt) <= now.getTime();
}

/**
 * After an answer: everyMinutes, else what the feed asks (<ttl>, sy:updatePeriod),
 * else undefined, i.e. every pass.
 */
export function nextDueAfterSuccess(
  source: Source,
  state: SourceState,
  now: Date,
): string | undefined {
  const minutes = source.everyMinutes ?? state.feedIntervalMinutes;
  return minutes === undefined
    ? undefined
    : new Date(now.getTime() + minutes * MINUTE_MS).toISOString();
}

/** Exponential backoff: 15 min, 30 min, 1 h … capped at 6 h; a longer Retry-After wins. */
export function backoffMs(failures: number, retryAfterMs = 0): number {
  const exponential = BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1);
  return Math.max(Math.min(exponential, BACKOFF_MAX_MS), retryAfterMs);
}
