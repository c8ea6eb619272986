/**
 * reply_markup validation with Telegram's refusals. Only an inline keyboard stays on
 * the message (Telegram does not echo reply keyboards back), so that is what we return.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { badRequest } from "./api-error.js";

const MAX_CALLBACK_DATA_BYTES = 64;
const MAX_INLINE_BUTTONS = 100;

/** Fields that give a button its action; Telegram wants exactly one. */
const BUTTON_ACTIONS = [
  "callback_data",
  "url",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
] as const;

const LINK_SCHEMES = new Set(["http:", "https:", "tg:", "ton:"]);

/** Reply keyboards and friends: accepted, but Telegram does not attach them to the message. */
const OTHER_MARKUPS = ["keyboard", "remove_keyboard", "force_reply"] as const;

export function readReplyMarkup(value: unknown): InlineKeyboardMarkup | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  const markup = value as Record<string, unknown>;
  if (markup.inline_keyboard === undefined) {
    if (!OTHER_MARKUPS.some((field) => markup[field] !== undefined)) {
      throw badRequest("can't parse reply keyboard markup JSON object");
    }
    return undefined;
  }
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest(
      'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays',
    );
  }
  let count = 0;
  const keyboard: InlineKeyboardButton[][] = [];
  for (const row of rows as unknown[][]) {
    const buttons: InlineKeyboardButton[] = [];
    for (const button of row) {
      buttons.push(readButton(button));
      count += 1;
    }
    if (buttons.length > 0) keyboard.push(buttons);
  }
  if (count > MAX_INLINE_BUTTONS) throw badRequest("reply markup is too long");
  return { inline_keyboard: keyboard };
}

function readButton(value: unknown): InlineKeyboardButton {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  }
  const button = value as Record<string, unknown>;
  if (typeof button.text !== "string") {
    throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  }
  if (button.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
  const actions = BUTTON_ACTIONS.filter((field) => button[field] !== undefined);
  if (actions.length === 0) {
    throw badRequest(
      "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
  }
  if (actions.length > 1) {
    throw badRequest(
      `can't parse inline keyboard button: a button must have exactly one of ${BUTTON_ACTIONS.join(", ")}; got ${actions.join(" and ")}`,
    );
  }
  if (button.callback_data !== undefined) {
    const data = button.callback_data;
    if (
      typeof data !== "string" ||
      data === "" ||
      Buffer.byteLength(data, "utf8") > MAX_CALLBACK_DATA_BYTES
    ) {
      throw badRequest("BUTTON_DATA_INVALID");
    }
  }
  if (button.switch_inline_query_chosen_chat !== undefined) {
    readChosenChat(button.switch_inline_query_chosen_chat);
  }
  if (button.url !== undefined && !isUsableUrl(button.url)) {
    throw badRequest(
      `inline keyboard button URL '${String(button.url)}' is invalid: Wrong HTTP URL`,
    );
  }
  return button as unknown as InlineKeyboardButton;
}

const CHOSEN_CHAT_KINDS = [
  "allow_user_chats",
  "allow_bot_chats",
  "allow_group_chats",
  "allow_channel_chats",
] as const;

/** A Share-style button: which chats the picker offers, and the query typed into it. */
function readChosenChat(value: unknown): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest(
      'can\'t parse inline keyboard button: Field "switch_inline_query_chosen_chat" must be of type Object',
    );
  }
  const chosen = value as Record<string, unknown>;
  if (chosen.query !== undefined && typeof chosen.query !== "string") {
    throw badRequest('can\'t parse inline keyboard button: Field "query" must be of type String');
  }
  // With no kind of chat allowed, the picker would be empty.
  if (!CHOSEN_CHAT_KINDS.some((kind) => chosen[kind] === true)) {
    throw badRequest("BUTTON_TYPE_INVALID");
  }
}

function isUsableUrl(value: unknown): boolean {
  if (typeof value !== "string" || value.trim() === "") return false;
  try {
    const url = new URL(value);
    if (!LINK_SCHEMES.has(url.protocol)) return false;
    return url.protocol === "tg:" || url.protocol === "ton:" || url.hostname !== "";
  } catch {
    return false;
  }
}
