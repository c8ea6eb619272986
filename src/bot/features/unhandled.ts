import { Composer } from "grammy";
import type { Context } from "../context.js";

/** Whatever no feature took: a short hint, never silence, never a crash. Must be last. */
const composer = new Composer<Context>();

composer.callbackQuery(/.*/s, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));

// An edit to an old message is not a new request; answering it would be noise.
composer.on(["edited_message", "edited_channel_post"], () => undefined);

const privateChat = composer.chatType("private");
privateChat.on("message:text", (ctx) =>
  ctx.reply(ctx.t(ctx.msg.text.startsWith("/") ? "unhandled-command" : "unhandled")),
);
privateChat.on("message", (ctx) => ctx.reply(ctx.t("unhandled-non-text")));

// In groups, only commands meant for this bot get a pointer to the private chat.
composer.chatType(["group", "supergroup"]).on("message:entities:bot_command", (ctx) => {
  const text = ctx.msg.text ?? "";
  const username = ctx.me.username.toLowerCase();
  const addressed = text.split(/\s/, 1)[0]?.toLowerCase().endsWith(`@${username}`);
  return addressed ? ctx.reply(ctx.t("private-only")) : undefined;
});

export { composer as unhandledFeature };
