import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/ingest/language.js";
import { readSeed } from "./ingest-helpers.js";

describe("detectLanguage", () => {
  it("should read the seed article as French", async () => {
    expect(detectLanguage(await readSeed())).toEqual({ ok: true, language: "fr" });
  });

  it("should read a short English news sentence as English", () => {
    expect(
      detectLanguage(
        "Microsoft said on Monday it would invest billions in OpenAI, the maker of ChatGPT, deepening a partnership that began in 2019.",
      ),
    ).toEqual({ ok: true, language: "en" });
  });

  it("should refuse a text in another language and name it", () => {
    const german =
      "Die Europäische Zentralbank hat am Donnerstag die Leitzinsen erneut angehoben, um die hohe Inflation im Euroraum zu bekämpfen.";
    expect(detectLanguage(german)).toEqual({ ok: false, detected: "de" });
  });

  it("should fall back to the declared language when the text is too short to tell", () => {
    expect(detectLanguage("Tencent logo", "fr-FR")).toEqual({ ok: true, language: "fr" });
    expect(detectLanguage("Tencent logo")).toEqual({ ok: false, detected: "und" });
  });
});
