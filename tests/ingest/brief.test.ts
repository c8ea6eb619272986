import { describe, expect, it } from "vitest";
import { BRIEF_MAX_CHARS, buildBrief } from "../../src/ingest/brief.js";
import { splitSentences } from "../../src/ingest/sentences.js";
import { createTopicTagger } from "../../src/ingest/topic-lexicon.js";
import type { TextBlock } from "../../src/ingest/types.js";
import { parseSeed } from "./ingest-helpers.js";

const tagger = createTopicTagger();
const paragraph = (text: string): TextBlock => ({ kind: "paragraph", text });

describe("buildBrief", () => {
  it("should brief the seed article in 2-4 of its own sentences, lead first, keeping 70 milliards", async () => {
    const seed = await parseSeed();
    const brief = buildBrief(seed.blocks, tagger, { title: seed.title });
    expect(brief).toBeDefined();
    const sentences = brief?.sentences ?? [];
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    expect(brief?.summary.length).toBeLessThanOrEqual(BRIEF_MAX_CHARS);
    expect(brief?.summary).toContain("70 milliards");
    expect(brief?.summary).not.toMatch(/newsletter|Save 20%|logo/i);
    // Extractive: every sentence is one of the article's own.
    const original = seed.blocks.flatMap((block) => splitSentences(block.text));
    for (const sentence of sentences) expect(original).toContain(sentence);
    expect(sentences[0]).toBe(original[0]);
  });

  it("should never quote a subheading", async () => {
    const seed = await parseSeed();
    const brief = buildBrief(seed.blocks, tagger, { title: seed.title });
    const headings = seed.blocks.filter((block) => block.kind === "heading");
    expect(headings.map((block) => block.text)).toContain(
      "Le gouvernement chinois adopte la blockchain",
    );
    for (const heading of headings) expect(brief?.summary).not.toContain(heading.text);
  });

  it("should prefer sentences with figures and names over filler, in article order", () => {
    const blocks = [
      paragraph(
        "The U.S. Securities and Exchange Commission approved 11 spot bitcoin exchange-traded products on January 10, 2024.",
      ),
      paragraph("Many people have opinions about this topic and talk about it often online."),
      paragraph(
        "It is something that a lot of observers have been watching for quite a while now.",
      ),
      paragraph(
        "Trading in the new funds began on January 11, with BlackRock and Fidelity among the issuers.",
      ),
    ];
    const brief = buildBrief(blocks, tagger);
    expect(brief?.sentences).toEqual([blocks[0]?.text, blocks[3]?.text]);
  });

  it("should stay within the length budget", () => {
    const long = (n: number) =>
      `Sentence ${n} reports that Nvidia, Microsoft and Alphabet together invested $${n} billion in artificial intelligence data centers during 2023, according to company filings published in the United States and Europe.`;
    const blocks = Array.from({ length: 8 }, (_, n) => paragraph(long(n + 1)));
    const brief = buildBrief(blocks, tagger, { maxChars: 450 });
    expect(brief?.summary.length).toBeLessThanOrEqual(450);
    expect(brief?.sentences.length).toBe(2);
  });

  it("should give no brief for a text of one sentence, and skip the repeated headline", () => {
    const title = "Stripe raises $6.5 billion";
    expect(
      buildBrief(
        [
          paragraph("Stripe raises $6.5 billion."),
          paragraph("Stripe said it raised $6.5 billion on March 15, 2023."),
        ],
        tagger,
        { title },
      ),
    ).toBeUndefined();
  });

  it("should end a quoted fragment that stops on a comma with a full stop", () => {
    const blocks = [
      paragraph(
        "Tencent Holdings va consacrer près de 70 milliards de dollars à la fintech d’ici 2025.",
      ),
      paragraph(
        "Tencent investira dans les réseaux 5G et les grands centres de données, entre autres,",
      ),
    ];
    const brief = buildBrief(blocks, tagger);
    expect(brief?.summary).toMatch(/entre autres\.$/);
  });
});
