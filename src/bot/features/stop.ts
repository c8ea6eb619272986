import { Composer } from "grammy";
import { deactivateReader } from "../../readers/reader.js";
import type { Context } from "../context.js";
import { updateReader } from "../helpers/reader.js";

const composer = new Composer<Context>();

composer.chatType("private").command("stop", async (ctx) => {
  if (ctx.reader && !ctx.reader.active && ctx.reader.inactiveReason === "stopped") {
    await ctx.reply(ctx.t("stop-already"));
    return;
  }
  const now = ctx.deps.clock.now();
  await updateReader(ctx, (reader) => ({
    ...deactivateReader(reader, "stopped", now),
    topics: {},
  }));
  await ctx.reply(ctx.t("stop-done"));
});

// Blocking the bot arrives as my_chat_member "kicked": stop pushing before a send fails.
composer.on("my_chat_member", async (ctx, next) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if (ctx.chat.type !== "private" || (status !== "kicked" && status !== "left")) return next();
  if (!ctx.reader) return;
  const now = ctx.deps.clock.now();
  await ctx.deps.readers.update(ctx.chat.id, (reader) =>
    reader ? deactivateReader(reader, "blocked", now) : undefined,
  );
  ctx.logger.info("reader blocked the bot; pushes stopped");
});

export { composer as stopFeature };
