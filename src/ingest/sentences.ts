/**
 * Sentence splitting for French and English news text. A full stop ends a sentence
 * only when followed by a space and a capital, digit or opening quote, and not when
 * it closes an abbreviation ("M.", "Inc.", "U.S."), an initial ("J. Powell") or sits
 * inside a quotation in guillemets. Decimals ("1.5", "70,5") never split: no space.
 */

// Lowercase, without the final dot. "etc." is left out on purpose: it often ends a sentence.
const ABBREVIATIONS = new Set([
  // English
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "inc",
  "ltd",
  "corp",
  "co",
  "plc",
  "llc",
  "no",
  "nos",
  "vs",
  "approx",
  "dept",
  "fig",
  "gen",
  "sen",
  "rep",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  // French
  "mme",
  "mmes",
  "mm",
  "mlle",
  "pr",
  "av",
  "apr",
  "env",
  "cf",
  "p",
  "pp",
  "vol",
  "chap",
  "bd",
  "cie",
  "ste",
  "janv",
  "févr",
  "fevr",
  "avr",
  "juil",
  "déc",
]);

const TERMINATORS = /[.!?…]/;
const CLOSERS = /[»"”’)\]]/;
// What may start the next sentence: a capital, a digit, or an opening quote or bracket.
const SENTENCE_START = /[\p{Lu}\p{N}«"“‘(]/u;

function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[\p{L}\p{N}.'’-]/u.test(text[start - 1] ?? "")) start -= 1;
  return text.slice(start, end);
}

function isAbbreviation(word: string): boolean {
  if (word === "") return false;
  // A single capital is an initial ("J. Powell", "M. Macron").
  if (/^\p{Lu}$/u.test(word)) return true;
  // Dotted forms: "U.S", "e.g", "i.e", "a.m".
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Splits one paragraph into sentences, trimmed, in order. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, " ").trim();
  const sentences: string[] = [];
  let start = 0;
  let quoteDepth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? "";
    if (char === "«" || char === "“") quoteDepth += 1;
    else if ((char === "»" || char === "”") && quoteDepth > 0) quoteDepth -= 1;
    if (!TERMINATORS.test(char)) continue;

    // Take the whole run of terminators and closing quotes: "?!", "...", ".»".
    let end = index + 1;
    while (
      end < text.length &&
      (TERMINATORS.test(text[end] ?? "") || CLOSERS.test(text[end] ?? ""))
    ) {
      const next = text[end] ?? "";
      if ((next === "»" || next === "”") && quoteDepth > 0) quoteDepth -= 1;
      end += 1;
    }
    // French typography puts a space before the closing guillemet: "début. » La".
    if (text[end] === " " && (text[end + 1] === "»" || text[end + 1] === "”")) {
      if (quoteDepth > 0) quoteDepth -= 1;
      end += 2;
    }
    if (text[end] !== " ") {
      index = end - 1;
      continue;
    }
    const nextStart = end + 1;
    const nextChar = text[nextStart] ?? "";
    const boundary =
      quoteDepth === 0 &&
      SENTENCE_START.test(nextChar) &&
      !(char === "." && end === index + 1 && isAbbreviation(wordBefore(text, index)));
    if (boundary) {
      sentences.push(text.slice(start, end).trim());
      start = nextStart;
    }
    index = end - 1;
  }
  const rest = text.slice(start).trim();
  if (rest !== "") sentences.push(rest);
  return sentences;
}
