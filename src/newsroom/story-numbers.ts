import type { Locale } from "../locales.js";

/**
 * The figures a news text states, by kind, so that two texts can be compared on
 * what tells stories apart: the quarter, the year, the amount, the percentage.
 * Counts ("11 ETFs", "497 rounds") are only supporting evidence.
 */
export type FigureKind = "year" | "quarter" | "amount" | "percent" | "count";

export interface Figure {
  kind: FigureKind;
  /** Amounts in units (70 milliards → 7e10), percentages in percent, quarters 1–4. */
  value: number;
}

/** Words that scale the number before them; currency words are dropped (the figure is what counts). */
const SCALES: ReadonlyArray<[RegExp, number]> = [
  [/^(trillions?|billions? de milliards|tn)$/i, 1e12],
  [/^(billions?|bn|milliards?|mds?|mrd|md)$/i, 1e9],
  [/^(millions?|mn|m|mio)$/i, 1e6],
  [/^(thousand|k|mille)$/i, 1e3],
];

const SCALE_WORDS =
  "trillions?|billions?|bn|tn|milliards?|mds?|mrd|md|millions?|mn|mio|m|thousand|k|mille";
const PERCENT_WORDS = "%|per ?cent|percent|pour ?cent";
const CURRENCY_SIGN = "[$€£¥]";

// A number, optionally preceded by a currency sign and followed by a scale or percent word.
// Letters right after the digits ("5G", "M2", "A320") make it a name, not a figure.
const FIGURE_PATTERN = new RegExp(
  `(${CURRENCY_SIGN}\\s?)?(?<![\\p{L}\\d.,])(\\d{1,3}(?:[.,\\u00a0\\u202f ]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)` +
    `(?:\\s?(${PERCENT_WORDS})|\\s?(${SCALE_WORDS})(?![\\p{L}\\d]))?(?![\\p{L}\\d])`,
  "giu",
);

const QUARTER_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/\b(first|1st|premier|1er)[\s-]+(fiscal\s+)?(quarter|trimestre)\b/i, 1],
  [/\b(second|2nd|deuxieme|2e|second)[\s-]+(fiscal\s+)?(quarter|trimestre)\b/i, 2],
  [/\b(third|3rd|troisieme|3e)[\s-]+(fiscal\s+)?(quarter|trimestre)\b/i, 3],
  [/\b(fourth|4th|quatrieme|4e)[\s-]+(fiscal\s+)?(quarter|trimestre)\b/i, 4],
];

/** "Q3", "T3" (trimestre), "3Q", "FY24 Q1". */
const QUARTER_CODE = /\b(?:Q|T)([1-4])\b|\b([1-4])Q\b/g;

const YEAR_MIN = 1990;
const YEAR_MAX = 2099;

function stripAccents(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * Reads "2,786" or "1 234,5" the way the text's language writes numbers: French
 * uses the comma for decimals and spaces or dots between thousands; English the reverse.
 */
export function parseLocalizedNumber(raw: string, locale: Locale): number | undefined {
  const compact = raw.replace(/[\u00a0\u202f ]/g, "");
  const [decimal, thousands] = locale === "fr" ? [",", "."] : [".", ","];
  // French copy also writes "2.786 milliards": one dot and no comma is a decimal point there.
  const frenchDot = locale === "fr" && /^\d+\.\d+$/.test(compact);
  const normalized = frenchDot ? compact : compact.split(thousands).join("").replace(decimal, ".");
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

function scaleOf(word: string | undefined): number | undefined {
  if (!word) return undefined;
  for (const [pattern, scale] of SCALES) if (pattern.test(word)) return scale;
  return undefined;
}

function quarters(text: string): Figure[] {
  const plain = stripAccents(text);
  const found: Figure[] = [];
  for (const [pattern, value] of QUARTER_WORDS) {
    if (pattern.test(plain)) found.push({ kind: "quarter", value });
  }
  for (const match of plain.matchAll(QUARTER_CODE)) {
    found.push({ kind: "quarter", value: Number(match[1] ?? match[2]) });
  }
  return found;
}

// "since 2008", "at the end of 2022", "depuis 2008": a yardstick, not the year the story happens in.
const COMPARISON_BEFORE_YEAR =
  /\b(since|than in|end of|start of|depuis|fin|debut|qu'en|que en)\s*$/i;

function isComparisonYear(before: string): boolean {
  return COMPARISON_BEFORE_YEAR.test(stripAccents(before));
}

/** Every figure in a title or lead, in order of appearance (quarters last). */
export function extractFigures(text: string, locale: Locale): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(FIGURE_PATTERN)) {
    const [, currency, digits = "", percentWord, scaleWord] = match;
    const value = parseLocalizedNumber(digits, locale);
    if (value === undefined) continue;
    if (percentWord) {
      figures.push({ kind: "percent", value });
      continue;
    }
    const scale = scaleOf(scaleWord);
    if (scale !== undefined || currency) {
      figures.push({ kind: "amount", value: value * (scale ?? 1) });
      continue;
    }
    const isYear = Number.isInteger(value) && value >= YEAR_MIN && value <= YEAR_MAX;
    if (isYear && isComparisonYear(text.slice(0, match.index))) continue;
    figures.push({ kind: isYear ? "year" : "count", value });
  }
  return [...figures, ...quarters(text)];
}

/** Relative gap under which two amounts are the same figure rounded differently ($68.7bn, $69bn). */
export const AMOUNT_TOLERANCE = 0.05;
/** Percentage points under which two percentages are the same figure (13.2 %, 13 %). */
export const PERCENT_TOLERANCE = 0.5;

export function isSameFigure(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "amount":
      return Math.abs(a.value - b.value) <= AMOUNT_TOLERANCE * Math.max(a.value, b.value);
    case "percent":
      return Math.abs(a.value - b.value) <= PERCENT_TOLERANCE;
    default:
      return a.value === b.value;
  }
}

/** Kinds that name *which* event it is: both texts give one and none agree, so they differ. */
export const DECISIVE_KINDS: readonly FigureKind[] = ["year", "quarter", "amount", "percent"];

export interface FigureComparison {
  /** Figures of the smaller side found on the other side. */
  shared: number;
  /** Decisive kinds both sides state with no value in common. */
  conflicts: FigureKind[];
}

export function compareFigures(a: readonly Figure[], b: readonly Figure[]): FigureComparison {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const shared = small.filter((figure) =>
    large.some((other) => isSameFigure(figure, other)),
  ).length;
  const conflicts = DECISIVE_KINDS.filter((kind) => {
    const left = a.filter((figure) => figure.kind === kind);
    const right = b.filter((figure) => figure.kind === kind);
    if (left.length === 0 || right.length === 0) return false;
    return !left.some((figure) => right.some((other) => isSameFigure(figure, other)));
  });
  return { shared, conflicts };
}

/** A key per figure for the index: amounts rounded to 2 significant digits so $68.7bn and $69bn meet. */
export function figureKeys(figures: readonly Figure[]): string[] {
  return figures
    .filter((figure) => figure.kind !== "count")
    .map((figure) =>
      figure.kind === "amount"
        ? `amount:${Number(figure.value.toPrecision(1))}`
        : `${figure.kind}:${figure.value}`,
    );
}
