import type { BotError } from "grammy";
import type { Context } from "../context.js";

/**
 * The error boundary: log the failure with its update, tell the reader something
 * went wrong (once, best effort), and keep the bot running.
 */
export async function errorHandler(error: BotError<Context>): Promise<void> {
  const { ctx } = error;
  const logger = ctx.logger ?? ctx.deps?.logger;
  logger?.error({ err: error.error, update: ctx.update }, "update failed");
  if (ctx.callbackQuery) {
    // A query answered before the failure keeps that answer: Telegram refuses a second.
    if (ctx.callbackAnswered) return;
    await ctx.answerCallbackQuery({ text: ctx.t("error-generic") }).catch(() => undefined);
  } else if (ctx.chat?.type === "private") {
    await ctx.reply(ctx.t("error-generic")).catch(() => undefined);
  }
}
