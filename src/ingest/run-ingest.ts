import { ArticleFileError, MAX_TITLE_LENGTH, validateArticleFile } from "../articles/schema.js";
import type { Clock } from "../clock.js";
import type { Locale } from "../locales.js";
import { buildCandidate } from "./build-article.js";
import { type MergeOutcome, mergeArticles, wantsTranslation } from "./merge.js";
import { parseFeedText } from "./parse-feed.js";
import { parseHtmlPage } from "./parse-html.js";
import { parsePlainText } from "./parse-text.js";
import type { IngestReport, ReportRow } from "./report.js";
import {
  createDocumentReaders,
  type DocumentReaders,
  readSource,
  type SourceReaders,
} from "./sources.js";
import { newProblems, readStore, writeStore } from "./store-file.js";
import { createTopicTagger, type TopicTagger } from "./topic-lexicon.js";
import type { Translator } from "./translate.js";
import { type Candidate, IngestError, type RawArticle } from "./types.js";

/** Sources read at once: enough to hide network latency, few enough to be polite to one site. */
export const SOURCE_CONCURRENCY = 4;

export interface IngestOptions {
  sources: readonly string[];
  dryRun: boolean;
  /** The article's address as the editor gave it (`--url`), for a single page or text. */
  givenUrl?: string;
  storePath: string;
  /** How messages name the store, e.g. "data/articles.json". */
  storeLabel: string;
}

export interface IngestDeps extends SourceReaders {
  clock: Clock;
  /** Fills the other language when set (TRANSLATE_URL). */
  translator?: Translator;
  /** Called once per source when it is done, for the progress bar. */
  onSourceDone?: (origin: string) => void;
}

/** Per source, in order: rows decided while reading (skipped, failed) and articles to merge. */
type SourceEntry = { row: ReportRow } | { candidate: Candidate };

async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A fetched or read document as the pipeline's articles; the newsroom parses its fetches here too. */
export function parseDocument(
  document: Awaited<ReturnType<typeof readSource>>,
  givenUrl: string | undefined,
): RawArticle[] {
  switch (document.kind) {
    case "feed":
      if (givenUrl) {
        throw new IngestError(
          "--url names one article, but this is a feed: its items carry their own links",
        );
      }
      return parseFeedText(document.text, {
        origin: document.origin,
        baseUrl: document.fetchedUrl,
      });
    case "html":
      return [
        parseHtmlPage(document.text, document.origin, {
          fetchedUrl: document.fetchedUrl,
          givenUrl,
        }),
      ];
    case "text": {
      const raw = parsePlainText(document.text, document.origin, document.fetchedUrl);
      return [givenUrl ? { ...raw, url: givenUrl } : raw];
    }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof IngestError) return error.message;
  // A library tripping over odd input must not stop the other sources.
  return `unexpected error: ${(error as Error)?.message ?? String(error)}`;
}

async function readOneSource(
  origin: string,
  givenUrl: string | undefined,
  readers: DocumentReaders,
  tagger: TopicTagger,
): Promise<SourceEntry[]> {
  let raws: RawArticle[];
  try {
    raws = parseDocument(await readSource(origin, readers), givenUrl);
  } catch (error) {
    return [{ row: { status: "failed", subject: origin, detail: describeFailure(error) } }];
  }
  if (raws.length === 0) {
    return [{ row: { status: "skipped", subject: origin, detail: "the feed has no items" } }];
  }
  return raws.map((raw): SourceEntry => {
    try {
      const outcome = buildCandidate(raw, tagger);
      return outcome.status === "ready"
        ? { candidate: outcome.candidate }
        : { row: { status: outcome.status, subject: outcome.label, detail: outcome.reason } };
    } catch (error) {
      return { row: { status: "failed", subject: raw.label, detail: describeFailure(error) } };
    }
  });
}

async function addTranslation(
  candidate: Candidate,
  translator: Translator,
  stored: readonly unknown[],
): Promise<void> {
  if (!wantsTranslation(stored, candidate)) return;
  const from = candidate.language;
  const to: Locale = from === "fr" ? "en" : "fr";
  const brief = candidate.briefs[from];
  if (!brief) return;
  try {
    const translated = await translator.translateBrief(brief, from, to);
    if (translated.title.length > MAX_TITLE_LENGTH) {
      throw new Error(`the translated title is longer than ${MAX_TITLE_LENGTH} characters`);
    }
    candidate.briefs[to] = translated;
  } catch (error) {
    candidate.warnings.push(`not translated to ${to}: ${(error as Error).message}`);
  }
}

const MISSING_URL_NOTE: Record<Candidate["sourceKind"], string> = {
  text: 'no URL in the text, so it links to a search for the headline (add a "URL: …" line)',
  html: 'the page names no address of its own (no canonical link, og:url or "saved from" comment), so it links to a search for the headline (give it with --url)',
  feed: "the item has no link, so it links to a search for the headline",
};

function rowFor(outcome: MergeOutcome): ReportRow {
  const { candidate } = outcome;
  const notes = [...candidate.warnings];
  switch (outcome.status) {
    case "added": {
      const languages = Object.keys(candidate.briefs).join("+");
      if (!candidate.hasOwnUrl) notes.unshift(MISSING_URL_NOTE[candidate.sourceKind]);
      return {
        status: "added",
        subject: outcome.id,
        detail: [`${languages}; topics: ${candidate.topics.join(", ")}`, ...notes].join("; "),
      };
    }
    case "skipped":
      return { status: "skipped", subject: candidate.label, detail: outcome.reason };
    case "merged": {
      const how = outcome.byLink ? "same address" : "near-duplicate text";
      const what = outcome.addedBrief
        ? `its ${candidate.language} brief added`
        : `${candidate.source} listed in alsoReportedBy`;
      return {
        status: outcome.changed ? "updated" : "unchanged",
        subject: outcome.id,
        detail: [`${candidate.label}: same story (${how}); ${what}`, ...notes].join("; "),
      };
    }
    default: {
      const parts: string[] = [];
      if (outcome.changed.length > 0) parts.push(`changed: ${outcome.changed.join(", ")}`);
      if (outcome.handWritten && outcome.changed.length === 0) {
        parts.push(`written by hand; left as is (matched by ${outcome.matchedBy})`);
      } else if (outcome.kept.length > 0) {
        parts.push(`kept editor's: ${outcome.kept.join(", ")}`);
      }
      return {
        status: outcome.status,
        subject: outcome.id,
        detail: [...parts, ...notes].join("; "),
      };
    }
  }
}

/**
 * Reads every source, turns its articles into briefs and merges them into the
 * store. A broken source becomes a "failed" row and the others go on; the store
 * is written once, whole and validated, or not at all.
 */
export async function runIngest(options: IngestOptions, deps: IngestDeps): Promise<IngestReport> {
  const { storePath, storeLabel, dryRun } = options;
  const report = (rows: ReportRow[], extra: Partial<IngestReport> = {}): IngestReport => ({
    rows,
    storeLabel,
    dryRun,
    wrote: false,
    ...extra,
  });
  const refuse = (error: unknown, rows: ReportRow[]) => {
    if (!(error instanceof ArticleFileError)) throw error;
    return report(rows, {
      fatal: `${error.message}. Nothing was written; fix the file (or move it away) and run again.`,
    });
  };

  // Before any download: a store we could not write back is worth knowing at once.
  try {
    await readStore(storePath, storeLabel);
  } catch (error) {
    return refuse(error, []);
  }

  const tagger = createTopicTagger();
  const readers = createDocumentReaders(deps, deps.clock);
  const perSource = await mapWithLimit(options.sources, SOURCE_CONCURRENCY, async (origin) => {
    try {
      return await readOneSource(origin, options.givenUrl, readers, tagger);
    } finally {
      deps.onSourceDone?.(origin);
    }
  });
  const entries = perSource.flat();
  const candidates = entries.flatMap((entry) => ("candidate" in entry ? [entry.candidate] : []));

  // Read again: an editor may have saved while the sources were downloading.
  let snapshot: Awaited<ReturnType<typeof readStore>>;
  try {
    snapshot = await readStore(storePath, storeLabel);
  } catch (error) {
    return refuse(
      error,
      entries.flatMap((entry) => ("row" in entry ? [entry.row] : [])),
    );
  }
  const stored = snapshot.file.articles;
  const { translator } = deps;
  if (translator) {
    await mapWithLimit(candidates, SOURCE_CONCURRENCY, (candidate) =>
      addTranslation(candidate, translator, stored),
    );
  }

  const invalid = new Set(
    stored.flatMap((item, index) =>
      validateArticleFile({ articles: [item] }, storeLabel).problems.length > 0 ? [index] : [],
    ),
  );
  const merged = mergeArticles(stored, candidates, deps.clock.now().toISOString(), { invalid });
  const outcomeOf = new Map(merged.outcomes.map((outcome) => [outcome.candidate, outcome]));
  const rows = entries.map((entry) => {
    if ("row" in entry) return entry.row;
    const outcome = outcomeOf.get(entry.candidate);
    if (!outcome) throw new Error(`internal: no merge outcome for ${entry.candidate.label}`);
    return rowFor(outcome);
  });

  if (!merged.changed || dryRun) return report(rows);
  const next = { ...snapshot.file, articles: merged.articles };
  const problems = newProblems(next, snapshot, storeLabel);
  if (problems.length > 0) {
    return report(rows, {
      fatal: `the new store would not validate, so nothing was written:\n  ${problems.join("\n  ")}`,
    });
  }
  try {
    await writeStore(storePath, next);
  } catch (error) {
    return report(rows, {
      fatal: `${storeLabel} could not be written (${(error as Error).message}); it is unchanged.`,
    });
  }
  return report(rows, { wrote: true });
}
