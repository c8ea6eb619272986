/**
 * Inline mode: queries a user types as "@bot words", the bot's answerInlineQuery
 * (checked as Telegram checks it), and the user picking a result into a chat.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import { badRequest } from "./api-error.js";
import { type FormattedText, readMessageText } from "./message-text.js";
import { readReplyMarkup } from "./reply-markup.js";
import { type Payload, readBoolean, readInteger, readString } from "./request-payload.js";

/** Telegram's limits on one answer. */
const MAX_RESULTS = 50;
const MAX_RESULT_ID_BYTES = 64;
const MAX_QUERY_LENGTH = 256; // characters, what the Telegram app lets a user type
const MAX_CACHE_TIME_S = 300 * 24 * 3600;

/** One result the user can pick: an article, validated and with its text parsed. */
export interface InlineResult {
  id: string;
  title: string;
  description?: string;
  url?: string;
  message: FormattedText;
  reply_markup?: InlineKeyboardMarkup;
}

export interface InlineAnswer {
  results: InlineResult[];
  /** Seconds; Telegram's default is 300. */
  cacheTime: number;
  isPersonal: boolean;
}

interface PendingQuery {
  userId: number;
  query: string;
  answer?: InlineAnswer;
  onAnswer?: (answer: InlineAnswer) => void;
}

export interface InlineQueries {
  /** Registers a new query; returns its id. */
  open(userId: number, query: string): string;
  /** Resolves with the bot's answer, or rejects after timeoutMs. */
  waitForAnswer(id: string, timeoutMs: number): Promise<InlineAnswer>;
  /** The answerInlineQuery handler. */
  answer(payload: Payload): true;
}

export function checkInlineQueryText(query: string): void {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new Error(
      `inlineQuery: ${query.length} characters is over Telegram's ${MAX_QUERY_LENGTH}`,
    );
  }
}

export function createInlineQueries(botId: number): InlineQueries {
  const queries = new Map<string, PendingQuery>();
  let seq = 0;
  return {
    open(userId, query) {
      seq += 1;
      const id = `${botId}${String(seq).padStart(10, "0")}`;
      queries.set(id, { userId, query });
      return id;
    },
    waitForAnswer(id, timeoutMs) {
      const pending = queries.get(id);
      if (pending === undefined) return Promise.reject(new Error(`no inline query ${id}`));
      if (pending.answer !== undefined) return Promise.resolve(pending.answer);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`inline query ${JSON.stringify(pending.query)}: no answer`)),
          timeoutMs,
        );
        pending.onAnswer = (answer) => {
          clearTimeout(timer);
          resolve(answer);
        };
      });
    },
    answer(payload) {
      const id = readString(payload, "inline_query_id");
      const pending = id === undefined ? undefined : queries.get(id);
      if (pending === undefined || pending.answer !== undefined) {
        throw badRequest("query is too old and response timeout expired or query ID is invalid");
      }
      const cacheTime = readInteger(payload, "cache_time") ?? 300;
      if (cacheTime < 0 || cacheTime > MAX_CACHE_TIME_S) throw badRequest("CACHE_TIME_INVALID");
      const answer: InlineAnswer = {
        results: readResults(payload.results),
        cacheTime,
        isPersonal: readBoolean(payload, "is_personal"),
      };
      pending.answer = answer;
      pending.onAnswer?.(answer);
      return true;
    },
  };
}

function readResults(value: unknown): InlineResult[] {
  if (!Array.isArray(value)) {
    throw badRequest("can't parse inline query results JSON object");
  }
  if (value.length > MAX_RESULTS) throw badRequest("RESULTS_TOO_MUCH");
  const seen = new Set<string>();
  return value.map((item) => {
    const result = readResult(item);
    if (seen.has(result.id)) throw badRequest("RESULT_ID_DUPLICATE");
    seen.add(result.id);
    return result;
  });
}

function readResult(value: unknown): InlineResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("can't parse InlineQueryResult: must be an Object");
  }
  const result = value as Record<string, unknown>;
  if (result.type !== "article") {
    throw badRequest(
      `can't parse InlineQueryResult: type ${JSON.stringify(result.type)} is not supported by the emulator; use article`,
    );
  }
  const id = result.id;
  if (typeof id !== "string" || id === "" || Buffer.byteLength(id, "utf8") > MAX_RESULT_ID_BYTES) {
    throw badRequest("RESULT_ID_INVALID");
  }
  if (typeof result.title !== "string" || result.title.trim() === "") {
    throw badRequest("RESULT_TITLE_EMPTY");
  }
  const content = result.input_message_content;
  if (typeof content !== "object" || content === null || Array.isArray(content)) {
    throw badRequest(
      'can\'t parse InlineQueryResultArticle: Field "input_message_content" must be of type Object',
    );
  }
  const { message_text, parse_mode, entities } = content as Record<string, unknown>;
  // The same rules as sendMessage: 1–4,096 characters after parsing, valid HTML.
  const message = readMessageText({ text: message_text, parse_mode, entities });
  const markup = readReplyMarkup(result.reply_markup);
  const parsed: InlineResult = { id, title: result.title, message };
  if (typeof result.description === "string") parsed.description = result.description;
  if (typeof result.url === "string") parsed.url = result.url;
  if (markup !== undefined) parsed.reply_markup = markup;
  return parsed;
}
