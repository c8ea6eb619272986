import { newStemmer } from "snowball-stemmers";
import { normalizeTopicText } from "../topics/aliases.js";

/** The languages the bot briefs, and so the Snowball stemmers the tagger runs. */
export const STEM_LANGUAGES = ["en", "fr"] as const;
export type StemLanguage = (typeof STEM_LANGUAGES)[number];

const SNOWBALL_NAMES: Readonly<Record<StemLanguage, string>> = { en: "english", fr: "french" };

/**
 * One word of a text, in the forms phrases are compared on: as written (for
 * capital-only names such as "SEC" or "IA"), folded (lowercase, no accents, for
 * names), and its Snowball stem in each language, so "régulateurs" meets
 * "régulation" and "payments" meets "payment".
 */
export interface Token {
  raw: string;
  folded: string;
  stems: Readonly<Record<StemLanguage, string>>;
}

export interface Tokenizer {
  tokens(text: string): Token[];
}

// Words are runs of letters and digits: apostrophes and hyphens split "l'IA" and "NB-IoT".
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Stems are taken on folded words, in the text and in the lexicon alike: the
 * same word gives the same stem whether or not it was typed with its accents.
 */
export function createTokenizer(): Tokenizer {
  const stemmers = STEM_LANGUAGES.map((language) => ({
    language,
    stemmer: newStemmer(SNOWBALL_NAMES[language]),
  }));
  // Articles repeat their words; a word is folded and stemmed once per tagger.
  const cache = new Map<string, Omit<Token, "raw">>();
  const analyse = (raw: string): Token => {
    let known = cache.get(raw);
    if (!known) {
      const folded = normalizeTopicText(raw);
      const stems = Object.fromEntries(
        stemmers.map(({ language, stemmer }) => [language, stemmer.stem(folded)]),
      ) as Record<StemLanguage, string>;
      known = { folded, stems };
      cache.set(raw, known);
    }
    return { raw, ...known };
  };
  return {
    tokens: (text) => (text.match(WORD) ?? []).map(analyse),
  };
}
