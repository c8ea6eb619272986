/** The local Telegram Bot API emulator: see types.ts for the contract. */
export { createBotApiEmulator, emulatedBotInfo } from "./create-bot-api-emulator.js";
export { HtmlParseError, type ParsedText, parseTelegramHtml } from "./telegram-html.js";
export type * from "./types.js";
