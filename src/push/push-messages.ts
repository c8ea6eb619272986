import { type Html, text, trusted } from "../briefs/html.js";
import { formatDate, renderDigestEntry, type Translator, translateFor } from "../briefs/render.js";
import { packMessages } from "../briefs/split.js";
import type { Reader } from "../readers/reader.js";
import type { PushItem } from "./plan.js";

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
