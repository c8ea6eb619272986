import type { MiddlewareFn } from "grammy";
import type { BotDeps, Context } from "../context.js";

/**
 * First middleware: hands every update the dependencies, a logger that names the
 * update and chat, and the reader's stored state; then logs how the update went.
 */
export function attachDeps(deps: BotDeps): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const started = performance.now();
    ctx.deps = deps;
    ctx.logger = deps.logger.child({ update_id: ctx.update.update_id, chat_id: ctx.chat?.id });
    ctx.reader = ctx.chat ? deps.readers.get(ctx.chat.id) : undefined;
    await next();
    const command = ctx.message?.text?.startsWith("/")
      ? ctx.message.text.split(/[\s@]/, 1)[0]
      : undefined;
    ctx.logger.info(
      {
        kind: Object.keys(ctx.update).find((key) => key !== "update_id"),
        command,
        callback: ctx.callbackQuery?.data?.split(":", 1)[0],
        ms: Math.round(performance.now() - started),
      },
      "update handled",
    );
  };
}
