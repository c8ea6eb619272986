import type { Article } from "../articles/schema.js";
import { isTopicId, type TopicId } from "../topics/catalog.js";
import type { CheckedList } from "../watchlist/term-list.js";

/**
 * A reader's 👍 and 👎 on briefs, kept with the reader: what /latest orders by, what
 * the source-mute offer counts, what /stats sums. Pure functions; the store is the
 * reader store.
 */
export type VoteKind = "up" | "down";

export interface Vote {
  vote: VoteKind;
  /** The article's source and topics when voted on: the store may drop the article later. */
  source: string;
  topics: TopicId[];
  /** ISO time of the vote. */
  at: string;
}

/** Article id → the reader's latest vote on it. */
export type Votes = Record<string, Vote>;

/** Older votes are dropped past this many: a reader's taste, not an archive. */
export const MAX_VOTES_PER_READER = 200;
export const WEEK_MS = 7 * 24 * 3_600_000;
/** 👎 on this many items of one source within a week brings the offer to mute it. */
export const SOURCE_MUTE_OFFER_AFTER = 2;

export function recordVote(
  votes: Votes | undefined,
  article: Article,
  vote: VoteKind,
  now: Date,
): Votes {
  const next: Votes = {
    ...votes,
    [article.id]: {
      vote,
      source: article.source,
      topics: [...article.topics],
      at: now.toISOString(),
    },
  };
  const ids = Object.keys(next);
  if (ids.length <= MAX_VOTES_PER_READER) return next;
  const oldest = ids.sort(
    (a, b) => Date.parse((next[a] as Vote).at) - Date.parse((next[b] as Vote).at),
  );
  for (const id of oldest.slice(0, ids.length - MAX_VOTES_PER_READER)) delete next[id];
  return next;
}

/** True for a vote of the 7 days before `now` (a vote dated later, from a skewed clock, is not). */
function isOfLastWeek(vote: Vote, now: Date): boolean {
  const ageMs = now.getTime() - Date.parse(vote.at);
  return ageMs >= 0 && ageMs <= WEEK_MS;
}

/** How many items of `source` the reader disliked in the week before `now`. */
export function recentDislikes(votes: Votes | undefined, source: string, now: Date): number {
  let count = 0;
  for (const vote of Object.values(votes ?? {})) {
    if (vote.vote === "down" && vote.source === source && isOfLastWeek(vote, now)) count += 1;
  }
  return count;
}

/**
 * Articles in the reader's order: those close to what they liked (same source, shared
 * topics) first, those close to what they disliked last, newest first among equals.
 * Nothing is left out: only a mute hides.
 */
export function orderByVotes<T extends Pick<Article, "source" | "topics">>(
  articles: readonly T[],
  votes: Votes | undefined,
): readonly T[] {
  if (votes === undefined || Object.keys(votes).length === 0) return articles;
  const bySource = new Map<string, number>();
  const byTopic = new Map<string, number>();
  for (const vote of Object.values(votes)) {
    const sign = vote.vote === "up" ? 1 : -1;
    // A source says more about a reader's taste than one topic among several.
    bySource.set(vote.source, (bySource.get(vote.source) ?? 0) + 2 * sign);
    for (const topic of vote.topics) byTopic.set(topic, (byTopic.get(topic) ?? 0) + sign);
  }
  const scored = articles.map((article, index) => {
    let score = bySource.get(article.source) ?? 0;
    for (const topic of article.topics) score += byTopic.get(topic) ?? 0;
    return { article, index, score };
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map((entry) => entry.article);
}

/**
 * A hand-editable vote list checked on load: a bad vote is left out and reported,
 * and past 200 the oldest go, as recordVote would have done.
 */
export function checkVotes(value: unknown): CheckedList<Votes> {
  if (value === undefined) return { list: undefined, problems: [] };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      list: undefined,
      problems: [`${JSON.stringify(value)} is not an article id → vote object; left out`],
    };
  }
  const problems: string[] = [];
  const list: Votes = {};
  for (const [id, vote] of Object.entries(value as Record<string, Partial<Vote> | null>)) {
    const valid =
      (vote?.vote === "up" || vote?.vote === "down") &&
      typeof vote.source === "string" &&
      Array.isArray(vote.topics) &&
      vote.topics.every(isTopicId) &&
      typeof vote.at === "string" &&
      !Number.isNaN(Date.parse(vote.at));
    if (valid) list[id] = vote as Vote;
    else
      problems.push(
        `${JSON.stringify(id)} needs vote (up|down), source, topics and an ISO time; left out`,
      );
  }
  const ids = Object.keys(list).sort(
    (a, b) => Date.parse((list[b] as Vote).at) - Date.parse((list[a] as Vote).at),
  );
  if (ids.length > MAX_VOTES_PER_READER) {
    problems.push(`holds ${ids.length} votes; keeping the ${MAX_VOTES_PER_READER} newest`);
    for (const id of ids.slice(MAX_VOTES_PER_READER)) delete list[id];
  }
  return { list, problems };
}

export interface FeedbackTally {
  id: string;
  up: number;
  down: number;
}

/** 👍 and 👎 of the last week, per article and per source, most liked first. */
export function tallyVotes(
  allVotes: Iterable<Votes | undefined>,
  now: Date,
): { items: FeedbackTally[]; sources: FeedbackTally[] } {
  const items = new Map<string, FeedbackTally>();
  const sources = new Map<string, FeedbackTally>();
  const add = (into: Map<string, FeedbackTally>, id: string, kind: VoteKind) => {
    const tally = into.get(id) ?? { id, up: 0, down: 0 };
    tally[kind] += 1;
    into.set(id, tally);
  };
  for (const votes of allVotes) {
    for (const [id, vote] of Object.entries(votes ?? {})) {
      if (!isOfLastWeek(vote, now)) continue;
      add(items, id, vote.vote);
      add(sources, vote.source, vote.vote);
    }
  }
  const ranked = (tallies: Map<string, FeedbackTally>) =>
    [...tallies.values()].sort(
      (a, b) => b.up - a.up || a.down - b.down || a.id.localeCompare(b.id),
    );
  return { items: ranked(items), sources: ranked(sources) };
}

/** The votes without the reader's vote on `articleId` (a reaction taken back). */
export function removeVote(votes: Votes | undefined, articleId: string): Votes | undefined {
  if (votes?.[articleId] === undefined) return votes;
  const { [articleId]: _removed, ...rest } = votes;
  return rest;
}
