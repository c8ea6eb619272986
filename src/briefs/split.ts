import { type Html, join, text } from "./html.js";

/** Telegram's limit for one text message, in UTF-16 units after entity parsing. */
export const MAX_MESSAGE_LENGTH = 4096;

/**
 * Packs blocks (briefs, digest entries) into as few messages as fit, never
 * splitting a block across messages unless it alone is too long; such a block is
 * cut into plain-text pieces at sentence, then word boundaries, so no tag ever
 * straddles two messages.
 */
export function packMessages(
  blocks: readonly Html[],
  separator: Html = text("\n\n"),
  limit = MAX_MESSAGE_LENGTH,
): Html[] {
  const messages: Html[] = [];
  let current: Html[] = [];
  let currentLength = 0;
  const flush = () => {
    if (current.length > 0) messages.push(join(current, separator));
    current = [];
    currentLength = 0;
  };
  for (const block of blocks) {
    const pieces = block.length > limit ? splitPlain(block, limit) : [block];
    for (const piece of pieces) {
      const added = (current.length > 0 ? separator.length : 0) + piece.length;
      if (currentLength + added > limit) flush();
      currentLength += (current.length > 0 ? separator.length : 0) + piece.length;
      current.push(piece);
    }
  }
  flush();
  return messages;
}

/** Visible text of a block, without markup; used only when a single block is too long. */
function visibleText(block: Html): string {
  return block.html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

function splitPlain(block: Html, limit: number): Html[] {
  return cutText(visibleText(block), limit).map(text);
}

/** Cuts text into pieces of at most `limit` units, preferring sentence ends, then spaces. */
export function cutText(value: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = value;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = lastBoundary(window);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  const last = rest.trimEnd();
  if (last.length > 0) pieces.push(last);
  return pieces;
}

function lastBoundary(window: string): number {
  const sentence = Math.max(
    window.lastIndexOf(". "),
    window.lastIndexOf("! "),
    window.lastIndexOf("? "),
    window.lastIndexOf("\n"),
  );
  // Only accept a boundary in the second half, or pieces get silly short.
  if (sentence > window.length / 2) return sentence + 1;
  const space = window.lastIndexOf(" ");
  if (space > window.length / 2) return space + 1;
  // Never cut a surrogate pair in half.
  const end = window.length;
  const code = window.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/**
 * Shortens a summary to at most `limit` characters at a sentence end (or a word
 * end with "…" when no sentence fits), for compact lists.
 */
export function truncateAtSentence(value: string, limit: number): string {
  if (value.length <= limit) return value;
  const window = value.slice(0, limit);
  const sentenceEnd = Math.max(
    window.lastIndexOf(". "),
    window.lastIndexOf("! "),
    window.lastIndexOf("? "),
  );
  if (sentenceEnd > limit / 3) return window.slice(0, sentenceEnd + 1);
  const space = window.lastIndexOf(" ", limit - 1);
  return `${window.slice(0, space > 0 ? space : limit - 1).trimEnd()}…`;
}
