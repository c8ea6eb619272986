import type { TopicId } from "../topics/catalog.js";
import { STEM_LANGUAGES, type StemLanguage, type Token, type Tokenizer } from "./topic-tokens.js";

/**
 * The ways a phrase can be written down for a topic:
 * - `en` / `fr`: terms of that language, matched word by word on their Snowball
 *   stem, so inflections need not be listed ("smart contracts", "registres distribués");
 * - `names`: matched on the folded words, never stemmed (products, companies,
 *   surface forms such as "fined", which a stem would confuse with "fine");
 * - `exactCase`: matched as written ("IA", "SEC", "Nest"), where the lowercase word
 *   means something else ("j'ai", "sec", "nest").
 */
export interface TopicPhrases {
  en?: readonly string[];
  fr?: readonly string[];
  names?: readonly string[];
  exactCase?: readonly string[];
}

type Form = StemLanguage | "names" | "exactCase";

const keyOf = (token: Token, form: Form): string =>
  form === "names" ? token.folded : form === "exactCase" ? token.raw : token.stems[form];

interface Phrase {
  topic: TopicId;
  form: Form;
  keys: string[];
}

export interface PhraseMatcher {
  /** The topics whose phrases occur in the text, as whole words. */
  topicsIn(text: string): Set<TopicId>;
}

/** Indexes every phrase by its first word, so a text is read once whatever the lexicon's size. */
export function createPhraseMatcher(
  sources: readonly Readonly<Record<TopicId, TopicPhrases>>[],
  tokenizer: Tokenizer,
): PhraseMatcher {
  const forms: Form[] = [...STEM_LANGUAGES, "names", "exactCase"];
  const index = new Map<Form, Map<string, Phrase[]>>(forms.map((form) => [form, new Map()]));
  for (const source of sources) {
    for (const [topic, phrases] of Object.entries(source) as [TopicId, TopicPhrases][]) {
      for (const form of forms) {
        for (const text of phrases[form] ?? []) {
          const keys = tokenizer.tokens(text).map((token) => keyOf(token, form));
          const first = keys[0];
          if (first === undefined) continue;
          const byFirst = index.get(form);
          byFirst?.set(first, [...(byFirst.get(first) ?? []), { topic, form, keys }]);
        }
      }
    }
  }

  const matchesAt = (tokens: Token[], start: number, phrase: Phrase) =>
    phrase.keys.every((key, offset) => {
      const token = tokens[start + offset];
      return token !== undefined && keyOf(token, phrase.form) === key;
    });

  return {
    topicsIn(text) {
      const tokens = tokenizer.tokens(text);
      const found = new Set<TopicId>();
      tokens.forEach((token, start) => {
        for (const form of forms) {
          for (const phrase of index.get(form)?.get(keyOf(token, form)) ?? []) {
            if (!found.has(phrase.topic) && matchesAt(tokens, start, phrase)) {
              found.add(phrase.topic);
            }
          }
        }
      });
      return found;
    },
  };
}
