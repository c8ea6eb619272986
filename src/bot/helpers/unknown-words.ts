import { truncateGraphemes } from "../../text/graphemes.js";

// A reader may paste anything after a command; echo back only a little of it.
const MAX_WORDS_SHOWN = 5;
const MAX_WORD_LENGTH = 30; // visible characters (graphemes)

/** «foo», «bar» … for "I don't know …" answers, bounded whatever the input. */
export function describeUnknown(words: readonly string[]): string {
  const shown = words.slice(0, MAX_WORDS_SHOWN).map((word) => {
    return `"${truncateGraphemes(word, MAX_WORD_LENGTH)}"`;
  });
  if (words.length > MAX_WORDS_SHOWN) shown.push("…");
  return shown.join(", ");
}
