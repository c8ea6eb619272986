import { buildCandidate } from "../ingest/build-article.js";
import { parseDocument } from "../ingest/run-ingest.js";
import { detectKind } from "../ingest/sources.js";
import type { TopicTagger } from "../ingest/topic-lexicon.js";
import { type Candidate, IngestError, type RawArticle } from "../ingest/types.js";
import type { TopicId } from "../topics/catalog.js";
import { feedIntervalMinutes } from "./feed-interval.js";
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
  tagger: TopicTagger;
}

/** The editor's topics for this source join what the lexicon finds. */
export function withTopicHints(tagger: TopicTagger, hints: readonly TopicId[] = []): TopicTagger {
  if (hints.length === 0) return tagger;
  return {
    mentions: (text) => tagger.mentions(text),
    tag(article) {
      const found = tagger.tag(article);
      const missing = hints.filter((topic) => !found.some((entry) => entry.topic === topic));
      return [...found, ...missing.map((topic) => ({ topic, score: 0 }))];
    },
  };
}

function withSourceHints(raw: RawArticle, source: Source): RawArticle {
  return {
    ...raw,
    origin: source.url,
    sourceName: source.name ?? raw.sourceName,
    languageHint: source.language ?? raw.languageHint,
  };
}

/**
 * One source, fetched conditionally and read by the ingest pipeline: its items as
 * candidates for the store. Teasers get their page's text; never throws for what a
 * site serves (the pass records the error and goes on with the other sources).
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

  let raws: RawArticle[];
  try {
    const kind = detectKind(answer.text, { contentType: answer.contentType });
    raws = parseDocument(
      { origin: source.url, kind, text: answer.text, fetchedUrl: answer.url },
      undefined,
    );
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return { kind: "failed", error: error.message };
  }
  const tagger = withTopicHints(deps.tagger, source.topics);
  const candidates: Candidate[] = [];
  const problems: string[] = [];
  let readAgain = false;
  for (const parsed of raws) {
    const raw = withSourceHints(parsed, source);
    let outcome = buildCandidate(raw, tagger);
    if (outcome.status !== "ready" && outcome.tooShort && raw.kind === "feed" && raw.url) {
      const completed = await completeTeaser({ ...raw, url: raw.url }, deps);
      if (completed.ok) outcome = buildCandidate(completed.raw, tagger);
      else {
        problems.push(`${raw.label}: ${completed.reason}`);
        readAgain ||= !completed.final;
        continue;
      }
    }
    if (outcome.status === "ready") candidates.push(outcome.candidate);
  }
  const interval = raws[0]?.kind === "feed" ? feedIntervalMinutes(answer.text) : undefined;
  return {
    kind: "ok",
    // Old validators make the next pass get the feed whole again, so the item is retried.
    validators: readAgain ? state.validators : answer.validators,
    ...(interval !== undefined ? { feedIntervalMinutes: interval } : {}),
    candidates,
    problems,
  };
}
