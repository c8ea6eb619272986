import { isLocale, localeFromLanguageCode } from "../../locales.js";
import { createReader, type Reader } from "../../readers/reader.js";
import type { Context } from "../context.js";

/** The chat this update belongs to (private, group or supergroup). */
export function chatIdOf(ctx: Context): number {
  const id = ctx.chat?.id;
  if (id === undefined) throw new Error("update without a chat reached a chat feature");
  return id;
}

/**
 * Changes the reader's stored state, creating it on first contact (locale from
 * Telegram's language_code, cursor at the newest article so old ones are not pushed).
 * Resolves once the change is on disk, so replies can say "done" truthfully.
 */
export async function updateReader(
  ctx: Context,
  change: (reader: Reader) => Reader,
): Promise<Reader> {
  const { readers, clock, ledger } = ctx.deps;
  const chatId = chatIdOf(ctx);
  const negotiated = await ctx.i18n.getLocale();
  const locale = isLocale(negotiated)
    ? negotiated
    : localeFromLanguageCode(ctx.from?.language_code);
  const updated = await readers.update(chatId, (current) =>
    change(
      current ??
        createReader(chatId, locale, clock.now(), ledger.maxSeq(), ctx.chat?.type ?? "private"),
    ),
  );
  // update() returns undefined only when the change function does; ours never does.
  ctx.reader = updated as Reader;
  return ctx.reader;
}
