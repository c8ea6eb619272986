import type { Article } from "../articles/schema.js";
import { type Html, join, text } from "../briefs/html.js";
import type { Translator } from "../briefs/render.js";
import type { Reader } from "../readers/reader.js";
import { displayTerm, matchArticle } from "./match.js";

/**
 * What one reader's watch and mute lists say about one article: the rules the push
 * plan applies in bulk (term-hits.ts), for the send-time check, /latest and /why.
 */

/** The reader's watched terms the article mentions, watched since before the bot first saw it. */
export function watchReasons(
  reader: Reader,
  article: Pick<Article, "briefs" | "source">,
  firstSeenAt: string,
): string[] {
  const watch = reader.watch ?? {};
  const firstSeenMs = Date.parse(firstSeenAt);
  return matchArticle(article, Object.keys(watch)).filter(
    (term) => Date.parse(watch[term] as string) <= firstSeenMs,
  );
}

/** True when the article mentions one of the reader's muted terms: a mute beats topics and watches. */
export function isMutedFor(reader: Reader, article: Pick<Article, "briefs" | "source">): boolean {
  return reader.mute !== undefined && matchArticle(article, Object.keys(reader.mute)).length > 0;
}

/** «nvidia, "digital euro", $NVDA» as shown back to the reader. */
export function describeTerms(terms: readonly string[]): string {
  return terms
    .map((term) => {
      const shown = displayTerm(term);
      return shown.includes(" ") ? `"${shown}"` : shown;
    })
    .join(", ");
}

/**
 * The line a pushed brief starts with when watched terms brought it ("👁 nvidia"),
 * followed by the brief; the brief alone when none did.
 */
export function withWatchReason(
  brief: Html,
  reasons: readonly string[],
  reader: Pick<Reader, "locale">,
  i18n: Translator,
): Html {
  if (reasons.length === 0) return brief;
  const line = text(i18n.t(reader.locale, "push-reason-watch", { terms: describeTerms(reasons) }));
  return join([line, brief], "\n");
}
