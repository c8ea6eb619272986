import { Readability } from "@mozilla/readability";
import { removeFurnitureElements } from "./clean.js";
import { collapseSpaces, htmlBlocks, htmlFragmentBlocks, parseHtmlDocument } from "./html-text.js";
import { absoluteUrl, hostName, isHttpUrl, toIsoDate } from "./metadata.js";
import type { RawArticle, TextBlock } from "./types.js";

/**
 * Where a page's own address came from, best first: the editor's `--url`, the
 * page's canonical link, its Open Graph or JSON-LD address, the comment a browser
 * writes when it saves a page, or the address it was downloaded from.
 */
export type PageUrlSource = "given" | "canonical" | "og:url" | "json-ld" | "saved-from" | "fetched";

export interface PageMetadata {
  title: string;
  url?: string;
  urlSource?: PageUrlSource;
  siteName?: string;
  publishedAt?: string;
  /** What the page says its language is (`<html lang>`, og:locale, JSON-LD inLanguage). */
  languageHint?: string;
}

export interface PageOptions {
  /** Where the page was downloaded from (after redirects): the base for relative links. */
  fetchedUrl?: string;
  /** The address an editor gave for this page (`--url`); beats anything the page says. */
  givenUrl?: string;
}

/**
 * Cleaning removes share rows and promos that Readability keeps, so it may leave a
 * little less text; when it leaves less than this share of what Readability reads
 * on the untouched page, it removed part of the article and the raw reading wins.
 */
export const CLEANED_MIN_SHARE = 0.8;

/** Why a page gave no article: said once, for the closing table and for the newsroom. */
export const NO_PAGE_TEXT_REASON =
  "no article text: neither Readability nor the page's main element holds a paragraph (a front page, a login or consent wall, or a page drawn by scripts?)";

// Chrome, Edge and old Internet Explorer write this when they save a page: <!-- saved from url=(0042)https://… -->
const SAVED_FROM = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i;
const ARTICLE_TYPES =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|TechArticle|Report)$/i;

function metaContent(document: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const element =
      document.querySelector(`meta[property="${name}"]`) ??
      document.querySelector(`meta[name="${name}"]`) ??
      document.querySelector(`meta[itemprop="${name}"]`);
    const content = collapseSpaces(element?.getAttribute("content") ?? "");
    if (content !== "") return content;
  }
  return undefined;
}

/** "Nvidia tops $1 trillion | Example News" → "Nvidia tops $1 trillion" when the site is Example News. */
function withoutSiteName(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  const parts = title.split(/\s+[|–—-]\s+/);
  const kept = parts.filter((part) => part.trim().toLowerCase() !== siteName.toLowerCase());
  return kept.length > 0 ? kept.join(" - ") : title;
}

type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const asText = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? collapseSpaces(value) : undefined;

function jsonLdNodes(value: unknown): JsonRecord[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNodes);
  if (!isRecord(value)) return [];
  return [value, ...jsonLdNodes(value["@graph"])];
}

/** The page's schema.org article, if its JSON-LD has one (broken JSON-LD is ignored, as browsers do). */
function jsonLdArticle(document: Document): JsonRecord | undefined {
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const article = jsonLdNodes(parsed).find((node) => {
      const types = ([] as unknown[]).concat(node["@type"] ?? []);
      return types.some((type) => typeof type === "string" && ARTICLE_TYPES.test(type));
    });
    if (article) return article;
  }
  return undefined;
}

function readMetadata(html: string, document: Document, options: PageOptions): PageMetadata {
  const base = options.fetchedUrl;
  const ld = jsonLdArticle(document);
  const ldPage = ld?.mainEntityOfPage;
  const ldUrl = asText(ld?.url) ?? asText(isRecord(ldPage) ? ldPage["@id"] : ldPage);
  const savedFrom = SAVED_FROM.exec(html.slice(0, 4096))?.[1];
  const candidates: [PageUrlSource, string | undefined][] = [
    ["given", options.givenUrl],
    [
      "canonical",
      document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? undefined,
    ],
    ["og:url", metaContent(document, "og:url")],
    ["json-ld", ldUrl],
    ["saved-from", savedFrom],
    ["fetched", base],
  ];
  let url: string | undefined;
  let urlSource: PageUrlSource | undefined;
  for (const [source, href] of candidates) {
    const resolved = absoluteUrl(href, base);
    if (isHttpUrl(resolved)) {
      url = resolved;
      urlSource = source;
      break;
    }
  }

  const publisher = ld?.publisher;
  const siteName =
    metaContent(document, "og:site_name", "application-name") ??
    asText(isRecord(publisher) ? publisher.name : undefined);
  const heading = collapseSpaces(
    document.querySelector("article h1, main h1, h1")?.textContent ?? "",
  );
  const documentTitle = collapseSpaces(document.querySelector("title")?.textContent ?? "");
  const title =
    metaContent(document, "og:title", "twitter:title") ??
    asText(ld?.headline) ??
    (heading || withoutSiteName(documentTitle, siteName));
  const timeElement = document.querySelector(
    "article time[datetime], main time[datetime], time[datetime]",
  );
  const declaredDate =
    metaContent(
      document,
      "article:published_time",
      "datePublished",
      "date",
      "pubdate",
      "dc.date",
    ) ??
    asText(ld?.datePublished) ??
    timeElement?.getAttribute("datetime") ??
    undefined;
  const languageHint =
    asText(document.documentElement?.getAttribute("lang")) ??
    metaContent(document, "og:locale") ??
    asText(ld?.inLanguage);
  return { title, url, urlSource, siteName, publishedAt: toIsoDate(declaredDate), languageHint };
}

interface Reading {
  blocks: TextBlock[];
  title?: string;
  siteName?: string;
  publishedTime?: string;
  lang?: string;
}

const paragraphChars = (blocks: readonly TextBlock[]) =>
  blocks.reduce((sum, block) => sum + (block.kind === "paragraph" ? block.text.length : 0), 0);

/** Readability on one copy of the page; a page it cannot read gives no blocks, not an error. */
function readWithReadability(document: Document): Reading {
  let article: ReturnType<Readability["parse"]> = null;
  try {
    article = new Readability(document).parse();
  } catch {
    // Readability throws on documents it cannot walk (no root element); the fallback below reads them.
  }
  return {
    blocks: article?.content ? htmlFragmentBlocks(article.content) : [],
    title: article?.title ?? undefined,
    siteName: article?.siteName ?? undefined,
    publishedTime: article?.publishedTime ?? undefined,
    lang: article?.lang ?? undefined,
  };
}

/**
 * The article's text: Readability on the page once furniture is gone, unless that
 * reading lost text Readability finds on the untouched page (cleaning cut into the
 * article), and the main element's own blocks when Readability finds nothing.
 */
function readArticleText(html: string): Reading {
  const cleanedDocument = parseHtmlDocument(html);
  removeFurnitureElements(cleanedDocument);
  const cleaned = readWithReadability(cleanedDocument);
  const raw = readWithReadability(parseHtmlDocument(html));
  const best =
    paragraphChars(cleaned.blocks) >= CLEANED_MIN_SHARE * paragraphChars(raw.blocks)
      ? cleaned
      : raw;
  if (best.blocks.length > 0) return best;
  const document = parseHtmlDocument(html);
  removeFurnitureElements(document);
  const main = document.querySelector("article") ?? document.querySelector("main") ?? document.body;
  return { ...best, blocks: main ? htmlBlocks(main) : [] };
}

/**
 * An article page: the headline and metadata from the page's own tags, the main
 * text from Readability once navigation, promos, share buttons and footers are gone.
 */
export function parseHtmlPage(html: string, origin: string, options: PageOptions = {}): RawArticle {
  const metadata = readMetadata(html, parseHtmlDocument(html), options);
  const reading = readArticleText(html);
  return {
    kind: "html",
    origin,
    label: origin,
    title: metadata.title || collapseSpaces(reading.title ?? ""),
    blocks: reading.blocks,
    url: metadata.url,
    urlSource: metadata.urlSource,
    publishedAt: metadata.publishedAt ?? toIsoDate(reading.publishedTime),
    languageHint: metadata.languageHint ?? reading.lang,
    sourceName: metadata.siteName ?? reading.siteName ?? hostName(metadata.url) ?? origin,
    keywords: [],
  };
}
