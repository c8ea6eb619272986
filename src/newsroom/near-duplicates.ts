import { urlIdentity } from "../ingest/article-id.js";
import { type StoryFeatures, type StoryText, storyFeatures } from "./story-features.js";
import { compareFigures, type FigureKind, figureKeys } from "./story-numbers.js";
import { isStageConflict } from "./story-stage.js";

/**
 * Near-duplicate detection: is this new item a story the store already has from
 * another source? Pure and deterministic (the same inputs give the same answer on
 * every run, so re-ingesting never merges differently).
 *
 * Two texts are one story when they share an address (own link or hreflang
 * alternate: the only evidence accepted across languages), or, in one language,
 * when their words and names overlap enough and no figure that says *which*
 * event it is (year, quarter, amount, percentage) disagrees. Figures veto
 * because look-alikes differ there: one company's two quarters, two countries'
 * 5G auctions, two exchange hacks.
 */
export interface StoryComparison {
  duplicate: boolean;
  /** 0..1; only meaningful for same-language text matches. */
  score: number;
  reason: string;
}

/** Weights of the text score: content words carry most, names and headline words sharpen it. */
const WORDS_WEIGHT = 0.45;
const NAMES_WEIGHT = 0.35;
const TITLE_WEIGHT = 0.2;
/** Each figure both texts state adds this much, up to FIGURES_BONUS_MAX. */
const FIGURE_BONUS = 0.05;
const FIGURES_BONUS_MAX = 0.1;
/**
 * Tuned on bench/merge-eval/pairs.jsonl: look-alikes that pass every veto score
 * up to 0.31 there, rewrites of one story mostly above 0.36.
 */
export const DUPLICATE_THRESHOLD = 0.36;

/** Shared over all distinct values: 1 for the same set, 0 for disjoint or empty ones. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Shared names over the shorter list: a brief that names fewer actors is not penalised for it. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

export function linkKeys(links: readonly string[]): string[] {
  return links.flatMap((link) => {
    const identity = urlIdentity(link);
    return identity ? [identity] : [];
  });
}

function sharesLink(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(linkKeys(a));
  return linkKeys(b).some((key) => left.has(key));
}

const CONFLICT_NAMES: Record<FigureKind, string> = {
  year: "years",
  quarter: "quarters",
  amount: "amounts",
  percent: "percentages",
  count: "counts",
};

/** Compares two stories' text (links are checked by the caller, or by compareStories). */
export function compareFeatures(a: StoryFeatures, b: StoryFeatures): StoryComparison {
  if (a.language !== b.language) {
    return { duplicate: false, score: 0, reason: "different languages and no shared link" };
  }
  const figures = compareFigures(a.figures, b.figures);
  const names = overlap(a.names, b.names);
  const score =
    WORDS_WEIGHT * jaccard(a.words, b.words) +
    NAMES_WEIGHT * names +
    TITLE_WEIGHT * jaccard(a.titleWords, b.titleWords) +
    Math.min(FIGURES_BONUS_MAX, FIGURE_BONUS * figures.shared);
  const rounded = Math.round(score * 1000) / 1000;
  if (figures.conflicts.length > 0) {
    const kinds = figures.conflicts.map((kind) => CONFLICT_NAMES[kind]).join(", ");
    return { duplicate: false, score: rounded, reason: `different ${kinds}` };
  }
  if (isStageConflict(a.stages, b.stages)) {
    return { duplicate: false, score: rounded, reason: "the deal is at different stages" };
  }
  if (names === 0 && a.names.size > 0 && b.names.size > 0) {
    return { duplicate: false, score: rounded, reason: "no name in common" };
  }
  const duplicate = score >= DUPLICATE_THRESHOLD;
  return {
    duplicate,
    score: rounded,
    reason: duplicate ? "same words, names and figures" : "too little in common",
  };
}

export function compareStories(a: StoryText, b: StoryText): StoryComparison {
  if (sharesLink(a.links, b.links)) return { duplicate: true, score: 1, reason: "same link" };
  return compareFeatures(storyFeatures(a), storyFeatures(b));
}

export interface DatedStory {
  /** Whatever the caller finds the item by again (store id, position). */
  id: string;
  /** ISO 8601; stories further apart than the window are never compared. */
  publishedAt: string;
  story: StoryText;
}

export interface NearDuplicateMatch {
  id: string;
  comparison: StoryComparison;
  /** True when the match is by address: safe to merge across languages. */
  byLink: boolean;
}

export interface NearDuplicateIndex {
  add(entry: DatedStory): void;
  /** The indexed story this one duplicates (the best scored), or undefined. */
  findDuplicate(entry: Omit<DatedStory, "id">): NearDuplicateMatch | undefined;
  readonly size: number;
}

export const DEFAULT_WINDOW_DAYS = 3;
export const DAY_MS = 24 * 60 * 60 * 1000;
/** A key shared by more stories than this (e.g. "bitcoin" in a crypto week) finds nothing specific. */
const MAX_POSTINGS = 400;
/** Stories compared in full per lookup, the ones sharing most keys first. */
const MAX_COMPARED = 30;

interface Entry {
  id: string;
  time: number;
  features: StoryFeatures;
}

function indexKeys(features: StoryFeatures): string[] {
  return [
    ...[...features.names].map((name) => `n:${name}`),
    ...[...features.titleWords].map((word) => `w:${word}`),
    ...figureKeys(features.figures),
  ];
}

function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}

/**
 * An inverted index over names, headline words and figures, plus a map of
 * addresses: a lookup compares only the few stories that share something with
 * the new one, so the cost grows with the matches, not with the store.
 */
export function createNearDuplicateIndex(
  options: { windowDays?: number } = {},
): NearDuplicateIndex {
  const windowMs = (options.windowDays ?? DEFAULT_WINDOW_DAYS) * DAY_MS;
  const entries: Entry[] = [];
  const postings = new Map<string, number[]>();
  const byLink = new Map<string, number>();

  const inWindow = (entry: Entry, time: number) => Math.abs(entry.time - time) <= windowMs;

  return {
    get size() {
      return entries.length;
    },
    add({ id, publishedAt, story }) {
      const position = entries.length;
      const features = storyFeatures(story);
      entries.push({ id, time: timeOf(publishedAt), features });
      for (const key of new Set(indexKeys(features))) {
        const list = postings.get(key);
        if (list) list.push(position);
        else postings.set(key, [position]);
      }
      for (const key of linkKeys(story.links)) if (!byLink.has(key)) byLink.set(key, position);
    },
    findDuplicate({ publishedAt, story }) {
      const time = timeOf(publishedAt);
      for (const key of linkKeys(story.links)) {
        const position = byLink.get(key);
        const entry = position === undefined ? undefined : entries[position];
        if (entry && inWindow(entry, time)) {
          return {
            id: entry.id,
            byLink: true,
            comparison: { duplicate: true, score: 1, reason: "same link" },
          };
        }
      }
      const features = storyFeatures(story);
      const sharedKeys = new Map<number, number>();
      for (const key of new Set(indexKeys(features))) {
        const list = postings.get(key);
        if (!list || list.length > MAX_POSTINGS) continue;
        for (const position of list) sharedKeys.set(position, (sharedKeys.get(position) ?? 0) + 1);
      }
      const ranked = [...sharedKeys]
        .filter(([position]) => {
          const entry = entries[position];
          return entry !== undefined && entry.features.language === features.language
            ? inWindow(entry, time)
            : false;
        })
        .sort((left, right) => right[1] - left[1] || left[0] - right[0])
        .slice(0, MAX_COMPARED);
      let best: NearDuplicateMatch | undefined;
      for (const [position] of ranked) {
        const entry = entries[position] as Entry;
        const comparison = compareFeatures(features, entry.features);
        if (comparison.duplicate && (!best || comparison.score > best.comparison.score)) {
          best = { id: entry.id, byLink: false, comparison };
        }
      }
      return best;
    },
  };
}
