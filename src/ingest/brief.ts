import { normalizeTopicText } from "../topics/aliases.js";
import { splitSentences } from "./sentences.js";
import type { TopicTagger } from "./topic-lexicon.js";
import type { TextBlock } from "./types.js";

/** The extractive brief: 2 to 4 of the article's own sentences, in their original order. */
export const BRIEF_MIN_SENTENCES = 2;
export const BRIEF_MAX_SENTENCES = 4;
/** Characters; short enough for five briefs in one Telegram message. */
export const BRIEF_MAX_CHARS = 600;
/** Characters; only when two sentences cannot fit the budget, a longer brief beats none. */
export const BRIEF_HARD_MAX_CHARS = 900;

/** A third or fourth sentence must carry at least this score: room in the budget is no reason to add filler. */
export const EXTRA_SENTENCE_MIN_SCORE = 1.5;

// Sentences shorter than this are fragments ("Read on.", a dateline); longer ones crowd out others.
const SHORT_SENTENCE_CHARS = 40;
const LONG_SENTENCE_CHARS = 320;

const MONTHS =
  "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|" +
  "january|february|march|april|may|june|july|august|september|october|november|december";
// Matched against normalizeTopicText(sentence): lowercase, no accents.
const AMOUNT =
  /(?:[$€£¥]\s?\d)|(?:\d(?:[\d\s.,]*\d)?\s?(?:%|€|\$|£|¥|milliards?|millions?|billions?|trillions?|bn|mds?|md|usd|eur|dollars?|euros?|yuans?|points?)(?![\p{L}]))/gu;
const YEAR = /(?<![\d.,])(?:19|20)\d{2}(?![\d.,])/g;
const DATE = new RegExp(
  `(?:\\b\\d{1,2}(?:er)? (?:${MONTHS})\\b)|(?:\\b(?:${MONTHS}) \\d{1,2}\\b)`,
  "g",
);
const NUMBER = /\d+(?:[.,]\d+)?/g;
// Capitalized words after the first: people, companies, places, institutions.
const PROPER_NAME = /(?<=\s)(?:\p{Lu}[\p{L}\p{N}&'’-]+|\p{Lu}{2,})/gu;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

export interface ScoredSentence {
  text: string;
  /** Order in the article, from 0. */
  position: number;
  score: number;
}

/**
 * Why a sentence carries the story: it comes first (the lead), it holds figures
 * (amounts, percentages, dates, years), names, and catalog vocabulary.
 */
export function scoreSentence(text: string, position: number, tagger: TopicTagger): number {
  const folded = normalizeTopicText(text);
  const amounts = count(folded, AMOUNT);
  const dates = count(folded, DATE) + count(folded, YEAR);
  const numbers = count(folded, NUMBER);
  const names = new Set(text.match(PROPER_NAME) ?? []).size;
  const topics = tagger.mentions(text).size;

  let score = position === 0 ? 3 : 2 / (position + 1);
  score += Math.min(amounts, 2) * 1;
  score += Math.min(dates, 2) * 0.75;
  score += Math.min(Math.max(numbers - amounts - dates, 0), 2) * 0.25;
  score += Math.min(names * 0.3, 1.5);
  score += Math.min(topics * 0.5, 1.5);
  if (text.length < SHORT_SENTENCE_CHARS) score -= 2;
  if (text.length > LONG_SENTENCE_CHARS) score -= 1;
  // Scraped text sometimes ends mid-list ("…, entre autres,"): a poor sentence to quote.
  if (!/[.!?…»"”)]$/.test(text)) score -= 1;
  return score;
}

export interface BriefResult {
  summary: string;
  sentences: string[];
}

/**
 * Picks the best 2–4 sentences within BRIEF_MAX_CHARS and returns them in article
 * order. Undefined when the text has fewer than two usable sentences.
 */
export function buildBrief(
  blocks: readonly TextBlock[],
  tagger: TopicTagger,
  options: { title?: string; maxChars?: number } = {},
): BriefResult | undefined {
  const maxChars = options.maxChars ?? BRIEF_MAX_CHARS;
  const title = normalizeTopicText(options.title ?? "");
  const seen = new Set<string>();
  const candidates: ScoredSentence[] = [];
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    for (const sentence of splitSentences(block.text)) {
      const key = normalizeTopicText(sentence).replace(/[^\p{L}\p{N} ]/gu, "");
      // Feeds often repeat the headline as the first line, and pages repeat pull quotes.
      if (key === "" || seen.has(key) || key === title.replace(/[^\p{L}\p{N} ]/gu, "")) continue;
      seen.add(key);
      const position = candidates.length;
      candidates.push({
        text: sentence,
        position,
        score: scoreSentence(sentence, position, tagger),
      });
    }
  }
  if (candidates.length < BRIEF_MIN_SENTENCES) return undefined;

  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.position - b.position);
  const picked: ScoredSentence[] = [];
  let length = 0;
  const fits = (sentence: ScoredSentence, limit: number) =>
    length + (picked.length > 0 ? 1 : 0) + sentence.text.length <= limit;
  for (const sentence of ranked) {
    if (picked.length >= BRIEF_MAX_SENTENCES) break;
    if (picked.length >= BRIEF_MIN_SENTENCES && sentence.score < EXTRA_SENTENCE_MIN_SCORE) break;
    if (!fits(sentence, maxChars)) continue;
    picked.push(sentence);
    length += (picked.length > 1 ? 1 : 0) + sentence.text.length;
  }
  for (const sentence of ranked) {
    if (picked.length >= BRIEF_MIN_SENTENCES) break;
    if (picked.includes(sentence) || !fits(sentence, BRIEF_HARD_MAX_CHARS)) continue;
    picked.push(sentence);
    length += (picked.length > 1 ? 1 : 0) + sentence.text.length;
  }
  if (picked.length < BRIEF_MIN_SENTENCES) return undefined;

  const sentences = picked
    .sort((a, b) => a.position - b.position)
    .map((sentence) => sentence.text.replace(/[,;:–—-]\s*$/, "."));
  return { summary: sentences.join(" "), sentences };
}
