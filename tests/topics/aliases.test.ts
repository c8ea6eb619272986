import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/i18n.js";
import { LOCALES_DIR } from "../../src/paths.js";
import { createTopicMatcher, normalizeTopicText } from "../../src/topics/aliases.js";

const i18n = createI18n(LOCALES_DIR, () => undefined);
const matcher = createTopicMatcher((locale, key) => i18n.t(locale, key));

describe("normalizeTopicText", () => {
  it("should fold case, accents and separators", () => {
    expect(normalizeTopicText("  Centres-de-Données ")).toBe("centres de donnees");
  });
});

describe("topic matcher", () => {
  it.each([
    ["IA", ["ai"]],
    ["intelligence artificielle", ["ai"]],
    ["AI", ["ai"]],
    ["Blockchain", ["blockchain"]],
    ["centres de données", ["datacenters"]],
    ["centres de donnees", ["datacenters"]],
    ["Data centers", ["datacenters"]],
    ["chaîne de blocs", ["blockchain"]],
    ["objets connectés", ["iot"]],
    ["Régulation", ["regulation"]],
    ["5G", ["5g"]],
    ["crypto-monnaies", ["crypto"]],
  ])("should read %s", (input, topics) => {
    expect(matcher.parse(input)).toEqual({ topics, unknown: [] });
  });

  it("should read several topics, with or without commas, once each", () => {
    expect(matcher.parse("ia, blockchain centres de données AI")).toEqual({
      topics: ["ai", "blockchain", "datacenters"],
      unknown: [],
    });
  });

  it("should report what it does not know, as typed", () => {
    expect(matcher.parse("blockchain Quantum")).toEqual({
      topics: ["blockchain"],
      unknown: ["Quantum"],
    });
  });
});
