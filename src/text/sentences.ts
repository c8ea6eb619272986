import { prefixWithinUnits } from "./graphemes.js";

const ELLIPSIS = "…";

const sentenceSegmenters = new Map<string, Intl.Segmenter>();
const wordSegmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(
  cache: Map<string, Intl.Segmenter>,
  locale: string,
  granularity: "sentence" | "word",
): Intl.Segmenter {
  let segmenter = cache.get(locale);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(locale, { granularity });
    cache.set(locale, segmenter);
  }
  return segmenter;
}

/**
 * Shortens `value` to at most `maxUnits` UTF-16 units (Telegram counts those), ending
 * on the last whole sentence that fits, followed by "…". When not even the first
 * sentence fits, it ends on a word, and failing that on a grapheme: never inside a
 * character. Text that fits is returned unchanged.
 */
export function cutAtSentence(value: string, maxUnits: number, locale = "en"): string {
  if (value.length <= maxUnits) return value;
  const budget = maxUnits - ELLIPSIS.length;
  let end = 0;
  for (const { index, segment } of segmenterFor(sentenceSegmenters, locale, "sentence").segment(
    value,
  )) {
    if (index + segment.trimEnd().length > budget) break;
    end = index + segment.length;
  }
  if (end === 0) {
    for (const { index, segment, isWordLike } of segmenterFor(
      wordSegmenters,
      locale,
      "word",
    ).segment(value)) {
      if (index + segment.length > budget) break;
      if (isWordLike) end = index + segment.length;
    }
  }
  const kept = end > 0 ? value.slice(0, end) : prefixWithinUnits(value, budget);
  return `${kept.trimEnd()}${ELLIPSIS}`;
}
