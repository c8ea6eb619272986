import type { Article } from "../../articles/schema.js";
import { orderByVotes } from "../../feedback/votes.js";
import type { Reader } from "../../readers/reader.js";
import type { TopicMatcher } from "../../topics/aliases.js";
import type { TopicId } from "../../topics/catalog.js";
import { createTermIndex, parseTerms, type TermProblem } from "../../watchlist/match.js";

/**
 * What a brief search lists: everything, the reader's topics, the topics named, or
 * the briefs that mention the terms named. Shared by /latest and inline mode, so
 * "@bot words" finds what "/latest words" finds.
 */
export type BriefScope =
  | { kind: "all" }
  | { kind: "mine" }
  | { kind: "topics"; topics: TopicId[] }
  | { kind: "terms"; terms: string[] };

export type WordsScope =
  | { kind: "scope"; scope: Extract<BriefScope, { kind: "topics" | "terms" }> }
  | { kind: "invalid"; problems: TermProblem[] };

/** Topics win when every word names one; anything else is looked for in the briefs. */
export function scopeOfWords(matcher: TopicMatcher, words: string): WordsScope {
  const { topics, unknown } = matcher.parse(words);
  if (unknown.length === 0 && topics.length > 0) {
    return { kind: "scope", scope: { kind: "topics", topics } };
  }
  const { terms, problems } = parseTerms(words);
  if (problems.length > 0 || terms.length === 0) return { kind: "invalid", problems };
  return { kind: "scope", scope: { kind: "terms", terms } };
}

function inScope(scope: BriefScope, followed: readonly TopicId[]): (article: Article) => boolean {
  if (scope.kind === "terms") {
    const index = createTermIndex(scope.terms);
    return (article) => index.match(article).length > 0;
  }
  const wanted = scope.kind === "topics" ? scope.topics : scope.kind === "mine" ? followed : [];
  if (wanted.length === 0) return () => true;
  return (article) => article.topics.some((topic) => wanted.includes(topic));
}

/**
 * The scope's articles without those the reader's mute excludes: newest first, those
 * close to what the reader liked before those close to what they disliked.
 */
export function articlesInScope(
  articles: readonly Article[],
  scope: BriefScope,
  followed: readonly TopicId[],
  reader: Reader | undefined,
): readonly Article[] {
  const wanted = inScope(scope, followed);
  // One index for the reader's mutes, not one per article.
  const mutes = reader?.mute ? createTermIndex(Object.keys(reader.mute)) : undefined;
  const kept = articles.filter(
    (article) => wanted(article) && !(mutes && mutes.match(article).length > 0),
  );
  return orderByVotes(kept, reader?.feedback);
}
