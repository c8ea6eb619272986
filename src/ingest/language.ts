import { francAll } from "franc-min";
import type { Locale } from "../locales.js";

export type LanguageResult = { ok: true; language: Locale } | { ok: false; detected: string };

// franc-min scores are relative to the best match (1). An English or French text
// scores within a few hundredths of the top even when franc's first guess is a
// neighbour (Scots, Dutch); a German or Spanish text leaves both far behind.
const MIN_RELATIVE_SCORE = 0.85;
// Below this many characters franc has too little to go on; trust the declared language.
const MIN_DETECTION_CHARS = 40;
// Enough text to decide; more only slows franc down.
const SAMPLE_CHARS = 4000;

const FRANC_CODES: Record<string, Locale> = { fra: "fr", eng: "en" };

function localeFromHint(hint: string | undefined): Locale | undefined {
  const code = hint?.trim().toLowerCase();
  if (code?.startsWith("fr")) return "fr";
  if (code?.startsWith("en")) return "en";
  return undefined;
}

/**
 * French or English, from the text itself (franc-min); the language the source
 * declares (`hint`, e.g. "fr-FR") only settles texts too short or too close to call.
 */
export function detectLanguage(text: string, hint?: string): LanguageResult {
  const sample = text.replace(/\s+/g, " ").trim().slice(0, SAMPLE_CHARS);
  const declared = localeFromHint(hint);
  if (sample.length < MIN_DETECTION_CHARS) {
    return declared ? { ok: true, language: declared } : { ok: false, detected: "und" };
  }
  const ranked = francAll(sample, { minLength: MIN_DETECTION_CHARS });
  const scores = new Map(ranked);
  const top = ranked[0]?.[0] ?? "und";
  if (top === "und") {
    return declared ? { ok: true, language: declared } : { ok: false, detected: "und" };
  }
  const french = scores.get("fra") ?? 0;
  const english = scores.get("eng") ?? 0;
  if (Math.max(french, english) < MIN_RELATIVE_SCORE) return { ok: false, detected: top };
  if (declared && Math.abs(french - english) < 0.02) return { ok: true, language: declared };
  return { ok: true, language: french >= english ? "fr" : "en" };
}

/** Language names for messages ("deu" → "German"), falling back to the code. */
export function describeLanguage(code: string): string {
  if (code === "und") return "undetermined";
  const locale = FRANC_CODES[code];
  if (locale) return locale === "fr" ? "French" : "English";
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
