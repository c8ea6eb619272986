/**
 * Cuts text where a reader sees a character boundary. String.slice counts UTF-16
 * units, so it can split a flag or a ZWJ emoji into a lone surrogate, which Telegram
 * refuses ("strings must be encoded in UTF-8").
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** At most `maxGraphemes` visible characters of `value`, followed by "…" when it was cut. */
export function truncateGraphemes(value: string, maxGraphemes: number): string {
  let kept = "";
  let count = 0;
  for (const { segment } of graphemes.segment(value)) {
    if (count === maxGraphemes) return `${kept}…`;
    kept += segment;
    count += 1;
  }
  return kept;
}

/** The longest prefix of `value` that is at most `maxUnits` UTF-16 units and ends on a grapheme boundary. */
export function prefixWithinUnits(value: string, maxUnits: number): string {
  if (value.length <= maxUnits) return value;
  let end = 0;
  for (const { index, segment } of graphemes.segment(value)) {
    if (index + segment.length > maxUnits) break;
    end = index + segment.length;
  }
  return value.slice(0, end);
}

/** Visible characters (graphemes) in `value`: how a reader counts a limit like "60 characters". */
export function countGraphemes(value: string): number {
  let count = 0;
  for (const _ of graphemes.segment(value)) count += 1;
  return count;
}
