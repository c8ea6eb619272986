import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n } from "../src/i18n.js";
import { LOCALES } from "../src/locales.js";
import { LOCALES_DIR } from "../src/paths.js";
import { TOPIC_IDS } from "../src/topics/catalog.js";

/** key → the variables its text uses, over every .ftl file of a locale. */
function messagesOf(locale: string): Map<string, string[]> {
  const dir = join(LOCALES_DIR, locale);
  const messages = new Map<string, string[]>();
  let current: string | undefined;
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".ftl"))) {
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      const key = /^([a-z][a-z0-9-]*)\s*=/.exec(line)?.[1];
      if (key) {
        expect(messages.has(key), `${locale}: ${key} defined twice`).toBe(false);
        messages.set(key, []);
        current = key;
      } else if (!line.startsWith(" ")) {
        current = undefined;
      }
      if (current) {
        for (const match of line.matchAll(/\{\s*\$([a-zA-Z0-9_-]+)/g)) {
          messages.get(current)?.push(match[1] ?? "");
        }
      }
    }
  }
  return messages;
}

describe("locales", () => {
  const byLocale = Object.fromEntries(LOCALES.map((locale) => [locale, messagesOf(locale)]));

  it("should give every locale exactly the same keys", () => {
    const en = [...(byLocale.en?.keys() ?? [])].sort();
    expect(en.length).toBeGreaterThan(50);
    for (const locale of LOCALES) {
      expect([...(byLocale[locale]?.keys() ?? [])].sort(), locale).toEqual(en);
    }
  });

  it("should use the same variables in every translation of a key", () => {
    for (const [key, variables] of byLocale.en ?? []) {
      for (const locale of LOCALES) {
        expect(new Set(byLocale[locale]?.get(key)), `${locale}: ${key}`).toEqual(
          new Set(variables),
        );
      }
    }
  });

  it("should name every topic and give it aliases in every locale", () => {
    const i18n = createI18n(LOCALES_DIR, () => undefined);
    for (const locale of LOCALES) {
      for (const topic of TOPIC_IDS) {
        expect(i18n.t(locale, `topic-${topic}`)).not.toMatch(/^\{|^topic-/);
        expect(i18n.t(locale, `topic-${topic}-aliases`)).not.toMatch(/^\{|^topic-/);
      }
    }
  });

  it("should render without Fluent's invisible isolation marks", () => {
    const i18n = createI18n(LOCALES_DIR, () => undefined);
    const rendered = i18n.t("fr", "start-greeting", { name: "Léa" });
    expect(rendered).toBe("Bonjour Léa ! 👋");
    expect(rendered).not.toMatch(/[\u2068\u2069]/);
  });
});
