import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../briefs/html.js";
import { type Locale, localeFromLanguageCode } from "../../locales.js";
import { tellAdminChannelLost } from "../../push/chat-moves.js";
import { createReader, deactivateReader, reactivateReader } from "../../readers/reader.js";
import { truncateGraphemes } from "../../text/graphemes.js";
import type { Context } from "../context.js";
import {
  type ChannelAccess,
  checkChannelAccess,
  parseChannelRef,
} from "../helpers/channel-access.js";
import { buttonChange, MAX_ECHOED_GRAPHEMES, parseChange } from "../helpers/channel-args.js";
import { changeChannel, channelPanelText } from "../helpers/channel-settings.js";
import { channelButton, createChannelKeyboard, OPEN_ACTION } from "../keyboards/channel.js";

/**
 * Channels are configured from the administrator's private chat: the panel sent when
 * the bot is added, /channels, /channel <@name|id> <words>. Each change first asks
 * Telegram that the bot may post there and that this user administers it.
 */

function refusal(ctx: Context, access: Exclude<ChannelAccess, { ok: true }>): string {
  return ctx.t(`channel-refused-${access.reason}`, { title: access.title });
}

async function sendPanel(ctx: Context, chatId: number, title: string, intro?: string) {
  const reader = await changeChannel(ctx, chatId, ctx.from?.id ?? 0, undefined);
  const body = channelPanelText(ctx, reader, title);
  await ctx.reply(intro === undefined ? body : `${intro}\n\n${body}`, {
    parse_mode: "HTML",
    reply_markup: createChannelKeyboard(ctx.t.bind(ctx), reader),
  });
}

const composer = new Composer<Context>();
const privateChat = composer.chatType("private");

privateChat.command("channels", async (ctx) => {
  const candidates = [...ctx.deps.readers.all()].filter((reader) => reader.chatType === "channel");
  const mine: { chatId: number; title: string }[] = [];
  for (const reader of candidates) {
    const access = await checkChannelAccess(ctx.api, reader.chatId, ctx.me.id, ctx.from.id);
    if (access.ok) mine.push(access);
  }
  if (mine.length === 0) {
    await ctx.reply(ctx.t("channels-none", { bot: ctx.me.username }));
    return;
  }
  const keyboard = mine.reduce(
    (board, channel) =>
      board
        .text(
          channel.title,
          channelButton.pack({ chat: String(channel.chatId), action: OPEN_ACTION }),
        )
        .row(),
    new InlineKeyboard(),
  );
  await ctx.reply(ctx.t("channels-title"), { reply_markup: keyboard });
});

privateChat.command("channel", async (ctx) => {
  const words = ctx.match.trim();
  const [first = "", ...rest] = words.split(/\s+/);
  const ref = parseChannelRef(first);
  if (ref === undefined) {
    await ctx.reply(
      ctx.t("channel-usage", { value: truncateGraphemes(words, MAX_ECHOED_GRAPHEMES) }),
    );
    return;
  }
  const access = await checkChannelAccess(ctx.api, ref, ctx.me.id, ctx.from.id);
  if (!access.ok) {
    ctx.logger.info({ channel: first, reason: access.reason }, "channel change refused");
    await ctx.reply(refusal(ctx, access));
    return;
  }
  if (rest.length === 0) {
    await sendPanel(ctx, access.chatId, access.title);
    return;
  }
  const parsed = parseChange(ctx, rest.join(" "));
  if ("answer" in parsed) {
    await ctx.reply(parsed.answer);
    return;
  }
  const reader = await changeChannel(ctx, access.chatId, ctx.from.id, parsed.change);
  await ctx.reply(channelPanelText(ctx, reader, access.title), {
    parse_mode: "HTML",
    reply_markup: createChannelKeyboard(ctx.t.bind(ctx), reader),
  });
});

privateChat.callbackQuery(channelButton.filter, async (ctx) => {
  const tap = channelButton.unpack(ctx.callbackQuery.data);
  const chatId = Number(tap?.chat);
  const change = tap?.action === OPEN_ACTION ? undefined : buttonChange(tap?.action ?? "");
  if (
    tap === undefined ||
    !Number.isSafeInteger(chatId) ||
    (tap.action !== OPEN_ACTION && !change)
  ) {
    await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
    return;
  }
  const access = await checkChannelAccess(ctx.api, chatId, ctx.me.id, ctx.from.id);
  if (!access.ok) {
    await ctx.answerCallbackQuery({ text: truncateGraphemes(refusal(ctx, access), 190) });
    return;
  }
  if (tap.action === OPEN_ACTION) {
    await ctx.answerCallbackQuery();
    await sendPanel(ctx, chatId, access.title);
    return;
  }
  const reader = await changeChannel(ctx, chatId, ctx.from.id, change);
  await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
  await ctx.editMessageText(channelPanelText(ctx, reader, access.title), {
    parse_mode: "HTML",
    reply_markup: createChannelKeyboard(ctx.t.bind(ctx), reader),
  });
});

/** The language the adder reads in their private chat with the bot. */
function adderLocale(ctx: Context): Locale {
  const own = ctx.from ? ctx.deps.readers.get(ctx.from.id) : undefined;
  return own?.locale ?? localeFromLanguageCode(ctx.from?.language_code);
}

composer.chatType("channel").on("my_chat_member", async (ctx) => {
  const after = ctx.myChatMember.new_chat_member;
  const canPost = after.status === "administrator" && after.can_post_messages === true;
  const chatId = ctx.chat.id;
  const now = ctx.deps.clock.now();
  const { readers, ledger } = ctx.deps;
  const known = readers.get(chatId);
  const locale = adderLocale(ctx);
  if (canPost) {
    const reader = await readers.update(chatId, (current) => {
      const base =
        current === undefined
          ? createReader(chatId, locale, now, ledger.maxSeq(), "channel")
          : current.inactiveReason === "removed"
            ? reactivateReader(current, now)
            : current;
      return { ...base, chatType: "channel", adminId: ctx.from.id };
    });
    if (reader === undefined || (known?.active && known.adminId === ctx.from.id)) return;
    ctx.logger.info({ by: ctx.from.id }, "added to a channel");
    ctx.i18n.useLocale(locale);
    const intro = ctx.t("channel-added", { title: escapeHtml(ctx.chat.title) });
    await ctx.api
      .sendMessage(ctx.from.id, `${intro}\n\n${channelPanelText(ctx, reader, ctx.chat.title)}`, {
        parse_mode: "HTML",
        reply_markup: createChannelKeyboard(ctx.t.bind(ctx), reader),
      })
      .catch((error: unknown) =>
        // The adder never opened a private chat with the bot: /channel still works later.
        ctx.logger.warn({ err: error }, "could not send the channel panel to its admin"),
      );
    return;
  }
  if (after.status === "administrator" && known === undefined) {
    // Added without the right to post: say what is missing rather than stay silent.
    ctx.i18n.useLocale(locale);
    await ctx.api
      .sendMessage(ctx.from.id, ctx.t("channel-refused-bot-cannot-post", { title: ctx.chat.title }))
      .catch((error: unknown) =>
        ctx.logger.warn({ err: error }, "could not tell the adder the bot may not post"),
      );
    return;
  }
  if (known?.active) {
    await readers.update(chatId, (reader) =>
      reader === undefined ? undefined : deactivateReader(reader, "removed", now),
    );
    ctx.logger.info(
      { by: ctx.from.id },
      "removed from a channel or may no longer post; posts stopped",
    );
    await tellAdminChannelLost(
      { api: ctx.api, readers, i18n: ctx.deps.i18n, logger: ctx.logger },
      known,
    );
  }
});

export { composer as channelsFeature };
