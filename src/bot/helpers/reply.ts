import type { Html } from "../../briefs/html.js";
import { packMessages } from "../../briefs/split.js";
import type { Context } from "../context.js";

type Markup = Parameters<Context["reply"]>[1] extends infer O
  ? O extends { reply_markup?: infer M }
    ? M
    : never
  : never;

/**
 * Sends HTML that may exceed one message: it is packed into as few messages as
 * fit Telegram's 4,096 limit, and the keyboard goes on the last one.
 */
export async function replyHtml(
  ctx: Context,
  blocks: readonly Html[],
  options: { reply_markup?: Markup; separator?: Html } = {},
): Promise<void> {
  const messages = packMessages(blocks, options.separator);
  for (const [index, message] of messages.entries()) {
    const last = index === messages.length - 1;
    await ctx.reply(message.html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(last && options.reply_markup ? { reply_markup: options.reply_markup } : {}),
    });
  }
}
