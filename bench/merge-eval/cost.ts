import { performance } from "node:perf_hooks";
import { createNearDuplicateIndex } from "../../src/newsroom/near-duplicates.js";
import { type Pair, storyOf } from "./evaluate.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many days of history the synthetic store spreads its items over. */
const HISTORY_DAYS = 90;
/** New items looked up per measurement, as one busy newsroom pass might bring. */
const LOOKUPS = 200;

export interface LookupCost {
  storeSize: number;
  /** Indexing every stored item, once per ingest run (ms). */
  buildMs: number;
  /** One new item checked against the store (ms, mean over LOOKUPS). */
  lookupMs: number;
}

/**
 * The cost of the near-duplicate check for a store of `storeSize` items: the
 * pairs' true texts repeated at shifted dates across HISTORY_DAYS (so every
 * window holds many look-alikes, a worst case for the index), then LOOKUPS new items.
 */
export function measureLookupCost(pairs: readonly Pair[], storeSize: number): LookupCost {
  const texts = pairs.flatMap((pair) => [pair.a, pair.b]);
  const start = Date.parse("2025-01-01T00:00:00Z");
  const dateOf = (position: number) =>
    new Date(start + (position * HISTORY_DAYS * DAY_MS) / storeSize).toISOString();
  const built = performance.now();
  const index = createNearDuplicateIndex();
  for (let position = 0; position < storeSize; position += 1) {
    const item = texts[position % texts.length];
    if (!item) continue;
    index.add({ id: String(position), publishedAt: dateOf(position), story: storyOf(item) });
  }
  const buildMs = performance.now() - built;
  const looked = performance.now();
  for (let lookup = 0; lookup < LOOKUPS; lookup += 1) {
    const item = texts[(lookup * 7) % texts.length];
    if (!item) continue;
    index.findDuplicate({ publishedAt: dateOf(storeSize - 1), story: storyOf(item) });
  }
  return { storeSize, buildMs, lookupMs: (performance.now() - looked) / LOOKUPS };
}
