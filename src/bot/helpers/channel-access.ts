import type { Api } from "grammy";

/** Whether this user may configure this channel now, and if not, why. */
export type ChannelAccess =
  | { ok: true; chatId: number; title: string }
  | { ok: false; reason: "not-found" | "not-admin" | "bot-cannot-post"; title: string };

/**
 * Asks Telegram, at the moment of the change, whether the bot may post in the channel
 * and the user administers it. Never trusted from an earlier answer: rights change.
 * `channel` is "@username" or a numeric id.
 */
export async function checkChannelAccess(
  api: Api,
  channel: number | string,
  botId: number,
  userId: number,
): Promise<ChannelAccess> {
  const chat = await api.getChat(channel).catch(() => undefined);
  const label = typeof channel === "number" ? String(channel) : channel;
  if (chat === undefined || chat.type !== "channel") {
    return { ok: false, reason: "not-found", title: label };
  }
  const title = chat.title;
  const bot = await api.getChatMember(chat.id, botId).catch(() => undefined);
  if (bot?.status !== "administrator" || bot.can_post_messages !== true) {
    return { ok: false, reason: "bot-cannot-post", title };
  }
  const user = await api.getChatMember(chat.id, userId).catch(() => undefined);
  if (user?.status !== "creator" && user?.status !== "administrator") {
    return { ok: false, reason: "not-admin", title };
  }
  return { ok: true, chatId: chat.id, title };
}

/** "@name" stays a name; "-100123" becomes a number; anything else is not a channel. */
export function parseChannelRef(value: string): number | string | undefined {
  if (/^@[A-Za-z0-9_]{4,32}$/.test(value)) return value;
  if (/^-\d{5,20}$/.test(value)) {
    const id = Number(value);
    return Number.isSafeInteger(id) ? id : undefined;
  }
  return undefined;
}
