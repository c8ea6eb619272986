import type { MiddlewareFn } from "grammy";
import type { Context } from "../context.js";
import { moreButton } from "../features/latest.js";
import { isChatAdmin, isGroupChat } from "../helpers/chat-admin.js";

/** Commands that change a group's own settings; /latest stays open to every member. */
const ADMIN_COMMANDS = new Set([
  "topics",
  "subscribe",
  "unsubscribe",
  "language",
  "settings",
  "watch",
  "unwatch",
  "mute",
  "unmute",
  "export",
  "deletedata",
]);
const COMMAND = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s|$)/;

/** The command this message gives the bot, or undefined (not a command, or for another bot). */
function commandFor(ctx: Context): string | undefined {
  const match = COMMAND.exec(ctx.message?.text ?? "");
  if (match === null) return undefined;
  const [, name = "", username] = match;
  if (username !== undefined && username.toLowerCase() !== ctx.me.username.toLowerCase()) {
    return undefined;
  }
  return name.toLowerCase();
}

/**
 * In groups, settings belong to the group, so only its administrators change them:
 * setting commands and every button tap are checked with Telegram before any
 * feature sees them; a member gets a short refusal and nothing changes.
 */
export function groupAdminsOnly(): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!isGroupChat(ctx)) return next();
    const command = commandFor(ctx);
    const data = ctx.callbackQuery?.data;
    const guarded =
      data !== undefined
        ? !moreButton.filter.test(data)
        : command !== undefined && ADMIN_COMMANDS.has(command);
    if (!guarded || (await isChatAdmin(ctx))) return next();
    ctx.logger.info({ command, user: ctx.from?.id }, "group setting refused: not an administrator");
    if (data !== undefined) {
      await ctx.answerCallbackQuery({ text: ctx.t("group-admins-only") });
      return;
    }
    await ctx.reply(ctx.t("group-admins-only"));
  };
}
