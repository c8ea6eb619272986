import { describe, expect, it } from "vitest";
import { cutAtSentence } from "../../src/text/sentences.js";

describe("cutAtSentence", () => {
  it("should return text that fits unchanged", () => {
    expect(cutAtSentence("One. Two.", 9)).toBe("One. Two.");
  });

  it("should end on the last whole sentence that fits, with an ellipsis", () => {
    const summary = "Rates held at 4%. Markets rose. The euro fell against the dollar.";
    const cut = cutAtSentence(summary, 40);
    expect(cut).toBe("Rates held at 4%. Markets rose.…");
    expect(cut.length).toBeLessThanOrEqual(40);
  });

  it("should not cut French decimals or abbreviations' neighbours mid-sentence", () => {
    const summary = "La BCE maintient son taux à 4,5 %. Les marchés montent. La suite est longue.";
    expect(cutAtSentence(summary, 60, "fr")).toBe(
      "La BCE maintient son taux à 4,5 %. Les marchés montent.…",
    );
  });

  it("should fall back to a word end when the first sentence alone is too long", () => {
    const cut = cutAtSentence("averyveryverylongword and more words without a stop", 30);
    expect(cut).toBe("averyveryverylongword and…");
  });

  it("should never split an emoji even when no word boundary fits", () => {
    const cut = cutAtSentence("😀".repeat(20), 9);
    expect(cut.length).toBeLessThanOrEqual(9);
    expect(cut).toBe("😀😀😀😀…");
  });
});
