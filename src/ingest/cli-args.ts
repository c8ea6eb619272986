export type CliCommand =
  | { kind: "run"; sources: string[]; dryRun: boolean }
  | { kind: "help" }
  | { kind: "usage-error"; message: string };

export const USAGE = `Usage: npm run ingest -- [--dry-run] <source…>

Fills the article store (<DATA_DIR>/articles.json) from editors' sources.
Each source is a file path or an http(s) URL of:
  - an RSS 2.0 or Atom feed (every item becomes an article),
  - an HTML article page,
  - a plain-text article (headline first; optional "URL:", "Source:", "Date:" lines above it).

Options:
  --dry-run   show what would be added or updated; write nothing
  -h, --help  show this help

Environment:
  DATA_DIR       folder of the store (default ./data)
  TRANSLATE_URL  LibreTranslate-compatible server that fills the other language (optional)

Exit codes: 0 done, 1 a source or the store failed (others still went in), 2 usage error.
`;

/** Reads the command line (without node and the script). Everything after "--" is a source. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const sources: string[] = [];
  let dryRun = false;
  let onlySources = false;
  for (const arg of argv) {
    if (onlySources || !arg.startsWith("-") || arg === "-") {
      sources.push(arg);
    } else if (arg === "--") {
      onlySources = true;
    } else if (arg === "--dry-run" || arg === "-n") {
      dryRun = true;
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
  return { kind: "run", sources, dryRun };
}
