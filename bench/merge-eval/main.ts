import { measureLookupCost } from "./cost.js";
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
const splits = [
  ["tuning", results.filter((result) => result.pair.split !== "held-out")],
  ["held-out", results.filter((result) => result.pair.split === "held-out")],
  ["all", results],
] as const;
process.stdout.write("\n| Split | Mode | Pairs | Precision | Recall | Merged | Wrong | Missed |\n");
process.stdout.write("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
for (const [name, subset] of splits) {
  for (const mode of ["text", "deployed"] as const) {
    const scores = scoresOf(subset, mode);
    const label = mode === "text" ? "text only (dates ignored)" : "as ingest runs (3-day window)";
    process.stdout.write(
      `| ${name} | ${label} | ${scores.pairs} | ${fixed(scores.precision)} | ${fixed(scores.recall)} | ${scores.truePositives} | ${scores.falsePositives} | ${scores.falseNegatives} |\n`,
    );
  }
}
process.stdout.write("\nText-only disagreements with the labels:\n");
const wrong = (result: PairResult) => result.text.duplicate !== result.pair.same;
for (const result of results.filter(wrong)) {
  process.stdout.write(
    `  line ${result.pair.line}${result.pair.split ? " (held-out)" : ""} ${result.pair.id} (${result.pair.same ? "same story, not merged" : "different, merged"}): score ${result.text.score}, ${result.text.reason}\n`,
  );
}

// Cost: the index keeps a lookup to the few stories sharing a name, a headline word or a figure.
process.stdout.write("\n| Stored items | Index build (ms) | Lookup per new item (ms) |\n");
process.stdout.write("| ---: | ---: | ---: |\n");
const pairs = results.map((result) => result.pair);
for (const storeSize of [1_000, 5_000, 20_000]) {
  const cost = measureLookupCost(pairs, storeSize);
  process.stdout.write(
    `| ${cost.storeSize} | ${cost.buildMs.toFixed(0)} | ${cost.lookupMs.toFixed(2)} |\n`,
  );
}
