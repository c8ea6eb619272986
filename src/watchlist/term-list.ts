import { countGraphemes } from "../text/graphemes.js";
import { MAX_TERM_LENGTH, MAX_TERMS_PER_LIST, normalizeTerm } from "./match.js";

/**
 * A reader's watched or muted terms: the normalized term → the ISO time it was added.
 * The time matters for watches: only items first seen after it are pushed.
 */
export type TermList = Record<string, string>;

export type TermListKind = "watch" | "mute";

/** The terms of a list, oldest first (the order the reader added them). */
export function termsOf(list: TermList | undefined): string[] {
  if (list === undefined) return [];
  return Object.entries(list)
    .sort(([, a], [, b]) => Date.parse(a) - Date.parse(b))
    .map(([term]) => term);
}

/**
 * Why a stored list cannot be used, or undefined when it can: at most 50 terms, each
 * in the normalized form /watch stores (so hand edits cannot smuggle in HTML), each
 * with a valid time.
 */
export function termListProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "must be an object of term → ISO time";
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_TERMS_PER_LIST) {
    return `holds ${entries.length} terms; at most ${MAX_TERMS_PER_LIST} are allowed`;
  }
  for (const [term, at] of entries) {
    if (term === "" || normalizeTerm(term) !== term || countGraphemes(term) > MAX_TERM_LENGTH) {
      return `term "${term}" is not in normalized form (lowercase, no accents, single spaces)`;
    }
    if (typeof at !== "string" || Number.isNaN(Date.parse(at))) {
      return `term "${term}" has no valid ISO time`;
    }
  }
  return undefined;
}

export interface AddResult {
  list: TermList;
  added: string[];
  already: string[];
  /** True when adding would pass the limit: nothing was added. */
  full: boolean;
}

/** Adds terms not yet in the list, all or none: a list never passes 50 terms. */
export function addTerms(
  list: TermList | undefined,
  terms: readonly string[],
  now: Date,
): AddResult {
  const current = list ?? {};
  const already = terms.filter((term) => current[term] !== undefined);
  const added = terms.filter((term) => current[term] === undefined);
  if (Object.keys(current).length + added.length > MAX_TERMS_PER_LIST) {
    return { list: current, added: [], already, full: true };
  }
  const at = now.toISOString();
  const next = { ...current };
  for (const term of added) next[term] = at;
  return { list: next, added, already, full: false };
}

export interface RemoveResult {
  list: TermList;
  removed: string[];
  missing: string[];
}

export function removeTerms(list: TermList | undefined, terms: readonly string[]): RemoveResult {
  const next = { ...(list ?? {}) };
  const removed = terms.filter((term) => next[term] !== undefined);
  const missing = terms.filter((term) => next[term] === undefined);
  for (const term of removed) delete next[term];
  return { list: next, removed, missing };
}
