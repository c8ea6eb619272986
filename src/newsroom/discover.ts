import { parseHTML } from "linkedom";
import { parseHtmlDocument } from "../ingest/html-text.js";
import { absoluteUrl } from "../ingest/metadata.js";

const FEED_TYPES = new Set(["application/rss+xml", "application/atom+xml", "application/rdf+xml"]);

/** Feeds an HTML page advertises with <link rel="alternate" type="application/rss+xml|atom+xml">. */
export function advertisedFeeds(html: string, pageUrl: string): string[] {
  const document = parseHtmlDocument(html);
  const feeds: string[] = [];
  for (const link of document.querySelectorAll("link[rel][href]")) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    const type = (link.getAttribute("type") ?? "").toLowerCase().trim();
    if (!rel.includes("alternate") || !FEED_TYPES.has(type)) continue;
    const url = absoluteUrl(link.getAttribute("href") ?? undefined, pageUrl);
    if (url && /^https?:/i.test(url) && !feeds.includes(url)) feeds.push(url);
  }
  return feeds;
}

/** A page's language alternates (<link rel="alternate" hreflang="en" href>): lowercase locale → URL. */
export function hreflangAlternates(html: string, pageUrl: string): Record<string, string> {
  const document = parseHtmlDocument(html);
  const alternates: Record<string, string> = {};
  for (const link of document.querySelectorAll("link[hreflang][href]")) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase();
    if (!rel.split(/\s+/).includes("alternate")) continue;
    const lang = (link.getAttribute("hreflang") ?? "").toLowerCase().slice(0, 2);
    const url = absoluteUrl(link.getAttribute("href") ?? undefined, pageUrl);
    if (lang && url) alternates[lang] = url;
  }
  return alternates;
}

export interface OpmlOutline {
  url: string;
  name?: string;
}

export class OpmlError extends Error {
  override name = "OpmlError";
}

/**
 * The feeds of an OPML 1.0 or 2.0 file (what feed readers export): every
 * <outline> with an xmlUrl, folders flattened. Title from `title`, else `text`.
 */
export function parseOpml(xml: string): OpmlOutline[] {
  const text = xml.replace(/^\uFEFF/, "");
  if (!/<opml[\s>]/i.test(text)) throw new OpmlError("not an OPML file (no <opml> element)");
  // Read as HTML: attribute names fold case (xmlUrl, xmlurl) and entities are decoded;
  // nesting does not matter, only each outline's attributes.
  const { document } = parseHTML(
    `<!doctype html><html><body>${text.replace(/^\s*<\?xml[^>]*>/, "")}</body></html>`,
  );
  const outlines: OpmlOutline[] = [];
  for (const outline of document.querySelectorAll("outline")) {
    const url = (outline.getAttribute("xmlUrl") ?? outline.getAttribute("xmlurl") ?? "").trim();
    if (url === "") continue;
    const name = (outline.getAttribute("title") ?? outline.getAttribute("text") ?? "").trim();
    outlines.push({ url, ...(name ? { name } : {}) });
  }
  if (outlines.length === 0)
    throw new OpmlError("the OPML file lists no feed (no outline with xmlUrl)");
  return outlines;
}

/**
 * The other language editions a page names with hreflang, its own address left out:
 * what lets the merge make one item of an FR and an EN edition of one story.
 */
export function pageAlternates(html: string, pageUrl: string): string[] {
  return Object.values(hreflangAlternates(html, pageUrl)).filter((url) => url !== pageUrl);
}
