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
  const i18n = new I18n<C>({
    defaultLocale: DEFAULT_LOCALE,
    directory: localesDir,
    localeNegotiator,
    fluentBundleOptions: { useIsolating: false },
  });
  cacheBundleMatching(i18n.fluent);
  return i18n;
}

// Locale lists seen in practice are our two locales; more than this means a caller
// passes raw language codes, and the cache stops growing.
const MAX_CACHED_LOCALE_LISTS = 64;

interface BundleMatcher {
  matchBundles?: (locales: string[]) => unknown;
}

/**
 * @grammyjs/i18n negotiates languages (Intl.Locale parsing, likely subtags) on every
 * t() call, about 4 µs each, and a /topics reply makes a dozen calls. The bundles are
 * fixed once the locales folder is loaded, so the match for a locale list never
 * changes: remember it (0.3 µs per t() then). matchBundles is the plugin's private
 * method; if a release renames it, this does nothing and translations still work.
 */
function cacheBundleMatching(fluent: object): void {
  const matcher = fluent as BundleMatcher;
  const match = matcher.matchBundles;
  if (typeof match !== "function") return;
  const matched = new Map<string, unknown>();
  matcher.matchBundles = (locales) => {
    const key = locales.join(",");
    let bundles = matched.get(key);
    if (bundles === undefined) {
      bundles = match.call(fluent, locales);
      if (matched.size < MAX_CACHED_LOCALE_LISTS) matched.set(key, bundles);
    }
    return bundles;
  };
}
