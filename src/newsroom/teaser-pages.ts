import type { RawArticle } from "../ingest/types.js";
import type { DocumentReader } from "./document-reader.js";
import type { PageCacheEntry } from "./newsroom-state.js";
import type { PoliteFetcher } from "./polite-fetcher.js";

/** A teaser's page that cannot be read is tried on this many passes, then left alone. */
export const MAX_PAGE_ATTEMPTS = 3;
const ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

export type TeaserCompletion =
  /** `alternates`: the page's other language editions (hreflang), for the merge. */
  | { ok: true; raw: RawArticle; alternates: string[] }
  /** `final`: no more attempts; otherwise a later pass tries again. */
  | { ok: false; reason: string; final: boolean };

export interface TeaserDeps {
  fetcher: PoliteFetcher;
  /** Extraction runs here (worker threads in the bot). */
  reader: DocumentReader;
  /** The newsroom state's page cache, by URL; updated in place. */
  pages: Record<string, PageCacheEntry>;
  now: Date;
}

/**
 * A feed item too short for a brief, completed with its page's main text (the
 * same Readability path as `npm run ingest`). Each page is fetched once: the text
 * is cached by URL, and a page that fails is retried at most MAX_PAGE_ATTEMPTS times.
 */
export async function completeTeaser(
  raw: RawArticle & { url: string },
  deps: TeaserDeps,
): Promise<TeaserCompletion> {
  const cached = deps.pages[raw.url];
  if (cached && !cached.ok && cached.attempts >= MAX_PAGE_ATTEMPTS) {
    return {
      ok: false,
      reason: `page not read after ${cached.attempts} attempts (${cached.lastError})`,
      final: true,
    };
  }
  const page = cached?.ok ? cached : await fetchPage(raw, deps, cached?.attempts ?? 0);
  if (!page.ok) {
    return {
      ok: false,
      reason: `page not readable: ${page.lastError}`,
      final: page.attempts >= MAX_PAGE_ATTEMPTS,
    };
  }
  return {
    ok: true,
    raw: {
      ...raw,
      blocks: page.blocks,
      languageHint: raw.languageHint ?? page.languageHint,
    },
    // A state file written before editions were kept may hold something else here.
    alternates: Array.isArray(page.alternates) ? page.alternates : [],
  };
}

async function fetchPage(
  raw: RawArticle & { url: string },
  deps: TeaserDeps,
  attemptsBefore: number,
): Promise<PageCacheEntry> {
  const answer = await deps.fetcher.get(raw.url, { accept: ACCEPT_PAGE });
  let entry: PageCacheEntry;
  if (answer.kind !== "ok") {
    entry = failed(answer.kind === "failed" ? answer.error : "HTTP 304 to a plain GET");
  } else {
    const article = await deps.reader.extract(answer.text, answer.url, raw.languageHint);
    entry = article.ok
      ? {
          ok: true,
          fetchedAt: deps.now.toISOString(),
          blocks: article.blocks,
          ...(article.metadata.languageHint ? { languageHint: article.metadata.languageHint } : {}),
          ...(article.alternates ? { alternates: article.alternates } : {}),
        }
      : failed(article.reason);
  }
  deps.pages[raw.url] = entry;
  return entry;

  function failed(lastError: string): PageCacheEntry {
    return {
      ok: false,
      lastAttemptAt: deps.now.toISOString(),
      attempts: attemptsBefore + 1,
      lastError,
    };
  }
}
