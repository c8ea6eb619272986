import type { BuildOutcome } from "../ingest/build-article.js";
import type { Candidate } from "../ingest/types.js";
import { hreflangAlternates } from "./discover.js";

/**
 * The other language editions a page names with hreflang, its own address left out:
 * what lets the merge make one item of an FR and an EN edition of one story.
 */
export function pageAlternates(html: string, pageUrl: string): string[] {
  return Object.values(hreflangAlternates(html, pageUrl)).filter((url) => url !== pageUrl);
}

/** The candidate with its page's editions, when it has any. */
export function withAlternates(outcome: BuildOutcome, alternates: readonly string[]): BuildOutcome {
  if (outcome.status !== "ready" || alternates.length === 0) return outcome;
  const own = outcome.candidate.url;
  const others = alternates.filter((url) => url !== own);
  if (others.length === 0) return outcome;
  const candidate: Candidate = { ...outcome.candidate, alternates: others };
  return { ...outcome, candidate };
}
