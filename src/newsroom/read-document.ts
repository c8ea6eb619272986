import { type BuildOutcome, buildCandidate } from "../ingest/build-article.js";
import { type ExtractedArticle, extractArticle } from "../ingest/extract-article.js";
import { parseDocument } from "../ingest/run-ingest.js";
import { detectKind } from "../ingest/sources.js";
import type { TopicTagger } from "../ingest/topic-lexicon.js";
import { IngestError, type RawArticle } from "../ingest/types.js";
import type { TopicId } from "../topics/catalog.js";
import { withAlternates } from "./alternates.js";
import { pageAlternates } from "./discover.js";
import { feedIntervalMinutes } from "./feed-interval.js";
import type { Source } from "./sources-file.js";

/**
 * The CPU-bound half of reading a source: parsing, extraction, language, brief and
 * topics. Pure and synchronous, so it runs the same in the bot's thread or in a
 * worker (parse-worker.ts); the fetching half stays in read-source.ts.
 */
export interface FetchedDocument {
  text: string;
  contentType: string;
  /** Address after redirects. */
  fetchedUrl: string;
  source: Source;
}

export type DocumentReading =
  | {
      ok: true;
      items: { raw: RawArticle; outcome: BuildOutcome }[];
      /** What a feed asks (<ttl>, sy:updatePeriod), clamped; minutes. */
      feedIntervalMinutes?: number;
    }
  | { ok: false; error: string };

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

/** A feed's items or a page's article, each with what the pipeline made of it. */
export function readFetchedDocument(input: FetchedDocument, tagger: TopicTagger): DocumentReading {
  const { source } = input;
  let raws: RawArticle[];
  try {
    const kind = detectKind(input.text, { contentType: input.contentType });
    raws = parseDocument(
      { origin: source.url, kind, text: input.text, fetchedUrl: input.fetchedUrl },
      undefined,
    );
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return { ok: false, error: error.message };
  }
  const hinted = withTopicHints(tagger, source.topics);
  const alternates = raws[0]?.kind === "html" ? pageAlternates(input.text, input.fetchedUrl) : [];
  const items = raws.map((parsed) => {
    const raw = withSourceHints(parsed, source);
    return { raw, outcome: withAlternates(buildCandidate(raw, hinted), alternates) };
  });
  const interval = raws[0]?.kind === "feed" ? feedIntervalMinutes(input.text) : undefined;
  return { ok: true, items, ...(interval !== undefined ? { feedIntervalMinutes: interval } : {}) };
}

/** A teaser's page read: its main text (the way `npm run ingest` reads a page), and its editions. */
export type ExtractedPage = ExtractedArticle & { alternates?: string[] };

/** A teaser's page: its main text, read the way `npm run ingest` reads a page. */
export function extractPage(html: string, url: string, hint?: string): ExtractedPage {
  const article = extractArticle(html, { url, ...(hint ? { hint } : {}) });
  if (!article.ok) return article;
  const alternates = pageAlternates(html, url);
  return alternates.length > 0 ? { ...article, alternates } : article;
}

/** The brief of an item whose text came from elsewhere (a teaser's page). */
export function buildItem(raw: RawArticle, source: Source, tagger: TopicTagger): BuildOutcome {
  return buildCandidate(raw, withTopicHints(tagger, source.topics));
}
