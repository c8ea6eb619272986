export type CliCommand =
  | { kind: "run"; sources: string[]; dryRun: boolean; url?: string }
  | { kind: "help" }
  | { kind: "usage-error"; message: string };

export const USAGE = `Usage: npm run ingest -- [--dry-run] [--url <address>] <source…>

Fills the article store (<DATA_DIR>/articles.json) from editors' sources.
Each source is a file path or an http(s) URL of:
  - an RSS 2.0 or Atom feed (every item becomes an article),
  - an HTML article page,
  - a plain-text article (headline first; optional "URL:", "Source:", "Date:" lines above it).

Options:
  --dry-run        show what would be added or updated; write nothing
  --url <address>  the article's address, for one saved page or text that names none
  -h, --help       show this help

Environment:
  DATA_DIR       folder of the store (default ./data)
  TRANSLATE_URL  LibreTranslate-compatible server that fills the other language (optional)

Exit codes: 0 done, 1 a source or the store failed (others still went in), 2 usage error.
`;

/** Reads the command line (without node and the script). Everything after "--" is a source. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const sources: string[] = [];
  let dryRun = false;
  let url: string | undefined;
  let onlySources = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (onlySources || !arg.startsWith("-") || arg === "-") {
      sources.push(arg);
    } else if (arg === "--") {
      onlySources = true;
    } else if (arg === "--dry-run" || arg === "-n") {
      dryRun = true;
    } else if (arg === "--url" || arg.startsWith("--url=")) {
      const value = arg === "--url" ? argv[++index] : arg.slice("--url=".length);
      if (!value || !/^https?:\/\/\S+$/i.test(value)) {
        return {
          kind: "usage-error",
          message:
            "--url needs the article's http(s) address, e.g. --url https://example.com/story.",
        };
      }
      url = value;
    } else if (arg === "--help" || arg === "-h") {
      return { kind: "help" };
    } else {
      return { kind: "usage-error", message: `Unknown option "${arg}".` };
    }
  }
  if (sources.length === 0) {
    return {
      kind: "usage-error",
      message: "No source given: name at least one feed, page or text file.",
    };
  }
  if (url && sources.length > 1) {
    return {
      kind: "usage-error",
      message: `--url names one article, but ${sources.length} sources were given; run once per page.`,
    };
  }
  return url ? { kind: "run", sources, dryRun, url } : { kind: "run", sources, dryRun };
}
