import { emptySourceState, type NewsroomState, RECENT_WINDOW_MS } from "./newsroom-state.js";
import { type Source, sourceIdentity } from "./sources-file.js";

/** What /sources and `npm run sources list` show for one source. */
export interface SourceHealth {
  url: string;
  name?: string;
  lastSuccessAt?: string;
  itemsLast24h: number;
  lastError?: string;
  /** Failed fetches in a row. */
  failures: number;
  nextDueAt?: string;
}

export function sourceHealth(source: Source, state: NewsroomState, now: Date): SourceHealth {
  const entry = state.sources[sourceIdentity(source.url)] ?? emptySourceState();
  const floor = now.getTime() - RECENT_WINDOW_MS;
  return {
    url: source.url,
    ...(source.name ? { name: source.name } : {}),
    ...(entry.lastSuccessAt ? { lastSuccessAt: entry.lastSuccessAt } : {}),
    itemsLast24h: entry.recentItems.filter((at) => Date.parse(at) >= floor).length,
    ...(entry.failures > 0 && entry.lastError ? { lastError: entry.lastError } : {}),
    failures: entry.failures,
    ...(entry.nextDueAt ? { nextDueAt: entry.nextDueAt } : {}),
  };
}
