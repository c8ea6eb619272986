import type { BuildOutcome } from "../ingest/build-article.js";
import type { Candidate } from "../ingest/types.js";

/** The candidate with its page's editions, when it has any. */
export function withAlternates(outcome: BuildOutcome, alternates: readonly string[]): BuildOutcome {
  if (outcome.status !== "ready" || alternates.length === 0) return outcome;
  const own = outcome.candidate.url;
  const others = alternates.filter((url) => url !== own);
  if (others.length === 0) return outcome;
  const candidate: Candidate = { ...outcome.candidate, alternates: others };
  return { ...outcome, candidate };
}
