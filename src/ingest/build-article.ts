import { MAX_TITLE_LENGTH } from "../articles/schema.js";
import { normalizeTopicText } from "../topics/aliases.js";
import { articleKey, canonicalUrl, createArticleId } from "./article-id.js";
import { BRIEF_MIN_SENTENCES, buildBrief } from "./brief.js";
import { detectLanguage, languageSkipReason } from "./language.js";
import { NO_PAGE_TEXT_REASON } from "./parse-html.js";
import type { TopicTagger } from "./topic-lexicon.js";
import type { Candidate, RawArticle } from "./types.js";

/** Schema limit for `source`. */
const MAX_SOURCE_LENGTH = 100;
// Articles without an address of their own (pasted text) link to a search for their headline.
const SEARCH_URL = "https://duckduckgo.com/?q=";

const NO_TEXT_REASON: Record<RawArticle["kind"], string> = {
  html: NO_PAGE_TEXT_REASON,
  feed: "no article text: the item has neither content nor a summary",
  text: "no article text: nothing below the headline",
};

export type BuildOutcome =
  | { status: "ready"; candidate: Candidate }
  | {
      status: "skipped" | "failed";
      label: string;
      reason: string;
      /** Too little text for a brief: a teaser whose page may hold the article. */
      tooShort?: true;
    };

function shorten(value: string, limit: number): string {
  if (value.length <= limit) return value;
  const cut = value.slice(0, limit - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Turns what a parser read into an article for the store: language, brief,
 * topics and a stable id. Says why when it cannot: no text is a failure (the
 * source is broken), a short, off-topic or foreign-language article is skipped.
 */
export function buildCandidate(raw: RawArticle, tagger: TopicTagger): BuildOutcome {
  const { label } = raw;
  const title = shorten(raw.title.trim(), MAX_TITLE_LENGTH);
  const foldedTitle = normalizeTopicText(title);
  // The page's own <h1> repeats the title; it is not a subheading of the body.
  const blocks = raw.blocks.filter(
    (block) => !(block.kind === "heading" && normalizeTopicText(block.text) === foldedTitle),
  );
  const paragraphs = blocks.filter((block) => block.kind === "paragraph");
  if (paragraphs.length === 0) {
    return { status: "failed", label, reason: NO_TEXT_REASON[raw.kind], tooShort: true };
  }
  if (title === "") return { status: "failed", label, reason: "no headline found" };

  const body = blocks.map((block) => block.text).join("\n");
  const language = detectLanguage(`${title}\n${body}`, raw.languageHint);
  const brief = buildBrief(blocks, tagger, { title });
  if (!language.ok) {
    return {
      status: "skipped",
      label,
      reason: languageSkipReason(language.detected),
      // One line is too little to tell the language: a teaser, its page may say.
      ...(brief ? {} : { tooShort: true as const }),
    };
  }
  if (!brief) {
    return {
      status: "skipped",
      label,
      reason: `too short for a brief (fewer than ${BRIEF_MIN_SENTENCES} sentences of text)`,
      tooShort: true,
    };
  }

  const topics = tagger.tag({
    title,
    paragraphs: blocks.map((block) => block.text),
    keywords: raw.keywords,
  });
  if (topics.length === 0) return { status: "skipped", label, reason: "no catalog topic" };

  const ownUrl = canonicalUrl(raw.url);
  // A feed item without a link is a teaser of something the feed does not say where to read.
  if (!ownUrl && raw.kind === "feed") {
    return { status: "skipped", label, reason: "no link to the article" };
  }
  const key = articleKey({ url: ownUrl, guid: raw.guid, content: `${title}\n${body}` });
  return {
    status: "ready",
    candidate: {
      id: createArticleId(title, key),
      key,
      url: ownUrl ?? `${SEARCH_URL}${encodeURIComponent(title)}`,
      hasOwnUrl: ownUrl !== undefined,
      sourceKind: raw.kind,
      source: shorten(raw.sourceName.trim() || raw.origin, MAX_SOURCE_LENGTH),
      publishedAt: raw.publishedAt,
      topics: topics.map((entry) => entry.topic),
      language: language.language,
      briefs: { [language.language]: { title, summary: brief.summary } },
      origin: raw.origin,
      label,
      warnings: [],
    },
  };
}
