import { Readability } from "@mozilla/readability";
import { removeFurnitureElements } from "./clean.js";
import { collapseSpaces, htmlBlocks, htmlFragmentBlocks, parseHtmlDocument } from "./html-text.js";
import { absoluteUrl, hostName, toIsoDate } from "./metadata.js";
import type { RawArticle } from "./types.js";

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

/**
 * An article page: the headline and metadata from the page's own tags, the main
 * text from Readability once navigation, promos, share buttons and footers are gone.
 */
export function parseHtmlPage(html: string, origin: string, pageUrl?: string): RawArticle {
  const document = parseHtmlDocument(html);

  // Read the metadata first: Readability rewrites the document it is given.
  const canonical =
    absoluteUrl(
      document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? undefined,
      pageUrl,
    ) ?? absoluteUrl(metaContent(document, "og:url"), pageUrl);
  const url = canonical ?? pageUrl;
  const siteName = metaContent(document, "og:site_name", "application-name");
  const heading = collapseSpaces(
    document.querySelector("article h1, main h1, h1")?.textContent ?? "",
  );
  const documentTitle = collapseSpaces(document.querySelector("title")?.textContent ?? "");
  const title =
    metaContent(document, "og:title", "twitter:title") ??
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
    timeElement?.getAttribute("datetime") ??
    undefined;
  const languageHint =
    document.documentElement?.getAttribute("lang") ??
    metaContent(document, "og:locale") ??
    undefined;

  removeFurnitureElements(document);
  const readable = new Readability(document).parse();
  let blocks = readable?.content ? htmlFragmentBlocks(readable.content) : [];
  if (blocks.length === 0) {
    const main =
      document.querySelector("article") ?? document.querySelector("main") ?? document.body;
    blocks = main ? htmlBlocks(main) : [];
  }

  return {
    kind: "html",
    origin,
    label: origin,
    title: title || collapseSpaces(readable?.title ?? ""),
    blocks,
    url,
    publishedAt: toIsoDate(declaredDate ?? readable?.publishedTime ?? undefined),
    languageHint: languageHint ?? readable?.lang ?? undefined,
    sourceName: siteName ?? readable?.siteName ?? hostName(url) ?? origin,
    keywords: [],
  };
}
