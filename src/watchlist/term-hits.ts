import type { Article } from "../articles/schema.js";
import { createTermIndex } from "./match.js";

/** Candidate indexes (ascending) that mention each term; a term missing from the map mentions none. */
export type TermHits = ReadonlyMap<string, readonly number[]>;

const NO_HITS: readonly number[] = [];

/**
 * Matches every distinct term of a push run against the new items once: one index
 * over all readers' terms, one scan of each item. A reader then costs a map lookup
 * per term, however many readers share it (matching per reader and item would be
 * 100k × 20 × 10 scans).
 */
export function findTermHits(
  terms: Iterable<string>,
  items: readonly Pick<Article, "briefs" | "source">[],
  from: number,
): TermHits {
  const hits = new Map<string, number[]>();
  const index = createTermIndex(new Set(terms));
  if (index.size === 0) return hits;
  for (let position = from; position < items.length; position += 1) {
    for (const term of index.match(items[position] as Pick<Article, "briefs" | "source">)) {
      let list = hits.get(term);
      if (list === undefined) {
        list = [];
        hits.set(term, list);
      }
      list.push(position);
    }
  }
  return hits;
}

export function hitsOf(hits: TermHits, term: string): readonly number[] {
  return hits.get(term) ?? NO_HITS;
}
