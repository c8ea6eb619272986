import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { DEFAULT_LOCALE } from "./locales.js";

/**
 * The Fluent translations in locales/<locale>/*.ftl. Isolation marks are off:
 * Fluent's U+2068/U+2069 around placeables would break links and /commands.
 */
export function createI18n<C extends Context>(
  localesDir: string,
  localeNegotiator: (ctx: C) => string | undefined,
): I18n<C> {
  return new I18n<C>({
    defaultLocale: DEFAULT_LOCALE,
    directory: localesDir,
    localeNegotiator,
    fluentBundleOptions: { useIsolating: false },
  });
}
