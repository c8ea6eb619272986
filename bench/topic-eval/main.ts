import { TOPIC_IDS } from "../../src/topics/catalog.js";
import { evaluate, precisionOf, readLabelledSet, recallOf } from "./evaluate.js";

// `npm run eval:topics`: the per-topic table for BENCHMARKS.md, on the whole set and on the held-out part.
const articles = await readLabelledSet();
const fixed = (value: number) => value.toFixed(2);
for (const [name, subset] of [
  ["all", articles],
  ["held-out", articles.filter((article) => article.split === "held-out")],
] as const) {
  const result = evaluate(subset);
  process.stdout.write(`\n${name}: ${result.articles} articles\n\n`);
  process.stdout.write("| Topic | Labelled | Tagged | Correct | Precision | Recall |\n");
  process.stdout.write("| --- | ---: | ---: | ---: | ---: | ---: |\n");
  for (const topic of TOPIC_IDS) {
    const counts = result.perTopic[topic];
    const labelled = counts.truePositives + counts.falseNegatives;
    const tagged = counts.truePositives + counts.falsePositives;
    process.stdout.write(
      `| ${topic} | ${labelled} | ${tagged} | ${counts.truePositives} | ${fixed(precisionOf(counts))} | ${fixed(recallOf(counts))} |\n`,
    );
  }
  process.stdout.write(
    `| **micro-average** | | | | **${fixed(result.micro.precision)}** | **${fixed(result.micro.recall)}** |\n`,
  );
  for (const miss of result.misses) {
    process.stdout.write(
      `  line ${miss.line} "${miss.title}": labelled ${miss.expected.join("+") || "-"}, tagged ${miss.got.join("+") || "-"}\n`,
    );
  }
}
