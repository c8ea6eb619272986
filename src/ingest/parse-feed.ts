import { basename } from "node:path";
import { type AnyFeed, DetectError, MalformedError, parseFeed } from "feedsmith";
import { htmlFragmentBlocks, htmlToPlainText, plainTextBlocks } from "./html-text.js";
import { absoluteUrl, hostName, isHttpUrl, toIsoDate } from "./metadata.js";
import { IngestError, type RawArticle, type TextBlock } from "./types.js";

function bodyBlocks(html: string | undefined, type?: string): TextBlock[] {
  if (!html || html.trim() === "") return [];
  return type === "text" ? plainTextBlocks(html) : htmlFragmentBlocks(html);
}

interface FeedContext {
  origin: string;
  /** Where the feed was fetched from, for resolving relative links. */
  baseUrl?: string;
}

/**
 * The items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed. Malformed XML and XML that
 * is not a feed are IngestErrors that say which.
 */
export function parseFeedText(xml: string, context: FeedContext): RawArticle[] {
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(xml);
  } catch (error) {
    if (error instanceof MalformedError) {
      throw new IngestError(`malformed XML: the feed cannot be read (${error.message})`);
    }
    if (error instanceof DetectError) {
      throw new IngestError("XML, but not an RSS or Atom feed");
    }
    throw new IngestError(`the feed cannot be read (${(error as Error).message})`);
  }
  const { origin } = context;
  const fallbackName = hostName(context.baseUrl) ?? basename(origin);
  const label = (index: number, title: string) =>
    `${origin} item ${index + 1}${title ? ` "${title.slice(0, 40)}"` : ""}`;

  switch (parsed.format) {
    case "rss": {
      const feed = parsed.feed;
      const base = absoluteUrl(feed.link, context.baseUrl) ?? context.baseUrl;
      const sourceName = htmlToPlainText(feed.title ?? "") || hostName(base) || fallbackName;
      const language = feed.language ?? feed.dc?.languages?.[0];
      return (feed.items ?? []).map((item, index) => {
        const title = htmlToPlainText(item.title ?? "");
        const guid = item.guid?.value?.trim();
        const permalink = item.guid?.isPermaLink !== false && isHttpUrl(guid) ? guid : undefined;
        return {
          kind: "feed",
          origin,
          label: label(index, title),
          title,
          blocks: bodyBlocks(item.content?.encoded ?? item.description),
          url: absoluteUrl(item.link, base) ?? permalink,
          guid,
          publishedAt: toIsoDate(item.pubDate ?? item.dc?.dates?.[0]),
          languageHint: item.dc?.languages?.[0] ?? language,
          sourceName,
          keywords: (item.categories ?? []).map((category) => category.name ?? "").filter(Boolean),
        };
      });
    }
    case "atom": {
      const feed = parsed.feed;
      const feedLink = feed.links?.find((link) => !link.rel || link.rel === "alternate")?.href;
      const base = absoluteUrl(feedLink, context.baseUrl) ?? context.baseUrl;
      const sourceName = htmlToPlainText(feed.title?.value ?? "") || hostName(base) || fallbackName;
      return (feed.entries ?? []).map((entry, index) => {
        const title = htmlToPlainText(entry.title?.value ?? "");
        const link = entry.links?.find(
          (candidate) => !candidate.rel || candidate.rel === "alternate",
        );
        const body = entry.content?.value ? entry.content : entry.summary;
        return {
          kind: "feed",
          origin,
          label: label(index, title),
          title,
          blocks: bodyBlocks(body?.value, body?.type ?? "text"),
          url: absoluteUrl(link?.href, base),
          guid: entry.id?.trim(),
          publishedAt: toIsoDate(entry.published ?? entry.updated),
          languageHint: entry.xml?.lang ?? feed.xml?.lang,
          sourceName,
          keywords: (entry.categories ?? [])
            .map((category) => category.label ?? category.term ?? "")
            .filter(Boolean),
        };
      });
    }
    case "rdf": {
      const feed = parsed.feed;
      const base = absoluteUrl(feed.link, context.baseUrl) ?? context.baseUrl;
      const sourceName = htmlToPlainText(feed.title ?? "") || hostName(base) || fallbackName;
      return (feed.items ?? []).map((item, index) => {
        const title = htmlToPlainText(item.title ?? "");
        return {
          kind: "feed",
          origin,
          label: label(index, title),
          title,
          blocks: bodyBlocks(item.content?.encoded ?? item.description),
          url: absoluteUrl(item.link, base),
          publishedAt: toIsoDate(item.dc?.dates?.[0]),
          languageHint: item.dc?.languages?.[0] ?? feed.dc?.languages?.[0],
          sourceName,
          keywords: item.dc?.subjects ?? [],
        };
      });
    }
    default:
      throw new IngestError("a JSON Feed, which ingest does not read; give an RSS or Atom feed");
  }
}
