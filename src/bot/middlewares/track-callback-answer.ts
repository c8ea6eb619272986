import type { MiddlewareFn } from "grammy";
import type { Context } from "../context.js";

/**
 * Records on the context when this update's callback query has been answered, so the
 * error handler answers only a query still waiting: Telegram refuses a second answer
 * ("query is too old or query ID is invalid"), and the reader saw the first one anyway.
 */
export const trackCallbackAnswer: MiddlewareFn<Context> = (ctx, next) => {
  ctx.callbackAnswered = false;
  const queryId = ctx.callbackQuery?.id;
  if (queryId !== undefined) {
    ctx.api.config.use(async (call, method, payload, signal) => {
      const result = await call(method, payload, signal);
      if (
        method === "answerCallbackQuery" &&
        result.ok &&
        (payload as { callback_query_id?: string }).callback_query_id === queryId
      ) {
        ctx.callbackAnswered = true;
      }
      return result;
    });
  }
  return next();
};
