import type { Candidate } from "../ingest/types.js";
import { withAlternates } from "./alternates.js";
import type { SourceState } from "./newsroom-state.js";
import type { PoliteFetcher, Validators } from "./polite-fetcher.js";
import type { Source } from "./sources-file.js";
import { completeTeaser, type TeaserDeps } from "./teaser-pages.js";

const ACCEPT_FEED_OR_PAGE =
  "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

export type SourceRead =
  | {
      kind: "ok";
      /** What to send next time; the old ones when an item must be read again next pass. */
      validators: Validators;
      feedIntervalMinutes?: number;
      candidates: Candidate[];
      /** Items left out for a reason an editor should see (a teaser's page unreadable). */
      problems: string[];
    }
  | { kind: "not-modified"; validators: Validators }
  | { kind: "failed"; error: string; retryAfterMs?: number };

export interface ReadSourceDeps extends TeaserDeps {
  fetcher: PoliteFetcher;
}

/**
 * One source, fetched conditionally and read by the ingest pipeline (through the
 * document reader: off the event loop in the bot): its items as candidates for the
 * store. Teasers get their page's text. A site's answer never throws: the pass
 * records the error and goes on with the other sources.
 */
export async function readNewsroomSource(
  source: Source,
  state: SourceState,
  deps: ReadSourceDeps,
): Promise<SourceRead> {
  const answer = await deps.fetcher.get(source.url, {
    validators: state.validators,
    accept: ACCEPT_FEED_OR_PAGE,
  });
  if (answer.kind === "failed") {
    return {
      kind: "failed",
      error: answer.error,
      ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}),
    };
  }
  if (answer.kind === "not-modified")
    return { kind: "not-modified", validators: answer.validators };

  const reading = await deps.reader.read({
    text: answer.text,
    contentType: answer.contentType,
    fetchedUrl: answer.url,
    source,
  });
  if (!reading.ok) return { kind: "failed", error: reading.error };
  const candidates: Candidate[] = [];
  const problems: string[] = [];
  let readAgain = false;
  for (const { raw, outcome: first } of reading.items) {
    let outcome = first;
    if (outcome.status !== "ready" && outcome.tooShort && raw.kind === "feed" && raw.url) {
      const completed = await completeTeaser({ ...raw, url: raw.url }, deps);
      if (!completed.ok) {
        problems.push(`${raw.label}: ${completed.reason}`);
        readAgain ||= !completed.final;
        continue;
      }
      outcome = withAlternates(
        await deps.reader.build(completed.raw, source),
        completed.alternates,
      );
    }
    if (outcome.status === "ready") candidates.push(outcome.candidate);
  }
  return {
    kind: "ok",
    // Old validators make the next pass get the feed whole again, so the item is retried.
    validators: readAgain ? state.validators : answer.validators,
    ...(reading.feedIntervalMinutes !== undefined
      ? { feedIntervalMinutes: reading.feedIntervalMinutes }
      : {}),
    candidates,
    problems,
  };
}
