import { Composer, InlineKeyboard } from "grammy";
import { LOCALES, type Locale } from "../../locales.js";
import { truncateGraphemes } from "../../text/graphemes.js";
import { normalizeTopicText } from "../../topics/aliases.js";
import { menuFor } from "../commands.js";
import type { Context } from "../context.js";
import { createCallbackData } from "../helpers/callback-data.js";
import { LANGUAGE_WORDS } from "../helpers/language-words.js";
import { updateReader } from "../helpers/reader.js";

const languageButton = createCallbackData("lang", ["locale"]);
/** How much of an unknown language name the answer echoes back, in visible characters. */
const MAX_ECHOED_GRAPHEMES = 30;
const LANGUAGE_BUTTONS: Record<Locale, string> = { en: "🇬🇧 English", fr: "🇫🇷 Français" };

async function switchLanguage(ctx: Context, locale: Locale): Promise<void> {
  await updateReader(ctx, (reader) => ({ ...reader, locale }));
  ctx.i18n.useLocale(locale);
  // The command menu follows the bot's language in this chat, not only the app's.
  const chat_id = ctx.chat?.id;
  if (chat_id !== undefined) {
    await ctx.api
      .setMyCommands(menuFor(ctx.deps.i18n.t.bind(ctx.deps.i18n), locale), {
        scope: { type: "chat", chat_id },
      })
      .catch((error: unknown) => ctx.logger.warn({ err: error }, "chat command menu not updated"));
  }
}

const composer = new Composer<Context>();
// Groups too: there the group administrators change the group's settings (group-admins.ts).
const feature = composer.chatType(["private", "group", "supergroup"]);

feature.command("language", async (ctx) => {
  const word = normalizeTopicText(ctx.match);
  if (word === "") {
    const keyboard = new InlineKeyboard();
    for (const locale of LOCALES)
      keyboard.text(LANGUAGE_BUTTONS[locale], languageButton.pack({ locale }));
    await ctx.reply(ctx.t("language-choose"), { reply_markup: keyboard });
    return;
  }
  const locale = LANGUAGE_WORDS[word];
  if (!locale) {
    await ctx.reply(
      ctx.t("language-unknown", {
        value: truncateGraphemes(ctx.match.trim(), MAX_ECHOED_GRAPHEMES),
      }),
    );
    return;
  }
  await switchLanguage(ctx, locale);
  await ctx.reply(ctx.t("language-changed"));
});

feature.callbackQuery(languageButton.filter, async (ctx) => {
  const chosen = languageButton.unpack(ctx.callbackQuery.data)?.locale;
  const locale = LOCALES.find((candidate) => candidate === chosen);
  if (!locale) {
    await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
    return;
  }
  await switchLanguage(ctx, locale);
  await ctx.answerCallbackQuery();
  await ctx
    .editMessageText(ctx.t("language-changed"))
    .catch(() => ctx.reply(ctx.t("language-changed")));
});

export { composer as languageFeature };
