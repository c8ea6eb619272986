import { createTopicTagger, TOPIC_WEIGHTS } from "../../src/ingest/topic-lexicon.js";
import { TOPIC_IDS } from "../../src/topics/catalog.js";
import { type Evaluation, evaluate, precisionOf, readLabelledSet, recallOf } from "./evaluate.js";
import { tuneWeights } from "./tune.js";

// `npm run eval:topics`: the per-topic table for BENCHMARKS.md, on the whole set and on the held-out part.
// `npm run eval:topics -- --tune`: the weights and threshold that score best on the tuning part.
const articles = await readLabelledSet();
const tuning = articles.filter((article) => article.split === "tuning");
const heldOut = articles.filter((article) => article.split === "held-out");
const fixed = (value: number) => value.toFixed(2);
const write = (line: string) => process.stdout.write(`${line}\n`);

function printTable(name: string, result: Evaluation) {
  write(`\n${name}: ${result.articles} articles\n`);
  write("| Topic | Labelled | Tagged | Correct | Precision | Recall |");
  write("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const topic of TOPIC_IDS) {
    const counts = result.perTopic[topic];
    const labelled = counts.truePositives + counts.falseNegatives;
    const tagged = counts.truePositives + counts.falsePositives;
    write(
      `| ${topic} | ${labelled} | ${tagged} | ${counts.truePositives} | ${fixed(precisionOf(counts))} | ${fixed(recallOf(counts))} |`,
    );
  }
  write(
    `| **micro-average** | | | | **${fixed(result.micro.precision)}** | **${fixed(result.micro.recall)}** |`,
  );
  for (const miss of result.misses) {
    write(
      `  line ${miss.line} "${miss.title}": labelled ${miss.expected.join("+") || "-"}, tagged ${miss.got.join("+") || "-"}`,
    );
  }
}

if (process.argv.includes("--tune")) {
  write(`weights in use: ${JSON.stringify(TOPIC_WEIGHTS)}`);
  write(`\nbest on the tuning part (${tuning.length} articles), then on the held-out part:`);
  for (const result of tuneWeights(tuning).slice(0, Number(process.env.TUNE_ROWS ?? 10))) {
    const held = evaluate(heldOut, createTopicTagger({ weights: result.weights })).micro;
    const { title, lead, leadWords, minScore } = result.weights;
    write(
      `title ${title} lead ${lead} (${leadWords} words) threshold ${minScore}: tuning P ${fixed(result.precision)} R ${fixed(result.recall)} F1 ${fixed(result.f1)} | held-out P ${fixed(held.precision)} R ${fixed(held.recall)}`,
    );
  }
} else {
  const tagger = createTopicTagger();
  printTable("all", evaluate(articles, tagger));
  printTable("tuning", evaluate(tuning, tagger));
  printTable("held-out", evaluate(heldOut, tagger));
}
