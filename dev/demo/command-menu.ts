import type { BotCommand } from "grammy/types";
import type { RecordedCall } from "../emulator/index.js";

/**
 * The command menu a Telegram app shows in a private chat, worked out from the bot's
 * setMyCommands/deleteMyCommands calls. Telegram picks the first non-empty list of:
 * this chat in the user's language, this chat, all private chats in the language,
 * all private chats, default in the language, default. (The emulator's commands()
 * reads the default scope only; /language sets a chat-scoped menu.)
 */
export function resolveCommandMenu(
  calls: readonly RecordedCall[],
  chatId: number,
  languageCode: string,
): BotCommand[] {
  const lists = new Map<string, BotCommand[]>();
  for (const call of calls) {
    if (call.status !== 200) continue;
    const method = call.method.toLowerCase();
    if (method !== "setmycommands" && method !== "deletemycommands") continue;
    const key = scopeKey(call.payload, chatId);
    if (key === undefined) continue;
    if (method === "deletemycommands") lists.delete(key);
    else lists.set(key, readCommands(call.payload.commands));
  }
  const language = languageCode.toLowerCase();
  const order = ["chat", "all_private_chats", "default"].flatMap((scope) => [
    `${scope}|${language}`,
    `${scope}|`,
  ]);
  for (const key of order) {
    const list = lists.get(key);
    if (list !== undefined && list.length > 0) return list;
  }
  return [];
}

/** "<scope>|<language>" for scopes that apply to this private chat, else undefined. */
function scopeKey(payload: Record<string, unknown>, chatId: number): string | undefined {
  const scope = parseMaybeJson(payload.scope) ?? { type: "default" };
  if (typeof scope !== "object" || scope === null) return undefined;
  const { type, chat_id: scopeChat } = scope as { type?: unknown; chat_id?: unknown };
  const language = typeof payload.language_code === "string" ? payload.language_code : "";
  if (type === "default" || type === "all_private_chats") return `${type}|${language}`;
  if (type === "chat" && Number(scopeChat) === chatId) return `chat|${language}`;
  return undefined;
}

// Form-encoded calls carry objects as JSON strings.
function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function readCommands(value: unknown): BotCommand[] {
  const list = parseMaybeJson(value);
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const { command, description } = (item ?? {}) as Record<string, unknown>;
    return typeof command === "string" && typeof description === "string"
      ? [{ command, description }]
      : [];
  });
}
