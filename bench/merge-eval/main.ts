import { judgePair, type PairResult, readPairs, scoresOf } from "./evaluate.js";

// `npm run eval:merge`: the near-duplicate table for BENCHMARKS.md, per category and overall.
const results = (await readPairs()).map(judgePair);
const fixed = (value: number) => value.toFixed(2);
const categories = [...new Set(results.map((result) => result.pair.category))];

process.stdout.write("| Category | Pairs | Same story | Merged (text) | Wrong merges | Missed |\n");
process.stdout.write("| --- | ---: | ---: | ---: | ---: | ---: |\n");
for (const category of categories) {
  const subset = results.filter((result) => result.pair.category === category);
  const scores = scoresOf(subset, "text");
  process.stdout.write(
    `| ${category} | ${subset.length} | ${subset.filter((result) => result.pair.same).length} | ${scores.truePositives + scores.falsePositives} | ${scores.falsePositives} | ${scores.falseNegatives} |\n`,
  );
}
for (const mode of ["text", "deployed"] as const) {
  const scores = scoresOf(results, mode);
  process.stdout.write(
    `\n${mode === "text" ? "text only (dates ignored)" : "as ingest runs (3-day window)"}: ${scores.pairs} pairs, precision ${fixed(scores.precision)}, recall ${fixed(scores.recall)} (${scores.truePositives} merged, ${scores.falsePositives} wrong, ${scores.falseNegatives} missed)\n`,
  );
}
const wrong = (result: PairResult) => result.text.duplicate !== result.pair.same;
for (const result of results.filter(wrong)) {
  process.stdout.write(
    `  line ${result.pair.line} ${result.pair.id} (${result.pair.same ? "same story, not merged" : "different, merged"}): score ${result.text.score}, ${result.text.reason}\n`,
  );
}
