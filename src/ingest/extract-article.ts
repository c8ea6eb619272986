import type { Locale } from "../locales.js";
import { detectLanguage, languageSkipReason } from "./language.js";
import { NO_PAGE_TEXT_REASON, type PageUrlSource, parseHtmlPage } from "./parse-html.js";
import type { TextBlock } from "./types.js";

export interface ExtractOptions {
  /** The page's address when known (where it was fetched from, a feed item's link). */
  url?: string;
  /** The language the source declares ("fr", "en-GB", a feed's <language>). */
  hint?: string;
}

export type ExtractedArticle =
  | {
      ok: true;
      title: string;
      /** The main text, one paragraph or subheading per line. */
      text: string;
      blocks: TextBlock[];
      language: Locale;
      metadata: {
        url?: string;
        urlSource?: PageUrlSource;
        siteName: string;
        publishedAt?: string;
        languageHint?: string;
      };
    }
  | { ok: false; reason: string };

/**
 * One article page read the way `npm run ingest` reads it: Readability's main text
 * with furniture removed, title, metadata and language (French or English only).
 * For callers that fetch pages themselves (the newsroom reading a teaser's link);
 * never throws on odd HTML, every failure is a reason an editor can read.
 */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  const page = parseHtmlPage(html, options.url ?? "page", { fetchedUrl: options.url });
  const paragraphs = page.blocks.filter((block) => block.kind === "paragraph");
  if (paragraphs.length === 0) {
    return {
      ok: false,
      reason: NO_PAGE_TEXT_REASON,
    };
  }
  if (page.title === "") return { ok: false, reason: "no headline found" };
  const text = page.blocks.map((block) => block.text).join("\n");
  const language = detectLanguage(`${page.title}\n${text}`, page.languageHint ?? options.hint);
  if (!language.ok) return { ok: false, reason: languageSkipReason(language.detected) };
  return {
    ok: true,
    title: page.title,
    text,
    blocks: page.blocks,
    language: language.language,
    metadata: {
      url: page.url,
      urlSource: page.urlSource,
      siteName: page.sourceName,
      publishedAt: page.publishedAt,
      languageHint: page.languageHint,
    },
  };
}
