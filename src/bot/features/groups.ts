import { Composer } from "grammy";
import type { ChatMember } from "grammy/types";
import { localeFromLanguageCode } from "../../locales.js";
import { migrateReader } from "../../readers/migrate-reader.js";
import { createReader, deactivateReader, reactivateReader } from "../../readers/reader.js";
import type { Context } from "../context.js";

/** The bot's own membership of groups and supergroups, and their migration. */
const composer = new Composer<Context>();
const groups = composer.chatType(["group", "supergroup"]);

export function isPresent(member: ChatMember): boolean {
  return (
    member.status === "member" || member.status === "administrator" || member.status === "creator"
  );
}

groups.on("my_chat_member", async (ctx) => {
  const { old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
  const chatId = ctx.chat.id;
  const now = ctx.deps.clock.now();
  if (isPresent(after) && !isPresent(before)) {
    // The group speaks the language of whoever added the bot, until an admin changes it.
    const locale = localeFromLanguageCode(ctx.from.language_code);
    const { ledger } = ctx.deps;
    const reader = await ctx.deps.readers.update(chatId, (current) =>
      current === undefined
        ? createReader(chatId, locale, now, ledger.maxSeq(), ctx.chat.type)
        : reactivateReader(current, now),
    );
    if (reader !== undefined) ctx.i18n.useLocale(reader.locale);
    ctx.logger.info({ by: ctx.from.id }, "added to a group");
    await ctx.reply(ctx.t("group-welcome", { bot: ctx.me.username }));
    return;
  }
  if (!isPresent(after) && isPresent(before)) {
    // Removed: keep the settings in case the bot is added back.
    await ctx.deps.readers.update(chatId, (reader) =>
      reader === undefined ? undefined : deactivateReader(reader, "removed", now),
    );
    ctx.logger.info({ by: ctx.from.id }, "removed from a group; pushes stopped");
  }
});

groups.on("message:migrate_to_chat_id", async (ctx) => {
  const toId = ctx.msg.migrate_to_chat_id;
  await migrateReader(ctx.deps.readers, ctx.chat.id, toId, ctx.deps.clock.now());
  ctx.logger.info({ to: toId }, "group became a supergroup; settings moved");
});

export { composer as groupsFeature };
