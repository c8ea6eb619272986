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

/** A stored list as checked on load: what can be used, and what was left out and why. */
export interface CheckedList<T> {
  /** undefined when nothing usable was stored (the field is then left out). */
  list: T | undefined;
  /** Each says what was wrong, relative to the field ("\"<b>x</b>\" … left out"). */
  problems: string[];
}

/**
 * A hand-editable list checked with the rules /watch applies: at most 50 terms, each
 * in the normalized form /watch stores (so an edit cannot smuggle in HTML), each with
 * a valid time. A bad entry is left out and reported; the rest is kept.
 */
export function checkTermList(value: unknown): CheckedList<TermList> {
  if (value === undefined) return { list: undefined, problems: [] };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      list: undefined,
      problems: [`${JSON.stringify(value)} is not a term → time object; left out`],
    };
  }
  const problems: string[] = [];
  const list: TermList = {};
  for (const [term, at] of Object.entries(value)) {
    const normalized =
      term !== "" && normalizeTerm(term) === term && countGraphemes(term) <= MAX_TERM_LENGTH;
    if (normalized && typeof at === "string" && !Number.isNaN(Date.parse(at))) list[term] = at;
    else
      problems.push(`${JSON.stringify(term)} is not a normalized term with its ISO time; left out`);
  }
  const terms = termsOf(list);
  if (terms.length > MAX_TERMS_PER_LIST) {
    problems.push(`holds ${terms.length} terms; keeping the ${MAX_TERMS_PER_LIST} oldest`);
    for (const term of terms.slice(MAX_TERMS_PER_LIST)) delete list[term];
  }
  return { list, problems };
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
