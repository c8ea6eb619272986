import { titleWords } from "../ingest/article-id.js";
import type { Locale } from "../locales.js";
import { normalizeTopicText } from "../topics/aliases.js";
import { extractFigures, type Figure } from "./story-numbers.js";
import { type DealStage, dealStages } from "./story-stage.js";

/** What the detector compares: one story's headline and first sentences, and its addresses. */
export interface StoryText {
  language: Locale;
  title: string;
  /** The summary or the article's first sentences. */
  lead: string;
  /** The article's own URL and any language alternates (hreflang) it lists. */
  links: readonly string[];
}

export interface StoryFeatures {
  language: Locale;
  /** Content words of title and lead, lightly stemmed. */
  words: ReadonlySet<string>;
  titleWords: ReadonlySet<string>;
  /** Proper names and acronyms (companies, countries, regulators, "5G"), lowercase, no accents. */
  names: ReadonlySet<string>;
  figures: readonly Figure[];
  stages: ReadonlySet<DealStage>;
}

// Words too common in tech-finance news to say which story it is (titleWords drops articles and prepositions).
const FILLER_WORDS = new Set(
  (
    "has have had was were be been will would could can may said says say new after over into " +
    "than more most about also but not its their they he she we you who which what when where " +
    "ne pas plus selon ont avait etait ete sera seront fait faire apres avant entre chez leur leurs " +
    "il elle ils elles nous vous dont ou ces cet aussi tres deja encore son sa ses mon ma notre votre"
  ).split(" "),
);

// Capitalised only because they start a sentence or a headline, or are months and weekdays.
const NOT_NAMES = new Set(
  (
    "the a an this that these those in on at for and but its it as after with by from to of " +
    "le la les un une des de du en dans sur pour par au aux ce cette ces apres avec selon " +
    "january february march april may june july august september october november december " +
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre " +
    "monday tuesday wednesday thursday friday saturday sunday " +
    "lundi mardi mercredi jeudi vendredi samedi dimanche"
  ).split(" "),
);

/** A headline in Title Case capitalises every word, so its capitals say nothing about names. */
const TITLE_CASE_SHARE = 0.6;
const MIN_STEMMED_LENGTH = 5;

/** Folds English and French plurals so "auction" meets "auctions" and "enchère" "enchères". */
function stem(word: string): string {
  if (word.length < MIN_STEMMED_LENGTH || /\d/.test(word)) return word;
  return word.replace(/ies$/, "y").replace(/[sx]$/, "");
}

function contentWords(value: string): string[] {
  return titleWords(value)
    .filter((word) => !FILLER_WORDS.has(word) && (word.length > 1 || /\d/.test(word)))
    .map(stem);
}

/** titleWords drops the slug stopwords (articles, prepositions): a word it empties is one. */
function isStopword(word: string): boolean {
  return titleWords(word).length === 0;
}

function plain(word: string): string {
  return normalizeTopicText(word).replace(/[^a-z0-9]+/g, "");
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}&'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** A name: capitalised or an acronym mixing capitals and digits ("5G", "OpenAI", "BNP"). */
function isNameLike(word: string): boolean {
  return /^\p{Lu}/u.test(word) || (/\d/.test(word) && /\p{L}/u.test(word));
}

function isTitleCase(title: string): boolean {
  const long = (title.match(WORD) ?? []).filter((word) => word.length >= 4);
  if (long.length < 3) return false;
  return long.filter((word) => /^\p{Lu}/u.test(word)).length / long.length >= TITLE_CASE_SHARE;
}

function namesIn(value: string, names: Set<string>): void {
  for (const word of value.match(WORD) ?? []) {
    if (!isNameLike(word)) continue;
    // "Apple's" and "l'Arcep" name Apple and the Arcep.
    const bare = word.replace(/^[dl]['’]/i, "").replace(/['’]s$/i, "");
    const key = plain(bare);
    if (key.length < 2 || NOT_NAMES.has(key) || FILLER_WORDS.has(key) || isStopword(key)) continue;
    // Quarters ("Q3", "T3") are figures, not names.
    if (/^[qt][1-4]$/.test(key)) continue;
    names.add(key);
  }
}

export function storyFeatures(story: StoryText): StoryFeatures {
  const names = new Set<string>();
  if (!isTitleCase(story.title)) namesIn(story.title, names);
  namesIn(story.lead, names);
  const title = contentWords(story.title);
  return {
    language: story.language,
    words: new Set([...title, ...contentWords(story.lead)]),
    titleWords: new Set(title),
    names,
    figures: extractFigures(`${story.title}\n${story.lead}`, story.language),
    stages: dealStages(`${story.title}\n${story.lead}`),
  };
}
