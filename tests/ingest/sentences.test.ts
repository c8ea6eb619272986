import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/ingest/sentences.js";

describe("splitSentences", () => {
  it("should split at full stops, question and exclamation marks followed by a capital", () => {
    expect(splitSentences("Bitcoin rose. Ether fell! Why? Nobody knows.")).toEqual([
      "Bitcoin rose.",
      "Ether fell!",
      "Why?",
      "Nobody knows.",
    ]);
  });

  it("should keep decimals with a point or a comma inside one sentence", () => {
    expect(
      splitSentences("Shares rose 5.6% to $1.5 trillion. Le titre a gagné 70,5 % en 2023. Fin."),
    ).toEqual(["Shares rose 5.6% to $1.5 trillion.", "Le titre a gagné 70,5 % en 2023.", "Fin."]);
  });

  it("should not split after abbreviations and initials", () => {
    expect(
      splitSentences(
        "Mr. Gensler spoke at the U.S. Securities and Exchange Commission. J. Powell agreed. Selon M. Macron et Mme. Lagarde, la BCE suivra.",
      ),
    ).toEqual([
      "Mr. Gensler spoke at the U.S. Securities and Exchange Commission.",
      "J. Powell agreed.",
      "Selon M. Macron et Mme. Lagarde, la BCE suivra.",
    ]);
  });

  it("should not split inside a quotation in guillemets, and keep the closing guillemet", () => {
    expect(
      splitSentences(
        "Il a déclaré : « Nous investirons. Ce n’est qu’un début. » La société a confirmé. Selon lui, cela «contribuera à la réussite». Fin de citation.",
      ),
    ).toEqual([
      "Il a déclaré : « Nous investirons. Ce n’est qu’un début. »",
      "La société a confirmé.",
      "Selon lui, cela «contribuera à la réussite».",
      "Fin de citation.",
    ]);
  });

  it("should not split when the next word is lowercase", () => {
    expect(splitSentences("Alphabet Inc. and Microsoft Corp. both rose.")).toEqual([
      "Alphabet Inc. and Microsoft Corp. both rose.",
    ]);
  });

  it("should keep a trailing fragment without final punctuation", () => {
    expect(
      splitSentences("Tencent investira dans la 5G. Et les centres de données, entre autres,"),
    ).toEqual(["Tencent investira dans la 5G.", "Et les centres de données, entre autres,"]);
  });
});
