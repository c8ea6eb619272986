import type { Context } from "../context.js";

/** Telegram's GroupAnonymousBot: the `from` of a message an anonymous administrator sends. */
export const ANONYMOUS_ADMIN_ID = 1_087_968_824;

export function isGroupChat(ctx: Context): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}

/** True when Telegram says this user administers this chat (creator or administrator). */
export async function isAdminOf(ctx: Context, chatId: number | string, userId: number) {
  const member = await ctx.api.getChatMember(chatId, userId);
  return member.status === "creator" || member.status === "administrator";
}

/**
 * Whether the sender of this update administers the chat it came from, asked of
 * Telegram now (rights change; an earlier answer is not trusted). An anonymous
 * administrator writes as the group itself, which only administrators can do.
 */
export async function isChatAdmin(ctx: Context): Promise<boolean> {
  const chat = ctx.chat;
  const from = ctx.from;
  if (chat === undefined || from === undefined) return false;
  if (from.id === ANONYMOUS_ADMIN_ID) return ctx.senderChat?.id === chat.id;
  return isAdminOf(ctx, chat.id, from.id);
}
