import { francAll } from "franc-min";
import type { Locale } from "../locales.js";

/** fr or en; otherwise the language found, as a BCP 47 code ("de", "es", "sk") or "und". */
export type LanguageResult = { ok: true; language: Locale } | { ok: false; detected: string };

// Below this many characters franc has too little to go on; the declared language decides.
const MIN_DETECTION_CHARS = 40;
// Enough text to decide; more only slows franc down.
const SAMPLE_CHARS = 4000;
// franc's scores are relative to its best guess (1). When its best guess is another
// language but the declared French or English scores this close, the text is too
// short or too mixed to overrule the source (a French brief full of English names).
const HINT_KEEPS_WITHIN = 0.9;
// franc reads short English or French news (names, figures, few words) as Dutch or
// Scots now and then. Such a text is still English when franc scores English this
// close AND the words that glue the language together make up this share of it:
// running English has 20-30 % of "the, of, and, to…", a German page citing
// "cloud" and "data center" almost none.
const NEIGHBOUR_MIN_SCORE = 0.85;
const FUNCTION_WORD_MIN_SHARE = 0.12;
const FUNCTION_WORDS: Record<Locale, ReadonlySet<string>> = {
  en: new Set(
    "the of and to a in is it that for on with as was by at from its be are has have had said will would this an which or but not their they he she".split(
      " ",
    ),
  ),
  fr: new Set(
    "le la les l de des du d un une et est en dans que qui pour par sur au aux a ont sont pas ne se ce cette il elle ils son sa ses plus avec".split(
      " ",
    ),
  ),
};

function functionWordShare(text: string, locale: Locale): number {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  if (words.length === 0) return 0;
  const glue = FUNCTION_WORDS[locale];
  return words.filter((word) => glue.has(word)).length / words.length;
}

// Between French and English, a declared language settles scores this close.
const CLOSE_CALL = 0.05;

// franc-min's ISO 639-3 codes for the languages an editor is likely to meet, as ISO 639-1.
const ISO_639_1: Record<string, string> = {
  fra: "fr",
  eng: "en",
  deu: "de",
  spa: "es",
  ita: "it",
  por: "pt",
  nld: "nl",
  pol: "pl",
  ces: "cs",
  slk: "sk",
  ron: "ro",
  hun: "hu",
  swe: "sv",
  rus: "ru",
  ukr: "uk",
  bel: "be",
  bul: "bg",
  srp: "sr",
  hrv: "hr",
  bos: "bs",
  tur: "tr",
  ell: "el",
  arb: "ar",
  cmn: "zh",
  jpn: "ja",
  kor: "ko",
  hin: "hi",
  ind: "id",
  vie: "vi",
  zlm: "ms",
  uzn: "uz",
  azj: "az",
};

function primarySubtag(hint: string | undefined): string | undefined {
  const code = hint?.trim().toLowerCase().split(/[-_]/)[0];
  return code && /^[a-z]{2,3}$/.test(code) ? code : undefined;
}

const asLocale = (code: string | undefined): Locale | undefined =>
  code === "fr" || code === "en" ? code : undefined;

/**
 * The article's language from its text (franc-min) and what its source declares
 * (`hint`: `<html lang>`, a feed's `<language>`, a source's `language`). The text
 * decides when it is clear; the hint settles short texts, close calls between
 * French and English, and mixed pages (an English quote in a French article).
 * Only French and English are ok; anything else comes back with its code.
 */
export function detectLanguage(text: string, hint?: string): LanguageResult {
  const sample = text.replace(/\s+/g, " ").trim().slice(0, SAMPLE_CHARS);
  const declaredCode = primarySubtag(hint);
  const declared = asLocale(declaredCode);
  const fromHint = (): LanguageResult =>
    declared ? { ok: true, language: declared } : { ok: false, detected: declaredCode ?? "und" };
  if (sample.length < MIN_DETECTION_CHARS) return fromHint();

  const ranked = francAll(sample, { minLength: MIN_DETECTION_CHARS });
  const top = ranked[0]?.[0] ?? "und";
  if (top === "und") return fromHint();
  const scores = new Map(ranked);
  const french = scores.get("fra") ?? 0;
  const english = scores.get("eng") ?? 0;

  if (top === "fra" || top === "eng") {
    const found: Locale = top === "fra" ? "fr" : "en";
    if (declared && declared !== found && Math.abs(french - english) < CLOSE_CALL) {
      return { ok: true, language: declared };
    }
    return { ok: true, language: found };
  }
  // franc's best guess is neither: keep a declared fr/en only when the text is close to it.
  if (declared && (declared === "fr" ? french : english) >= HINT_KEEPS_WITHIN) {
    return { ok: true, language: declared };
  }
  const likelier: Locale = french >= english ? "fr" : "en";
  if (
    !declaredCode &&
    Math.max(french, english) >= NEIGHBOUR_MIN_SCORE &&
    functionWordShare(sample, likelier) >= FUNCTION_WORD_MIN_SHARE
  ) {
    return { ok: true, language: likelier };
  }
  // franc-min has no Slovak and reads it as Czech; a declared neighbour names it better.
  const detected = ISO_639_1[top] ?? top;
  if (declaredCode && !declared && detected !== declaredCode && top !== "und") {
    const declaredScore = ranked.find(([code]) => ISO_639_1[code] === declaredCode)?.[1];
    if (declaredScore === undefined || declaredScore >= HINT_KEEPS_WITHIN) {
      return { ok: false, detected: declaredCode };
    }
  }
  return { ok: false, detected };
}

function languageName(code: string): string | undefined {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The closing table's reason for skipping an article that is not in French or English. */
export function languageSkipReason(code: string): string {
  if (code === "und") {
    return "language undetermined: too little text to tell, and the source declares none";
  }
  const name = languageName(code);
  return `language ${code}${name ? ` (${name})` : ""}: only French and English articles are briefed`;
}
