import { createHash } from "node:crypto";
import type { ReportedBy } from "../articles/schema.js";
import type { Locale } from "../locales.js";
import {
  createNearDuplicateIndex,
  DAY_MS,
  DEFAULT_WINDOW_DAYS,
  jaccard,
  type NearDuplicateIndex,
} from "../newsroom/near-duplicates.js";
import {
  isKnownAddress,
  isObject,
  readAlsoReportedBy,
  storiesOfItem,
} from "../newsroom/store-stories.js";
import type { StoryText } from "../newsroom/story-features.js";
import { titleWords, urlIdentity } from "./article-id.js";
import type { Candidate } from "./types.js";

/**
 * Merging ingested articles into the store without undoing editors' work.
 *
 * Every item the pipeline writes carries `"ingest": { source, key, at, hash }`,
 * where `hash` holds a short hash of each field as the pipeline last wrote it.
 * On the next run a field is replaced only while its stored value still has that
 * hash; a value an editor changed, added or removed is theirs and stays.
 */
export const PROVENANCE_FIELD = "ingest";

export const OWNED_FIELDS = [
  "url",
  "source",
  "publishedAt",
  "topics",
  "briefs.fr.title",
  "briefs.fr.summary",
  "briefs.en.title",
  "briefs.en.summary",
] as const;
export type OwnedField = (typeof OWNED_FIELDS)[number];

export interface Provenance {
  /** The feed, page or file the item was last read from. */
  source: string;
  /** articleKey(): the same article across runs even if its headline (and so its slug) changes. */
  key: string;
  /** When the pipeline last changed the item (ISO 8601). */
  at: string;
  hash: Partial<Record<OwnedField, string>>;
  [extra: string]: unknown;
}

/** Pasted texts without a URL are matched to a stored article by headline words (Jaccard). */
export const SAME_TITLE_SIMILARITY = 0.6;

export type MergeOutcome =
  | { status: "added"; id: string; candidate: Candidate }
  | {
      status: "updated" | "unchanged";
      id: string;
      candidate: Candidate;
      changed: OwnedField[];
      /** Fields where the editor's value won over a different ingested one. */
      kept: OwnedField[];
      matchedBy: "key" | "id" | "url" | "title";
      /** The stored item has no provenance: an editor wrote all of it. */
      handWritten: boolean;
    }
  | {
      /** Another source's version of a stored story: listed in its alsoReportedBy, not added. */
      status: "merged";
      id: string;
      candidate: Candidate;
      /** False when the item already listed it (a source read again). */
      changed: boolean;
      /** Matched by address (own link or hreflang alternate) rather than by text. */
      byLink: boolean;
      /** The candidate's language was missing and its brief was added (an FR/EN edition). */
      addedBrief: boolean;
    }
  | { status: "skipped"; id: string; candidate: Candidate; reason: string };

export interface MergeResult {
  articles: unknown[];
  outcomes: MergeOutcome[];
  /** True when `articles` differs from what was stored. */
  changed: boolean;
}

type Item = Record<string, unknown>;

/** Order-free for topics, so an editor reordering them is not an edit. */
export function hashFieldValue(field: OwnedField, value: unknown): string {
  const canonical = field === "topics" && Array.isArray(value) ? [...value].sort() : value;
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex").slice(0, 16);
}

export function readProvenance(item: Item): Provenance | undefined {
  const value = item[PROVENANCE_FIELD];
  if (!isObject(value) || !isObject(value.hash)) return undefined;
  const hash: Partial<Record<OwnedField, string>> = {};
  for (const field of OWNED_FIELDS) {
    const recorded = value.hash[field];
    if (typeof recorded === "string") hash[field] = recorded;
  }
  return {
    ...value,
    source: typeof value.source === "string" ? value.source : "",
    key: typeof value.key === "string" ? value.key : "",
    at: typeof value.at === "string" ? value.at : "",
    hash,
  };
}

function getField(item: Item, field: OwnedField): unknown {
  let current: unknown = item;
  for (const part of field.split(".")) {
    if (!isObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** Sets a field on `item` (already a copy); false when the path is blocked by a non-object. */
function setField(item: Item, field: OwnedField, value: unknown): boolean {
  const parts = field.split(".");
  let current = item;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    if (next === undefined) current[part] = {};
    else if (!isObject(next)) return false;
    current = current[part] as Item;
  }
  current[parts[parts.length - 1] ?? ""] = value;
  return true;
}

function candidateValue(candidate: Candidate, field: OwnedField): unknown {
  switch (field) {
    case "url":
    case "source":
    case "publishedAt":
    case "topics":
      return candidate[field];
    default: {
      const [, locale, part] = field.split(".") as [string, Locale, "title" | "summary"];
      return candidate.briefs[locale]?.[part];
    }
  }
}

function titleSimilarity(a: string, b: string): number {
  return jaccard(new Set(titleWords(a)), new Set(titleWords(b)));
}

/** Where the candidate already is in the store, and how it was recognised. */
export function findStoredArticle(
  items: readonly unknown[],
  candidate: Candidate,
): { index: number; matchedBy: "key" | "id" | "url" | "title" } | undefined {
  const objects = items.map((item) => (isObject(item) ? item : undefined));
  let index = objects.findIndex((item) => item && readProvenance(item)?.key === candidate.key);
  if (index >= 0) return { index, matchedBy: "key" };
  index = objects.findIndex((item) => item?.id === candidate.id);
  if (index >= 0) return { index, matchedBy: "id" };
  if (candidate.hasOwnUrl) {
    const identity = urlIdentity(candidate.url);
    index = objects.findIndex(
      (item) => typeof item?.url === "string" && urlIdentity(item.url) === identity,
    );
    if (index >= 0) return { index, matchedBy: "url" };
    return undefined;
  }
  // A pasted text has no address to compare; its headline is the best evidence left.
  const title = candidate.briefs[candidate.language]?.title ?? "";
  let best = { index: -1, similarity: 0 };
  objects.forEach((item, at) => {
    const stored = item ? getField(item, `briefs.${candidate.language}.title`) : undefined;
    if (typeof stored !== "string") return;
    const similarity = titleSimilarity(title, stored);
    if (similarity > best.similarity) best = { index: at, similarity };
  });
  return best.similarity >= SAME_TITLE_SIMILARITY
    ? { index: best.index, matchedBy: "title" }
    : undefined;
}

function newItem(candidate: Candidate, now: string): Item {
  const item: Item = {
    id: candidate.id,
    url: candidate.url,
    source: candidate.source,
    publishedAt: candidate.publishedAt ?? now,
    topics: candidate.topics,
    briefs: structuredClone(candidate.briefs),
  };
  const hash: Partial<Record<OwnedField, string>> = {};
  for (const field of OWNED_FIELDS) {
    const value = getField(item, field);
    if (value !== undefined) hash[field] = hashFieldValue(field, value);
  }
  const provenance: Provenance = { source: candidate.origin, key: candidate.key, at: now, hash };
  item[PROVENANCE_FIELD] = provenance;
  return item;
}

function candidateStory(candidate: Candidate): StoryText {
  const brief = candidate.briefs[candidate.language];
  return {
    language: candidate.language,
    title: brief?.title ?? "",
    lead: brief?.summary ?? "",
    // A search link for the headline is no address of the article's own.
    links: [...(candidate.hasOwnUrl ? [candidate.url] : []), ...(candidate.alternates ?? [])],
  };
}

/** The store's recent items (from the window before the oldest candidate on), in a near-duplicate index. */
function indexRecentItems(
  articles: readonly unknown[],
  candidates: readonly Candidate[],
  now: string,
  windowDays: number,
  invalid: ReadonlySet<number> | undefined,
): NearDuplicateIndex {
  const index = createNearDuplicateIndex({ windowDays });
  const times = candidates.map((candidate) => Date.parse(candidate.publishedAt ?? now));
  const since = Math.min(...times.filter((time) => !Number.isNaN(time))) - windowDays * DAY_MS;
  articles.forEach((item, position) => {
    if (!isObject(item) || invalid?.has(position)) return;
    const time = typeof item.publishedAt === "string" ? Date.parse(item.publishedAt) : Number.NaN;
    if (time < since) return;
    for (const story of storiesOfItem(item, String(position))) index.add(story);
  });
  return index;
}

/** Keys of the other sources' versions folded into an item, so a re-read lands there at once. */
export const ABSORBED_KEYS_FIELD = "absorbed";

function absorbedKeys(provenance: Provenance | undefined): string[] {
  const value = provenance?.[ABSORBED_KEYS_FIELD];
  return Array.isArray(value) ? value.filter((key): key is string => typeof key === "string") : [];
}

function lacksLanguage(item: Item, language: Locale): boolean {
  return getField(item, `briefs.${language}.title`) === undefined;
}

/**
 * The stored story a candidate is another version of: one it was folded into
 * before (by key), the same address in a language the item lacks (an edition),
 * or a near-duplicate among the recent items.
 */
function findSameStory(
  articles: readonly unknown[],
  candidate: Candidate,
  match: ReturnType<typeof findStoredArticle>,
  stories: NearDuplicateIndex | undefined,
  now: string,
): { position: number; byLink: boolean } | undefined {
  const before = articles.findIndex(
    (item) => isObject(item) && absorbedKeys(readProvenance(item)).includes(candidate.key),
  );
  if (before >= 0) return { position: before, byLink: true };
  if (match) {
    const stored = articles[match.index] as Item;
    const edition = match.matchedBy === "url" && lacksLanguage(stored, candidate.language);
    return edition ? { position: match.index, byLink: true } : undefined;
  }
  const found = stories?.findDuplicate({
    publishedAt: candidate.publishedAt ?? now,
    story: candidateStory(candidate),
  });
  return found ? { position: Number(found.id), byLink: found.byLink } : undefined;
}

/**
 * Folds another source's version into a stored story: lists the outlet in
 * `alsoReportedBy` and, for an edition in the other language matched by address,
 * adds its brief (unless an editor deleted that language on purpose).
 */
function absorbStory(
  stored: Item,
  candidate: Candidate,
  byLink: boolean,
): { item: Item; changed: boolean; addedBrief: boolean } {
  const item = structuredClone(stored);
  let changed = false;
  let addedBrief = false;
  const language = candidate.language;
  const brief = candidate.briefs[language];
  const provenance = readProvenance(item);
  const fields = [`briefs.${language}.title`, `briefs.${language}.summary`] as const;
  const missing = fields.every(
    (field) => getField(item, field) === undefined && provenance?.hash[field] === undefined,
  );
  if (byLink && brief && missing) {
    const hash = { ...(provenance?.hash ?? {}) };
    const values = [brief.title, brief.summary];
    fields.forEach((field, at) => {
      if (setField(item, field, values[at])) hash[field] = hashFieldValue(field, values[at]);
    });
    if (provenance) item[PROVENANCE_FIELD] = { ...provenance, hash };
    changed = addedBrief = true;
  }
  const listable =
    candidate.hasOwnUrl && candidate.source !== item.source && !isKnownAddress(item, candidate.url);
  if (listable) {
    const entry: ReportedBy = { source: candidate.source, url: candidate.url };
    item.alsoReportedBy = [...readAlsoReportedBy(item), entry];
    changed = true;
  }
  // Hand-written items get no bookkeeping; their links and text find the story again.
  const current = readProvenance(item);
  const keys = absorbedKeys(current);
  if (current && !keys.includes(candidate.key) && current.key !== candidate.key) {
    item[PROVENANCE_FIELD] = { ...current, [ABSORBED_KEYS_FIELD]: [...keys, candidate.key] };
    changed = true;
  }
  return { item, changed, addedBrief };
}

/**
 * Adds new articles at the end of the store and updates known ones in the fields
 * the pipeline still owns. Pure: `existing` is not modified; untouched items are
 * returned as they were, so the written file differs only where something changed.
 */
export function mergeArticles(
  existing: readonly unknown[],
  candidates: readonly Candidate[],
  now: string,
  options: {
    /** Positions of stored items that fail validation: an editor is mid-edit, hands off. */
    invalid?: ReadonlySet<number>;
    /** Days around a new item in which a near-duplicate is looked for (default 3); 0 turns it off. */
    nearDuplicateWindowDays?: number;
  } = {},
): MergeResult {
  const articles = [...existing];
  const outcomes: MergeOutcome[] = [];
  const windowDays = options.nearDuplicateWindowDays ?? DEFAULT_WINDOW_DAYS;
  const stories =
    windowDays > 0 && candidates.length > 0
      ? indexRecentItems(articles, candidates, now, windowDays, options.invalid)
      : undefined;
  // Which stored item each candidate of this run landed on, to catch the same article twice.
  const claimedBy = new Map<number, string>();
  let changed = false;

  for (const candidate of candidates) {
    const match = findStoredArticle(articles, candidate);
    const sameStory = findSameStory(articles, candidate, match, stories, now);
    if (sameStory) {
      const { position } = sameStory;
      const stored = articles[position] as Item;
      const absorbed = absorbStory(stored, candidate, sameStory.byLink);
      if (absorbed.changed) {
        articles[position] = absorbed.item;
        changed = true;
      }
      outcomes.push({
        status: "merged",
        id: typeof stored.id === "string" ? stored.id : candidate.id,
        candidate,
        changed: absorbed.changed,
        byLink: sameStory.byLink,
        addedBrief: absorbed.addedBrief,
      });
      continue;
    }
    if (!match) {
      articles.push(newItem(candidate, now));
      claimedBy.set(articles.length - 1, candidate.label);
      for (const story of storiesOfItem(
        articles[articles.length - 1] as Item,
        String(articles.length - 1),
      )) {
        stories?.add(story);
      }
      outcomes.push({ status: "added", id: candidate.id, candidate });
      changed = true;
      continue;
    }
    const stored = articles[match.index] as Item;
    const id = typeof stored.id === "string" ? stored.id : candidate.id;
    const earlier = claimedBy.get(match.index);
    if (earlier !== undefined) {
      outcomes.push({ status: "skipped", id, candidate, reason: `same article as ${earlier}` });
      continue;
    }
    claimedBy.set(match.index, candidate.label);
    if (options.invalid?.has(match.index)) {
      outcomes.push({
        status: "skipped",
        id,
        candidate,
        reason: "already in the store but invalid there; fix that item by hand first",
      });
      continue;
    }

    const item = structuredClone(stored);
    const provenance = readProvenance(item);
    const hash = { ...(provenance?.hash ?? {}) };
    const changedFields: OwnedField[] = [];
    const kept: OwnedField[] = [];
    for (const field of OWNED_FIELDS) {
      const next = candidateValue(candidate, field);
      if (next === undefined) continue;
      const current = getField(item, field);
      const recorded = hash[field];
      const nextHash = hashFieldValue(field, next);
      if (current === undefined) {
        // Written before and gone now: an editor deleted it on purpose.
        if (recorded !== undefined) kept.push(field);
        else if (setField(item, field, structuredClone(next))) {
          hash[field] = nextHash;
          changedFields.push(field);
        } else kept.push(field);
        continue;
      }
      const currentHash = hashFieldValue(field, current);
      if (currentHash === nextHash) continue;
      if (recorded === undefined || recorded !== currentHash) {
        kept.push(field);
        continue;
      }
      setField(item, field, structuredClone(next));
      hash[field] = nextHash;
      changedFields.push(field);
    }

    if (changedFields.length > 0) {
      const updated: Provenance = {
        ...(provenance ?? {}),
        source: candidate.origin,
        key: candidate.key,
        at: now,
        hash,
      };
      item[PROVENANCE_FIELD] = updated;
      articles[match.index] = item;
      changed = true;
    }
    outcomes.push({
      status: changedFields.length > 0 ? "updated" : "unchanged",
      id,
      candidate,
      changed: changedFields,
      kept,
      matchedBy: match.matchedBy,
      handWritten: provenance === undefined,
    });
  }
  return { articles, outcomes, changed };
}

/**
 * Whether to ask the translation server for the candidate's other language:
 * when the store has no such brief the pipeline wrote and the editor left alone,
 * or when the source text changed since the last translation.
 */
export function wantsTranslation(existing: readonly unknown[], candidate: Candidate): boolean {
  const other: Locale = candidate.language === "fr" ? "en" : "fr";
  const match = findStoredArticle(existing, candidate);
  if (!match) return true;
  const item = existing[match.index] as Item;
  const provenance = readProvenance(item);
  let hasOther = false;
  for (const part of ["title", "summary"] as const) {
    const field: OwnedField = `briefs.${other}.${part}`;
    const current = getField(item, field);
    const recorded = provenance?.hash[field];
    if (current === undefined) {
      if (recorded !== undefined) return false;
      continue;
    }
    if (recorded === undefined || recorded !== hashFieldValue(field, current)) return false;
    hasOther = true;
  }
  if (!hasOther) return true;
  const own = candidate.briefs[candidate.language];
  if (!own) return false;
  return (
    provenance?.hash[`briefs.${candidate.language}.title`] !==
      hashFieldValue(`briefs.${candidate.language}.title`, own.title) ||
    provenance?.hash[`briefs.${candidate.language}.summary`] !==
      hashFieldValue(`briefs.${candidate.language}.summary`, own.summary)
  );
}
