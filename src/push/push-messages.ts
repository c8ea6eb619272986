import { type Html, text, trusted } from "../briefs/html.js";
import type { Translate } from "../briefs/render.js";
import { formatDate, renderBrief, renderDigestEntry } from "../briefs/render.js";
import { packMessages } from "../briefs/split.js";
import type { Locale } from "../locales.js";
import type { Reader } from "../readers/reader.js";
import type { PushItem } from "./plan.js";

/** The part of @grammyjs/i18n the push engine needs: translation outside any update. */
export interface Translator {
  t(locale: string, key: string, variables?: Record<string, string | number>): string;
}

export function translateFor(i18n: Translator, locale: Locale): Translate {
  return (key, variables) => i18n.t(locale, key, variables);
}

/** An instant push: exactly the brief /latest shows, in the reader's language. */
export function renderPush(item: PushItem, reader: Reader, i18n: Translator): string {
  return renderBrief(item.article, {
    locale: reader.locale,
    t: translateFor(i18n, reader.locale),
    timeZone: reader.delivery.timeZone,
  }).html;
}

/**
 * renderPush for a broadcast: thousands of readers share a few (language, zone) pairs,
 * and rendering (date formatting, translation lookups) costs more than the send.
 * Keyed by the article object, so an edit made during the run is rendered afresh.
 */
export function createPushRenderer(i18n: Translator): (item: PushItem, reader: Reader) => string {
  const cache = new WeakMap<PushItem["article"], Map<string, string>>();
  return (item, reader) => {
    let byReaderKind = cache.get(item.article);
    if (byReaderKind === undefined) {
      byReaderKind = new Map();
      cache.set(item.article, byReaderKind);
    }
    const key = `${reader.locale} ${reader.delivery.timeZone}`;
    let html = byReaderKind.get(key);
    if (html === undefined) {
      html = renderPush(item, reader, i18n);
      byReaderKind.set(key, html);
    }
    return html;
  };
}

export interface DigestPart {
  html: string;
  /** Sequence number of the last item in this part: the cursor once it is delivered. */
  lastSeq: number;
}

const ENTRY_SEPARATOR = text("\n");

/**
 * A day's items as one message, or several when they exceed Telegram's limit; each
 * part knows its last item so a crash between parts repeats at most one part.
 */
export function renderDigest(
  items: readonly PushItem[],
  reader: Reader,
  i18n: Translator,
  now: Date,
): DigestPart[] {
  const t = translateFor(i18n, reader.locale);
  const options = { locale: reader.locale, t, timeZone: reader.delivery.timeZone };
  const header = trusted(
    t("digest-header", {
      date: formatDate(now.toISOString(), reader.locale, reader.delivery.timeZone),
      count: items.length,
    }),
  );
  const blocks: Html[] = [header, ...items.map((item) => renderDigestEntry(item.article, options))];
  const messages = packMessages(blocks, ENTRY_SEPARATOR);

  // packMessages joins whole blocks, so each message's markup is a run of block
  // markups: walk the blocks to learn which items each message holds.
  const parts: DigestPart[] = [];
  let block = 0;
  let lastSeq = reader.cursor;
  for (const message of messages) {
    let consumed = 0;
    while (block < blocks.length && consumed < message.html.length) {
      consumed +=
        (consumed > 0 ? ENTRY_SEPARATOR.html.length : 0) + (blocks[block] as Html).html.length;
      if (block > 0) lastSeq = (items[block - 1] as PushItem).seq;
      block += 1;
    }
    parts.push({ html: message.html, lastSeq });
  }
  return parts;
}
