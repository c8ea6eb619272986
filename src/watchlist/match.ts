import type { Article } from "../articles/schema.js";
import { LOCALES } from "../locales.js";
import { countGraphemes } from "../text/graphemes.js";
import { normalizeTopicText } from "../topics/aliases.js";

/**
 * Watch and mute terms: parsing what a reader types, and matching articles.
 * Pure: no store, no Telegram. Used by /watch, /mute, /latest <term>, the push plan,
 * and (feedback work) inline search and /why.
 *
 * A term is stored normalized: lowercase, accents removed, single spaces. Tickers
 * keep their "$" ("$nvda"); a muted source is "source:<name>".
 */

export const MAX_TERMS_PER_LIST = 50;
export const MAX_TERM_LENGTH = 60; // characters (graphemes)

export type TermProblem =
  | { kind: "too-long"; term: string }
  | { kind: "no-letters"; term: string }
  | { kind: "html"; term: string };

export interface ParsedTerms {
  /** Normalized, without duplicates, in the order typed. */
  terms: string[];
  problems: TermProblem[];
}

const SOURCE_PREFIX = "source:";

/** Lowercase, no accents, punctuation to spaces, single spaces: "Euro-Numérique!" → "euro numerique". */
export function normalizeText(value: string): string {
  // Case and accents as topic names are compared; then every other sign is a word break.
  return normalizeTopicText(value)
    .replace(/[^\p{L}\p{N}$]+/gu, " ")
    .trim();
}

/** The stored form of a term, or "" when nothing matchable is left. */
export function normalizeTerm(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.toLowerCase().startsWith(SOURCE_PREFIX)) {
    const name = normalizeText(trimmed.slice(SOURCE_PREFIX.length));
    return name === "" ? "" : `${SOURCE_PREFIX}${name}`;
  }
  const ticker = /^\$([\p{L}\p{N}.]{1,10})$/u.exec(trimmed);
  if (ticker) return `$${normalizeText(ticker[1] ?? "").replace(/ /g, "")}`;
  return normalizeText(trimmed).replace(/\$/g, "").replace(/\s+/g, " ").trim();
}

export function isSourceTerm(term: string): boolean {
  return term.startsWith(SOURCE_PREFIX);
}

// Straight, typographic and French quotes: "…", “…”, «…», „…“.
const QUOTED_OR_WORD = /"([^"]*)"|“([^”]*)”|«([^»]*)»|„([^“”]*)[“”]|(\S+)/gu;

/** Splits `/watch` arguments into terms; quoted runs are phrases, commas separate too. */
export function parseTerms(input: string): ParsedTerms {
  const terms: string[] = [];
  const problems: TermProblem[] = [];
  for (const match of input.replace(/[,;]/g, " ").matchAll(QUOTED_OR_WORD)) {
    const raw = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? "").trim();
    if (raw === "") continue;
    if (/<\/?[a-z!][^>]*>/i.test(raw) || /[<>]/.test(raw)) {
      problems.push({ kind: "html", term: raw });
      continue;
    }
    if (countGraphemes(raw) > MAX_TERM_LENGTH) {
      problems.push({ kind: "too-long", term: raw });
      continue;
    }
    const term = normalizeTerm(raw);
    if (!/[\p{L}\p{N}]/u.test(term)) {
      problems.push({ kind: "no-letters", term: raw });
      continue;
    }
    if (!terms.includes(term)) terms.push(term);
  }
  return { terms, problems };
}

/**
 * Tickers and the companies or coins they stand for; a watched ticker matches the
 * name and the reverse. Only unambiguous, current listings (no one-letter symbols, no
 * symbols that are common words such as COIN).
 */
export const TICKER_NAMES: Readonly<Record<string, readonly string[]>> = {
  nvda: ["nvidia"],
  aapl: ["apple"],
  msft: ["microsoft"],
  googl: ["alphabet", "google"],
  goog: ["alphabet", "google"],
  amzn: ["amazon"],
  meta: ["meta"],
  tsla: ["tesla"],
  tcehy: ["tencent"],
  "0700": ["tencent"],
  baba: ["alibaba"],
  amd: ["amd"],
  intc: ["intel"],
  tsm: ["tsmc"],
  asml: ["asml"],
  orcl: ["oracle"],
  crm: ["salesforce"],
  ibm: ["ibm"],
  pypl: ["paypal"],
  xyz: ["block"],
  sq: ["block"],
  ceg: ["constellation energy"],
  btc: ["bitcoin"],
  eth: ["ether", "ethereum"],
  sol: ["solana"],
  usdt: ["tether"],
  usdc: ["usdc", "usd coin"],
  xrp: ["xrp", "ripple"],
  doge: ["dogecoin"],
};

/** Singular and plural in English and French, by simple rules: "stablecoins" ~ "stablecoin". */
function wordForms(word: string): string[] {
  if (word.length < 3 || /\d/.test(word)) return [word];
  const forms = new Set([word]);
  if (word.endsWith("ies") && word.length > 4) forms.add(`${word.slice(0, -3)}y`);
  else if (word.endsWith("aux") && word.length > 4) forms.add(`${word.slice(0, -3)}al`);
  else if (/(?:s|x)$/.test(word) && !word.endsWith("ss")) forms.add(word.slice(0, -1));
  if (word.endsWith("y") && !/[aeiou]y$/.test(word)) forms.add(`${word.slice(0, -1)}ies`);
  if (word.endsWith("al")) forms.add(`${word.slice(0, -2)}aux`);
  if (!/[sxz]$/.test(word)) forms.add(`${word}s`);
  if (word.endsWith("eau") || word.endsWith("eu")) forms.add(`${word}x`);
  return [...forms];
}

/** Every phrase (normalized words joined by spaces) that counts as this term in a text. */
export function phrasesOf(term: string): string[] {
  if (isSourceTerm(term)) return [];
  if (term.startsWith("$")) {
    const symbol = term.slice(1);
    return [symbol, ...(TICKER_NAMES[symbol] ?? []).map(normalizeText)];
  }
  const phrases = new Set<string>([term]);
  const words = term.split(" ");
  const last = words.at(-1) ?? "";
  // Plural of a phrase: its last word ("digital euros"), or its first in French ("cartes bancaires").
  for (const form of wordForms(last)) phrases.add([...words.slice(0, -1), form].join(" "));
  if (words.length > 1) {
    for (const form of wordForms(words[0] ?? "")) {
      phrases.add([form, ...words.slice(1)].join(" "));
      phrases.add([form, ...words.slice(1).map((word) => wordForms(word)[1] ?? word)].join(" "));
    }
  }
  // A company name matches its ticker(s) written as "$NVDA" or "NVDA".
  for (const symbol of tickersByName().get(term) ?? []) phrases.add(symbol);
  return [...phrases];
}

let tickerNames: Map<string, string[]> | undefined;

/**
 * Normalized company name → its tickers, built on first use: normalizing the whole
 * list for every term cost 40 ms for a push run's 2,000 distinct terms.
 */
function tickersByName(): ReadonlyMap<string, readonly string[]> {
  if (tickerNames) return tickerNames;
  tickerNames = new Map();
  for (const [symbol, names] of Object.entries(TICKER_NAMES)) {
    if (symbol.length < 2) continue;
    for (const name of names) {
      const key = normalizeText(name);
      tickerNames.set(key, [...(tickerNames.get(key) ?? []), symbol]);
    }
  }
  return tickerNames;
}

/** The normalized words of every brief (all languages), title and summary, plus the source. */
export function articleText(article: Pick<Article, "briefs">): readonly string[] {
  const known = normalizedTexts.get(article.briefs);
  if (known) return known;
  const texts: string[] = [];
  for (const locale of LOCALES) {
    const brief = article.briefs[locale];
    if (brief) texts.push(normalizeText(brief.title), normalizeText(brief.summary));
  }
  normalizedTexts.set(article.briefs, texts);
  return texts;
}

/**
 * Normalized texts by briefs object. Stored articles are replaced, never edited, on
 * reload, so an entry can never go stale, and it goes with its article. Normalizing
 * (NFD, case, punctuation) was most of a /latest <term> or a muted reader's /latest.
 */
const normalizedTexts = new WeakMap<object, readonly string[]>();

/**
 * Phrases → terms, so that matching an article costs one lookup per word window,
 * however many terms or readers share the index.
 */
export interface TermIndex {
  /** The terms (as given) found in the article, each once, in index order. */
  match(article: Pick<Article, "briefs" | "source">): string[];
  readonly size: number;
}

export function createTermIndex(terms: Iterable<string>): TermIndex {
  const byPhrase = new Map<string, Set<string>>();
  const sourceTerms = new Map<string, string>();
  let longest = 1;
  let size = 0;
  for (const term of terms) {
    size += 1;
    if (isSourceTerm(term)) {
      sourceTerms.set(term.slice(SOURCE_PREFIX.length), term);
      continue;
    }
    for (const phrase of phrasesOf(term)) {
      const key = phrase.replace(/\$/g, "");
      if (key === "") continue;
      let owners = byPhrase.get(key);
      if (!owners) {
        owners = new Set();
        byPhrase.set(key, owners);
      }
      owners.add(term);
      longest = Math.max(longest, key.split(" ").length);
    }
  }
  return {
    size,
    match(article) {
      const found = new Set<string>();
      const source = sourceTerms.get(normalizeText(article.source));
      if (source) found.add(source);
      if (byPhrase.size === 0) return [...found];
      for (const text of articleText(article)) {
        const words = text.replace(/\$/g, "").split(" ");
        for (let start = 0; start < words.length; start += 1) {
          let phrase = "";
          for (let size = 1; size <= longest && start + size <= words.length; size += 1) {
            phrase = size === 1 ? (words[start] as string) : `${phrase} ${words[start + size - 1]}`;
            const owners = byPhrase.get(phrase);
            if (owners) for (const term of owners) found.add(term);
          }
        }
      }
      return [...found];
    },
  };
}

/** The given terms that the article matches. For one reader's list; for many, build one index. */
export function matchArticle(
  article: Pick<Article, "briefs" | "source">,
  terms: readonly string[],
): string[] {
  return createTermIndex(terms).match(article);
}

/** How a term is shown back to the reader: as stored, tickers upper-case. */
export function displayTerm(term: string): string {
  return term.startsWith("$") ? term.toUpperCase() : term;
}
