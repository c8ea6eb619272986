import type { Brief } from "../articles/schema.js";
import type { Locale } from "../locales.js";
import type { TopicId } from "../topics/catalog.js";
import type { PageUrlSource } from "./parse-html.js";

/** What a source turned out to be once read. */
export type SourceKind = "feed" | "html" | "text";

/** A paragraph of body text, or a subheading (a signal for topics, never a brief sentence). */
export interface TextBlock {
  kind: "paragraph" | "heading";
  text: string;
}

/** One article as a parser read it, before language, brief and topics are worked out. */
export interface RawArticle {
  kind: SourceKind;
  /** The command-line argument it came from (file path or URL). */
  origin: string;
  /** Names it in messages: the origin, plus the item number and title inside a feed. */
  label: string;
  title: string;
  blocks: TextBlock[];
  /** The article's own address (link, canonical URL), when the source gives one. */
  url?: string;
  /** For a page: which signal gave `url` (canonical link, og:url, "saved from" comment…). */
  urlSource?: PageUrlSource;
  /** A feed's guid or Atom id, used for the id when there is no URL. */
  guid?: string;
  /** ISO 8601, when the source gives a readable date. */
  publishedAt?: string;
  /** The language the source declares (feed language, html lang), e.g. "fr-FR". */
  languageHint?: string;
  /** Publication name for the store's `source` field. */
  sourceName: string;
  /** Feed categories and the like: extra, weak evidence for topics. */
  keywords: string[];
}

/** An article ready to merge into the store. */
export interface Candidate {
  id: string;
  /** Hash of the canonical URL, guid or content: what "the same article" means across runs. */
  key: string;
  url: string;
  /** False when the source had no address and the URL is a search link for the headline. */
  hasOwnUrl: boolean;
  /** What the article was read from: the closing table's advice for a missing URL depends on it. */
  sourceKind: SourceKind;
  source: string;
  /** Undefined when the source gives no date: new items get "now", known items keep theirs. */
  publishedAt?: string;
  topics: TopicId[];
  language: Locale;
  briefs: Partial<Record<Locale, Brief>>;
  /** The page's language alternates (hreflang URLs), when known: they identify its other editions. */
  alternates?: string[];
  origin: string;
  label: string;
  warnings: string[];
}

/** Something the pipeline could not read at all, or an item it will not store. */
export class IngestError extends Error {
  override name = "IngestError";
}
