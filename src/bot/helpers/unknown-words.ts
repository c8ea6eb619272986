// A reader may paste anything after a command; echo back only a little of it.
const MAX_WORDS_SHOWN = 5;
const MAX_WORD_LENGTH = 30; // characters

/** «foo», «bar» … for "I don't know …" answers, bounded whatever the input. */
export function describeUnknown(words: readonly string[]): string {
  const shown = words.slice(0, MAX_WORDS_SHOWN).map((word) => {
    const short = word.length > MAX_WORD_LENGTH ? `${word.slice(0, MAX_WORD_LENGTH)}…` : word;
    return `"${short}"`;
  });
  if (words.length > MAX_WORDS_SHOWN) shown.push("…");
  return shown.join(", ");
}
