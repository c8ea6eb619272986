/**
 * A Bot API call's parameters, from the query string and a JSON or
 * application/x-www-form-urlencoded body, like Telegram accepts them; plus readers
 * that coerce the string values a form or query carries.
 */
import type { IncomingMessage } from "node:http";
import { ApiError, badRequest } from "./api-error.js";

/** Telegram refuses bigger non-upload requests; this also bounds a runaway client. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Parameters that hold JSON when they arrive as form or query strings. */
const JSON_FIELDS = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "link_preview_options",
  "reply_parameters",
  "allowed_updates",
  "commands",
  "scope",
  "menu_button",
]);

export type Payload = Record<string, unknown>;

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, "Request Entity Too Large"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    request.on("error", reject);
    request.on("close", () => {
      if (!request.complete) reject(badRequest("the request body was cut off"));
    });
  });
}

export function parsePayload(
  query: string,
  body: Buffer,
  contentType: string | undefined,
): Payload {
  const payload: Payload = query === "" ? {} : formFields(new URLSearchParams(query));
  if (body.length === 0) return payload;
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON encoded request body");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("JSON request body must be an object");
    }
    return Object.assign(payload, parsed);
  }
  if (type === "application/x-www-form-urlencoded" || type === "") {
    return Object.assign(payload, formFields(new URLSearchParams(body.toString("utf8"))));
  }
  if (type === "multipart/form-data") {
    throw badRequest("multipart/form-data must go through parseMultipart (uploads.ts)");
  }
  throw badRequest(`unsupported Content-Type "${type}"`);
}

/** Decodes the JSON-valued fields of a form or multipart payload, in place. */
export function decodeJsonFields(payload: Payload): Payload {
  for (const [key, value] of Object.entries(payload)) {
    if (JSON_FIELDS.has(key) && typeof value === "string" && value !== "") {
      try {
        payload[key] = JSON.parse(value);
      } catch {
        throw badRequest(`can't parse ${key} JSON object`);
      }
    }
  }
  return payload;
}

function formFields(params: URLSearchParams): Payload {
  const payload: Payload = {};
  for (const [key, value] of params) {
    if (JSON_FIELDS.has(key) && value !== "") {
      try {
        payload[key] = JSON.parse(value);
      } catch {
        throw badRequest(`can't parse ${key} JSON object`);
      }
    } else {
      payload[key] = value;
    }
  }
  return payload;
}

/** An optional integer parameter; numeric strings (from forms) count. */
export function readInteger(payload: Payload, field: string): number | undefined {
  const value = payload[field];
  if (value === undefined || value === null || value === "") return undefined;
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(number)) {
    throw badRequest(`field "${field}" must be an integer, got ${JSON.stringify(value)}`);
  }
  return number;
}

export function readBoolean(payload: Payload, field: string): boolean {
  const value = payload[field];
  return value === true || value === "true" || value === "1" || value === 1;
}

export function readString(payload: Payload, field: string): string | undefined {
  const value = payload[field];
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}

export function readChatId(payload: Payload): number {
  const value = payload.chat_id;
  if (value === undefined || value === null || value === "") throw badRequest("chat_id is empty");
  const number = typeof value === "number" ? value : Number(value);
  // "@channelname" and other non-numeric ids name chats the emulator does not have.
  if (!Number.isSafeInteger(number) || number === 0) throw badRequest("chat not found");
  return number;
}

export function readMessageId(payload: Payload): number {
  const id = readInteger(payload, "message_id");
  if (id === undefined) throw badRequest("message identifier is not specified");
  return id;
}
