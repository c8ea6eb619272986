/**
 * The demo page's wire contract: what the demo server sends and the page reads. Types
 * only, so the browser bundle and the node server share them without sharing code.
 */
import type { BotCommand } from "grammy/types";
import type { Locale } from "../../../src/locales.js";
import type { EmulatedMessage, EmulatorChange } from "../../emulator/types.js";

/** What the page needs of a message (the emulator's view, minus the bot's raw HTML). */
export type PageMessage = Omit<EmulatedMessage, "html" | "link_preview_options">;

/** The reader's Telegram language and the command menu it picks. */
export interface MenuPayload {
  language: Locale;
  commands: BotCommand[];
}

/** The whole chat, sent first on every event stream. */
export interface StatePayload extends MenuPayload {
  bot: { firstName: string; username: string };
  reader: { id: number; firstName: string };
  pushIntervalSeconds: number;
  messages: PageMessage[];
  /** The channel the reader administers, with the bot's posts there; null without one. */
  channel: ChannelPayload | null;
}

export interface ChannelPayload {
  id: number;
  title: string;
  username: string;
  messages: PageMessage[];
}

/** One message sent, edited or deleted in the reader's chat ("chat") or the channel ("channel"). */
export interface ChatChangePayload {
  kind: EmulatorChange["kind"];
  message: PageMessage;
}

/** The toast Telegram shows for a tap, when the bot's answerCallbackQuery has text. */
export interface CallbackAnswer {
  text: string;
  showAlert: boolean;
}

export interface PressResult {
  ok: true;
  answer: CallbackAnswer | null;
}

export interface LanguageResult extends MenuPayload {
  ok: true;
}

export interface PublishResult {
  ok: true;
  article: { id: string; title: string; topics: string[] };
  pushIntervalSeconds: number;
}

/** Every refusal: a 4xx/5xx status with a sentence saying why. */
export interface ApiError {
  ok: false;
  error: string;
}
