import type { Article, Brief } from "../articles/schema.js";
import { LOCALES, type Locale } from "../locales.js";
import { bold, type Html, italic, join, link, text } from "./html.js";
import { truncateAtSentence } from "./split.js";

/** Translates a locale key with variables, bound to one locale (ctx.t or i18n.t(locale, …)). */
export type Translate = (key: string, variables?: Record<string, string | number>) => string;

/** The part of @grammyjs/i18n used outside any update (pushes, cached renders). */
export interface Translator {
  t(locale: string, key: string, variables?: Record<string, string | number>): string;
}

export function translateFor(i18n: Translator, locale: Locale): Translate {
  return (key, variables) => i18n.t(locale, key, variables);
}

/** Summaries longer than this are cut at a sentence so five briefs share one message. */
export const MAX_SUMMARY_IN_LIST = 700; // characters

/** Other outlets named under a brief; more are counted ("+2") so the line stays short. */
export const MAX_ALSO_SHOWN = 5;

/** "Also: Reuters, Les Echos", each outlet linked to its own article; undefined when there are none. */
export function renderAlsoReportedBy(article: Article, t: Translate): Html | undefined {
  const others = article.alsoReportedBy ?? [];
  if (others.length === 0) return undefined;
  const shown = others.slice(0, MAX_ALSO_SHOWN).map((entry) => link(entry.source, entry.url));
  const hidden = others.length - shown.length;
  return join([
    italic(t("brief-also")),
    text(" "),
    join(shown, ", "),
    ...(hidden > 0 ? [text(` +${hidden}`)] : []),
  ]);
}

/** The reader's language when the article has it, else the other one (and says so). */
export function pickBrief(article: Article, locale: Locale): { brief: Brief; locale: Locale } {
  const own = article.briefs[locale];
  if (own) return { brief: own, locale };
  for (const other of LOCALES) {
    const brief = article.briefs[other];
    if (brief) return { brief, locale: other };
  }
  // The schema guarantees one language; this keeps the type honest.
  throw new Error(`article ${article.id} has no brief`);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (it loads
// ICU data), and every brief has a date: keep one per locale and time zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(iso: string, locale: Locale, timeZone = "UTC"): string {
  const key = `${locale} ${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone,
    });
    // Time zones are a bounded set (IANA names), so the map stays small.
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

export interface RenderBriefOptions {
  locale: Locale;
  t: Translate;
  timeZone?: string;
}

/**
 * One brief as Telegram HTML: bold title, summary, source and date, a link to the
 * full article, the other outlets that ran the story, and a marker when the text
 * is in the other language.
 */
export function renderBrief(article: Article, options: RenderBriefOptions): Html {
  const { brief, locale: shown } = pickBrief(article, options.locale);
  const lines: Html[] = [
    bold(brief.title),
    text(truncateAtSentence(brief.summary, MAX_SUMMARY_IN_LIST)),
    join([
      italic(
        `${article.source} · ${formatDate(article.publishedAt, options.locale, options.timeZone)}`,
      ),
      text(" · "),
      link(options.t("brief-read-more"), article.url),
    ]),
  ];
  const also = renderAlsoReportedBy(article, options.t);
  if (also) lines.push(also);
  if (shown !== options.locale) lines.push(italic(options.t(`brief-original-${shown}`)));
  return join(lines, "\n");
}

/** Renders an article's brief for a locale and time zone (see createBriefRenderer). */
export type BriefRenderer = (article: Article, locale: Locale, timeZone?: string) => Html;

/**
 * renderBrief, remembered: /latest and broadcasts render the same few articles for
 * thousands of readers who share a handful of (language, zone) pairs, and rendering
 * (date formatting, translation lookups, escaping) costs more than sending. Keyed by
 * the article object: the store replaces objects on reload, so an edited article
 * renders afresh and the old entries go with the old objects.
 */
export function createBriefRenderer(i18n: Translator): BriefRenderer {
  const cache = new WeakMap<Article, Map<string, Html>>();
  return (article, locale, timeZone = "UTC") => {
    let byReaderKind = cache.get(article);
    if (byReaderKind === undefined) {
      byReaderKind = new Map();
      cache.set(article, byReaderKind);
    }
    const key = `${locale} ${timeZone}`;
    let html = byReaderKind.get(key);
    if (html === undefined) {
      html = renderBrief(article, { locale, t: translateFor(i18n, locale), timeZone });
      byReaderKind.set(key, html);
    }
    return html;
  };
}

/** A compact digest entry: title linked to the article, then the source. */
export function renderDigestEntry(article: Article, options: RenderBriefOptions): Html {
  const { brief, locale: shown } = pickBrief(article, options.locale);
  const marker = shown !== options.locale ? ` ${options.t(`brief-flag-${shown}`)}` : "";
  return join([
    text("• "),
    link(bold(brief.title), article.url),
    italic(` — ${article.source}${marker}`),
  ]);
}
