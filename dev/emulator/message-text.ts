/**
 * Turns a send/edit payload's text, parse_mode and entities into what Telegram would
 * store: plain text plus entities, trimmed, within 1–4,096 UTF-16 units.
 */
import type { MessageEntity } from "grammy/types";
import { badRequest } from "./api-error.js";
import { HtmlParseError, parseTelegramHtml, sortEntities } from "./telegram-html.js";

export const MAX_MESSAGE_LENGTH_UTF16 = 4096;
/** Telegram's limit for a media caption, counted like text after parsing. */
export const MAX_CAPTION_LENGTH_UTF16 = 1024;

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
  /** The source markup when parse_mode was HTML. */
  html?: string;
}

export function readMessageText(payload: Record<string, unknown>): FormattedText {
  const raw = payload.text;
  if (raw === undefined || raw === null || raw === "") throw badRequest("message text is empty");
  const source = typeof raw === "string" ? raw : String(raw);
  const formatted = parseFormatted(source, payload.parse_mode, payload.entities);
  const trimmed = trimFormatted(formatted);
  if (trimmed.text === "") throw badRequest("message text is empty");
  if (trimmed.text.length > MAX_MESSAGE_LENGTH_UTF16) throw badRequest("message is too long");
  return trimmed;
}

/** A media message's optional caption (caption, parse_mode, caption_entities). */
export function readCaption(payload: Record<string, unknown>): FormattedText | undefined {
  const raw = payload.caption;
  if (raw === undefined || raw === null || raw === "") return undefined;
  const source = typeof raw === "string" ? raw : String(raw);
  const trimmed = trimFormatted(
    parseFormatted(source, payload.parse_mode, payload.caption_entities),
  );
  if (trimmed.text.length > MAX_CAPTION_LENGTH_UTF16)
    throw badRequest("message caption is too long");
  return trimmed.text === "" ? undefined : trimmed;
}

function parseFormatted(source: string, parseMode: unknown, entities: unknown): FormattedText {
  if (parseMode === undefined || parseMode === null || parseMode === "") {
    return { text: source, entities: readEntities(entities, source.length) };
  }
  const mode = String(parseMode).toLowerCase();
  if (mode === "html") {
    try {
      return { ...parseTelegramHtml(source), html: source };
    } catch (error) {
      if (error instanceof HtmlParseError) throw badRequest(error.message);
      throw error;
    }
  }
  if (mode === "markdownv2" || mode === "markdown") {
    throw badRequest(
      `can't parse entities: parse_mode "${String(parseMode)}" is not supported by the emulator; use HTML`,
    );
  }
  throw badRequest("unsupported parse_mode");
}

/** Entities given without parse_mode: kept when well-formed, clipped to the text. */
function readEntities(value: unknown, textLength: number): MessageEntity[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw badRequest("can't parse entities: entities must be an Array of MessageEntity");
  }
  const kept: MessageEntity[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) {
      throw badRequest("can't parse entities: an entity must be a MessageEntity object");
    }
    const entity = item as Record<string, unknown>;
    const { type, offset, length } = entity;
    if (typeof type !== "string" || !Number.isInteger(offset) || !Number.isInteger(length)) {
      throw badRequest(
        "can't parse entities: each entity needs a string type and integer offset and length",
      );
    }
    const start = Math.max(0, offset as number);
    const end = Math.min(textLength, (offset as number) + (length as number));
    if (end > start) kept.push({ ...entity, offset: start, length: end - start } as MessageEntity);
  }
  return sortEntities(kept);
}

function isTrimmable(char: string | undefined): boolean {
  return (
    char === " " ||
    char === "\n" ||
    char === "\r" ||
    char === "\t" ||
    char === "\v" ||
    char === "\f" ||
    char === "\0"
  );
}

/** Telegram strips leading and trailing whitespace and shifts entities to match. */
function trimFormatted(formatted: FormattedText): FormattedText {
  const { text } = formatted;
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmable(text[start])) start += 1;
  while (end > start && isTrimmable(text[end - 1])) end -= 1;
  if (start === 0 && end === text.length) return formatted;
  const entities: MessageEntity[] = [];
  for (const entity of formatted.entities) {
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (to > from) entities.push({ ...entity, offset: from - start, length: to - from });
  }
  const trimmed: FormattedText = { text: text.slice(start, end), entities };
  if (formatted.html !== undefined) trimmed.html = formatted.html;
  return trimmed;
}

/** True when two texts would look the same in the chat (for "message is not modified"). */
export function sameFormattedText(
  a: { text: string; entities: readonly MessageEntity[] },
  b: { text: string; entities: readonly MessageEntity[] },
): boolean {
  return a.text === b.text && deepEqual(a.entities, b.entities);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => deepEqual(left[key], right[key]));
}
