import { describe, expect, it } from "vitest";
import { prefixWithinUnits, truncateGraphemes } from "../../src/text/graphemes.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("truncateGraphemes", () => {
  it("should keep text that fits as it is", () => {
    expect(truncateGraphemes("Europe/Paris", 40)).toBe("Europe/Paris");
    expect(truncateGraphemes("", 5)).toBe("");
  });

  it("should cut after whole flags and ZWJ emoji, never inside one", () => {
    const flags = "🇫🇷🇬🇧🇨🇦";
    expect(truncateGraphemes(flags, 2)).toBe("🇫🇷🇬🇧…");
    const family = "👨‍👩‍👧‍👦".repeat(3);
    const cut = truncateGraphemes(family, 1);
    expect(cut).toBe("👨‍👩‍👧‍👦…");
    expect(LONE_SURROGATE.test(truncateGraphemes(`a${"😀".repeat(30)}`, 20))).toBe(false);
  });

  it("should count visible characters, not UTF-16 units", () => {
    expect(truncateGraphemes("é".normalize("NFD").repeat(5), 3)).toBe(
      `${"é".normalize("NFD").repeat(3)}…`,
    );
  });
});

describe("prefixWithinUnits", () => {
  it("should stop before a grapheme that would cross the limit", () => {
    expect(prefixWithinUnits("ab😀", 3)).toBe("ab");
    expect(prefixWithinUnits("ab😀", 4)).toBe("ab😀");
    expect(prefixWithinUnits("🇫🇷🇫🇷", 6)).toBe("🇫🇷");
  });
});
