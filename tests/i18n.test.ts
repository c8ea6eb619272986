import type { Context } from "grammy";
import { describe, expect, it } from "vitest";
import { createI18n } from "../src/i18n.js";
import { LOCALES_DIR } from "../src/paths.js";

describe("createI18n", () => {
  const i18n = createI18n<Context>(LOCALES_DIR, () => undefined);

  it("should answer each locale in its own language, however calls interleave", () => {
    // Bundle matching is cached per locale list: one locale's answer must never stick.
    const answers = ["fr", "en", "fr", "de", "fr-CA", "en"].map((locale) =>
      i18n.t(locale, "start-greeting", { name: "Ada" }),
    );
    expect(answers).toEqual([
      "Bonjour Ada ! 👋",
      "Hello Ada! 👋",
      "Bonjour Ada ! 👋",
      "Hello Ada! 👋", // no German: the default locale
      "Bonjour Ada ! 👋",
      "Hello Ada! 👋",
    ]);
  });

  it("should put no Unicode isolation marks around variables", () => {
    expect(i18n.t("en", "start-greeting", { name: "/latest" })).not.toMatch(/[\u2068\u2069]/);
  });
});
