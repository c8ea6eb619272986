import { LOCALES, type Locale } from "../locales.js";
import { TOPIC_IDS, type TopicId } from "../topics/catalog.js";
import type { AddOptions } from "./sources-editor.js";
import { MAX_EVERY_MINUTES, MIN_EVERY_MINUTES } from "./sources-file.js";

export type SourcesCommand =
  | { kind: "add"; url: string; options: AddOptions }
  | { kind: "list" }
  | { kind: "remove"; url: string }
  | { kind: "import"; file: string }
  | { kind: "help" }
  | { kind: "usage-error"; message: string };

export const SOURCES_USAGE = `Usage: npm run sources -- <command>

Edits <DATA_DIR>/sources.json, the list the bot's newsroom polls (INGEST_CRON).
  add <url> [--name <name>] [--topics <id,id>] [--language fr|en] [--every <minutes>]
                     a feed, a page that advertises one (the feed is added), or an article page
  list               every source with its health (last success, items in 24 h, last error)
  remove <url>       stops following it (its articles stay in the store)
  import <file.opml> every feed of a feed reader's OPML export that is not listed yet

Topics: ${TOPIC_IDS.join(", ")}.
Environment: DATA_DIR (default ./data).
Exit codes: 0 done, 1 refused (unreachable, not a feed, duplicate, not listed, broken file), 2 usage error.
`;

const usageError = (message: string): SourcesCommand => ({ kind: "usage-error", message });

function readTopics(value: string): TopicId[] | string {
  const topics: TopicId[] = [];
  for (const word of value.split(/[\s,]+/).filter(Boolean)) {
    const topic = word.toLowerCase();
    if (!(TOPIC_IDS as readonly string[]).includes(topic)) {
      return `--topics: "${word}" is not a topic; use ${TOPIC_IDS.join(", ")}.`;
    }
    if (!topics.includes(topic as TopicId)) topics.push(topic as TopicId);
  }
  return topics.length > 0 ? topics : "--topics needs at least one topic id.";
}

function readAddOptions(args: readonly string[]): AddOptions | string {
  const options: AddOptions = {};
  for (let index = 0; index < args.length; index += 2) {
    const flag = args[index] as string;
    const value = args[index + 1];
    if (value === undefined || value.startsWith("--")) return `${flag} needs a value.`;
    if (flag === "--name") options.name = value.trim();
    else if (flag === "--topics") {
      const topics = readTopics(value);
      if (typeof topics === "string") return topics;
      options.topics = topics;
    } else if (flag === "--language") {
      if (!(LOCALES as readonly string[]).includes(value)) {
        return `--language must be one of ${LOCALES.join(", ")}.`;
      }
      options.language = value as Locale;
    } else if (flag === "--every") {
      const minutes = Number(value);
      if (
        !Number.isInteger(minutes) ||
        minutes < MIN_EVERY_MINUTES ||
        minutes > MAX_EVERY_MINUTES
      ) {
        return `--every takes whole minutes from ${MIN_EVERY_MINUTES} to ${MAX_EVERY_MINUTES}.`;
      }
      options.everyMinutes = minutes;
    } else return `Unknown option "${flag}".`;
  }
  return options;
}

/** Reads `npm run sources -- …` (without node and the script). */
export function parseSourcesArgs(argv: readonly string[]): SourcesCommand {
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  const [command, target, ...rest] = args;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    return { kind: "help" };
  }
  switch (command) {
    case "list":
      return target === undefined ? { kind: "list" } : usageError("list takes no argument.");
    case "add": {
      if (!target || target.startsWith("--")) return usageError("add needs the source's URL.");
      const options = readAddOptions(rest);
      return typeof options === "string"
        ? usageError(options)
        : { kind: "add", url: target, options };
    }
    case "remove":
      if (!target || rest.length > 0) return usageError("remove takes one URL.");
      return { kind: "remove", url: target };
    case "import":
      if (!target || rest.length > 0) return usageError("import takes one OPML file.");
      return { kind: "import", file: target };
    default:
      return usageError(`Unknown command "${command}"; use add, list, remove or import.`);
  }
}
