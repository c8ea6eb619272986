import type { ArticleLedger, LedgerEntry } from "../articles/article-ledger.js";
import type { ArticleStore } from "../articles/article-store.js";
import type { Article } from "../articles/schema.js";
import { isDigestDue, isQuietAt } from "../readers/local-time.js";
import type { Reader } from "../readers/reader.js";
import { TOPIC_IDS } from "../topics/catalog.js";
import { isMutedFor, watchReasons } from "../watchlist/reader-terms.js";
import { findTermHits, hitsOf, type TermHits } from "../watchlist/term-hits.js";

export interface PushItem {
  article: Article;
  seq: number;
}

/** What one reader gets in this run. */
export type ReaderPlan =
  /** One message per item, oldest first. */
  | { kind: "instant"; chatId: number; items: readonly PushItem[]; finalCursor: number }
  /** One digest (possibly split); `items` may be empty: the day is then marked served. */
  | {
      kind: "digest";
      chatId: number;
      items: readonly PushItem[];
      finalCursor: number;
      localDate: string;
    }
  /** Nothing to send; the cursor moves over a long run of items this reader does not follow. */
  | { kind: "advance"; chatId: number; finalCursor: number };

export interface PushPlan {
  readers: ReaderPlan[];
  /** Items held back by quiet hours or waiting for a digest, summed over readers. */
  waiting: number;
}

/**
 * A reader that matches nothing is not written to on every run: its cursor only moves
 * once this many stored items lie behind it, which bounds the work of later plans.
 */
export const LAZY_ADVANCE_MIN_ITEMS = 50;

interface Candidate extends PushItem {
  firstSeenMs: number;
  /** The article's topics as catalog indexes (see FollowTimes). */
  topicIndexes: number[];
}

const TOPIC_INDEX = new Map<string, number>(TOPIC_IDS.map((topic, index) => [topic, index]));

/**
 * When (ms) a reader began following each catalog topic, by topic index; +Infinity
 * for topics they do not follow. A plan refills one of these per reader instead of
 * allocating: at 100k readers, per-reader objects showed up as peak memory.
 */
type FollowTimes = Float64Array;

function readFollowTimes(reader: Reader, into: FollowTimes): FollowTimes {
  into.fill(Number.POSITIVE_INFINITY);
  TOPIC_IDS.forEach((topic, index) => {
    const at = reader.topics[topic];
    // An unparsable time (NaN) compares false: treated as not followed.
    if (at !== undefined) into[index] = Date.parse(at);
  });
  return into;
}

function topicIndexesOf(article: Article): number[] {
  return article.topics.flatMap((topic) => TOPIC_INDEX.get(topic) ?? []);
}

function followsBefore(times: FollowTimes, topicIndexes: number[], firstSeenMs: number): boolean {
  for (const index of topicIndexes) {
    if ((times[index] ?? Number.POSITIVE_INFINITY) <= firstSeenMs) return true;
  }
  return false;
}

/**
 * True when the reader follows one of the article's topics, or watches a term it
 * mentions, since before the bot first saw it (items that were already there are
 * for /latest, not pushes), and mutes none of the terms it mentions.
 */
export function isPushFor(reader: Reader, article: Article, entry: LedgerEntry): boolean {
  if (entry.withdrawnAt !== undefined || isMutedFor(reader, article)) return false;
  const times = readFollowTimes(reader, new Float64Array(TOPIC_IDS.length));
  return (
    followsBefore(times, topicIndexesOf(article), Date.parse(entry.firstSeenAt)) ||
    watchReasons(reader, article, entry.firstSeenAt).length > 0
  );
}

/** Candidate indexes (from `start`) this reader's watches bring and mutes exclude; undefined when none. */
interface TermChoices {
  watched: Set<number> | undefined;
  muted: Set<number> | undefined;
}

function termChoicesOf(
  reader: Reader,
  hits: TermHits,
  candidates: readonly Candidate[],
  start: number,
): TermChoices {
  const choices: TermChoices = { watched: undefined, muted: undefined };
  // for…in and a late Date.parse: at 100k readers × 10 terms, most terms hit nothing,
  // and per-term arrays and time parsing were most of the plan's cost.
  const { watch, mute } = reader;
  for (const term in watch) {
    let sinceMs = Number.NaN;
    for (const index of hitsOf(hits, term)) {
      if (index < start) continue;
      if (Number.isNaN(sinceMs)) sinceMs = Date.parse(watch[term] as string);
      if ((candidates[index] as Candidate).firstSeenMs < sinceMs) continue;
      choices.watched ??= new Set();
      choices.watched.add(index);
    }
  }
  for (const term in mute) {
    for (const index of hitsOf(hits, term)) {
      if (index < start) continue;
      choices.muted ??= new Set();
      choices.muted.add(index);
    }
  }
  return choices;
}

/**
 * Every watched or muted term matched once against the candidates any reader with
 * terms may still get (those after the lowest such cursor).
 */
function termHitsOf(readers: readonly Reader[], candidates: readonly Candidate[]): TermHits {
  const terms = new Set<string>();
  let lowestCursor = Number.POSITIVE_INFINITY;
  for (const reader of readers) {
    if (!reader.active || (reader.watch === undefined && reader.mute === undefined)) continue;
    for (const term in reader.watch) terms.add(term);
    for (const term in reader.mute) terms.add(term);
    lowestCursor = Math.min(lowestCursor, reader.cursor);
  }
  if (terms.size === 0) return new Map();
  const articles = candidates.map((candidate) => candidate.article);
  return findTermHits(terms, articles, firstAfter(candidates, lowestCursor));
}

function candidatesOf(articles: ArticleStore, ledger: ArticleLedger): Candidate[] {
  const candidates: Candidate[] = [];
  for (const article of articles.list()) {
    const entry = ledger.entry(article.id);
    if (entry === undefined || entry.withdrawnAt !== undefined) continue;
    candidates.push({
      article,
      seq: entry.seq,
      firstSeenMs: Date.parse(entry.firstSeenAt),
      topicIndexes: topicIndexesOf(article),
    });
  }
  return candidates.sort((a, b) => a.seq - b.seq);
}

/** Index of the first candidate with seq > cursor. */
function firstAfter(candidates: readonly Candidate[], cursor: number): number {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((candidates[middle] as Candidate).seq <= cursor) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The items at these candidate indexes, as a list shared by every reader who gets
 * exactly these. Candidates are PushItems themselves: no object per (reader, item).
 */
function listOf(
  indexes: readonly number[],
  candidates: readonly Candidate[],
  lists: Map<string, readonly PushItem[]>,
): readonly PushItem[] {
  const key = indexes.join(",");
  let list = lists.get(key);
  if (list === undefined) {
    list = indexes.map((index) => candidates[index] as Candidate);
    lists.set(key, list);
  }
  return list;
}

/**
 * Decides, from the stores alone, what every active reader is owed now. Pure: the
 * same stores and time give the same plan, so a run after a crash resumes where the
 * cursors say.
 */
export function planPushes(input: {
  readers: Iterable<Reader>;
  articles: ArticleStore;
  ledger: ArticleLedger;
  now: Date;
}): PushPlan {
  const candidates = candidatesOf(input.articles, input.ledger);
  // Read twice: once for the terms to match, once to plan.
  const readers = [...input.readers];
  const termHits = termHitsOf(readers, candidates);
  const maxSeq = input.ledger.maxSeq();
  const plans: ReaderPlan[] = [];
  let waiting = 0;
  const followTimes: FollowTimes = new Float64Array(TOPIC_IDS.length);
  // Readers who get the same items share one list: most readers follow one of a few
  // topic combinations, so 100k readers need a few dozen lists, not 100k of them.
  const itemLists = new Map<string, readonly PushItem[]>();
  const matched: number[] = [];

  for (const reader of readers) {
    if (!reader.active) continue;
    // Digest readers are looked at even with nothing new: a due day is marked served.
    if (reader.cursor >= maxSeq && reader.delivery.mode === "instant") continue;

    const start = firstAfter(candidates, reader.cursor);
    readFollowTimes(reader, followTimes);
    const { watched, muted } = termChoicesOf(reader, termHits, candidates, start);
    matched.length = 0;
    // Stored items before the first match: the cursor may always pass over these.
    let skippedBeforeFirst = 0;
    let seqBeforeFirst = reader.cursor;
    for (let index = start; index < candidates.length; index += 1) {
      const candidate = candidates[index] as Candidate;
      const wanted =
        followsBefore(followTimes, candidate.topicIndexes, candidate.firstSeenMs) ||
        watched?.has(index) === true;
      if (wanted && muted?.has(index) !== true) {
        matched.push(index);
      } else if (matched.length === 0) {
        skippedBeforeFirst += 1;
        seqBeforeFirst = candidate.seq;
      }
    }
    const items = listOf(matched, candidates, itemLists);

    const { delivery, chatId } = reader;
    if (delivery.mode === "digest") {
      const { due, localDate } = isDigestDue(delivery, reader.lastDigestOn, input.now);
      if (due) {
        plans.push({ kind: "digest", chatId, items, finalCursor: maxSeq, localDate });
        continue;
      }
    } else if (items.length > 0 && !isQuietAt(delivery, input.now)) {
      plans.push({ kind: "instant", chatId, items, finalCursor: maxSeq });
      continue;
    }

    waiting += items.length;
    // Items after the last stored one (removed from the store) count as skippable too.
    const target = items.length === 0 ? maxSeq : seqBeforeFirst;
    const behind = items.length === 0 ? candidates.length - start : skippedBeforeFirst;
    if (target > reader.cursor && behind >= LAZY_ADVANCE_MIN_ITEMS) {
      plans.push({ kind: "advance", chatId, finalCursor: target });
    }
  }
  return { readers: plans, waiting };
}
