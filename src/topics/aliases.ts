import { LOCALES } from "../locales.js";
import { isTopicId, TOPIC_IDS, type TopicId } from "./catalog.js";

/**
 * Matches what readers type to topic ids: ids, localized names and aliases from
 * every locale, any case, accents optional ("IA", "intelligence artificielle",
 * "centres de donnees", "Blockchain").
 */
export interface TopicMatcher {
  /** Reads a free-text list ("ia, blockchain centres de données") into topics and unknown words. */
  parse(input: string): { topics: TopicId[]; unknown: string[] };
}

/** Lowercase, no accents, single spaces; "Centres-de-Données" → "centres de donnees". */
export function normalizeTopicText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s_\-–—'’]+/g, " ")
    .trim();
}

/** `translate(locale, key)` returns the locale's text for a key (i18n.t). */
export function createTopicMatcher(
  translate: (locale: string, key: string) => string,
): TopicMatcher {
  const index = new Map<string, TopicId>();
  const add = (phrase: string, topic: TopicId) => {
    const key = normalizeTopicText(phrase);
    if (key !== "" && !index.has(key)) index.set(key, topic);
  };
  for (const topic of TOPIC_IDS) add(topic, topic);
  for (const locale of LOCALES) {
    for (const topic of TOPIC_IDS) {
      add(translate(locale, `topic-${topic}`), topic);
      for (const alias of translate(locale, `topic-${topic}-aliases`).split(",")) add(alias, topic);
    }
  }
  const longestPhrase = Math.max(...[...index.keys()].map((key) => key.split(" ").length));

  return {
    parse(input) {
      const topics: TopicId[] = [];
      const unknown: string[] = [];
      for (const chunk of input.split(/[,;\n]+/)) {
        const words = normalizeTopicText(chunk).split(" ").filter(Boolean);
        const original = chunk
          .trim()
          .split(/[\s_\-–—'’]+/)
          .filter(Boolean);
        let start = 0;
        while (start < words.length) {
          // Longest phrase first, so "intelligence artificielle" wins over a lone word.
          let matched = 0;
          for (let size = Math.min(longestPhrase, words.length - start); size > 0; size--) {
            const topic = index.get(words.slice(start, start + size).join(" "));
            if (topic && isTopicId(topic)) {
              if (!topics.includes(topic)) topics.push(topic);
              matched = size;
              break;
            }
          }
          if (matched === 0) {
            unknown.push(original[start] ?? words[start] ?? "");
            matched = 1;
          }
          start += matched;
        }
      }
      return { topics, unknown };
    },
  };
}
