import type { Locale } from "../../locales.js";

/** What readers type after /language (and /channel … language), normalized (lowercase, no accents). */
export const LANGUAGE_WORDS: Record<string, Locale> = {
  en: "en",
  english: "en",
  anglais: "en",
  fr: "fr",
  french: "fr",
  francais: "fr",
};
