import type { BuildOutcome } from "../ingest/build-article.js";
import type { RawArticle } from "../ingest/types.js";
import type { DocumentReading, ExtractedPage, FetchedDocument } from "./read-document.js";
import type { Source } from "./sources-file.js";

/**
 * read-document.ts behind promises, so the newsroom does not care where it runs:
 * in this thread (tests, the CLI) or in worker threads (the bot, parse-pool.ts).
 */
export interface DocumentReader {
  read(document: FetchedDocument): Promise<DocumentReading>;
  extract(html: string, url: string, hint?: string): Promise<ExtractedPage>;
  build(raw: RawArticle, source: Source): Promise<BuildOutcome>;
  close(): Promise<void>;
}

/** The tasks a worker understands; the same names the pool posts. */
export type ReaderTask =
  | { kind: "read"; document: FetchedDocument }
  | { kind: "extract"; html: string; url: string; hint?: string }
  | { kind: "build"; raw: RawArticle; source: Source };

/**
 * Everything in the calling thread. The parsers (linkedom, Readability, the feed
 * parser, the topic tables: ~50 MB) load at the first task, not with the bot: in the
 * compiled bot they live in the workers, and a bot with no sources never needs them.
 */
export function createInlineDocumentReader(): DocumentReader {
  let runner: Promise<(task: ReaderTask) => unknown> | undefined;
  const run = async (task: ReaderTask) => {
    runner ??= import("./task-runner.js").then(({ createTaskRunner }) => createTaskRunner());
    return (await runner)(task);
  };
  return {
    read: async (document) => (await run({ kind: "read", document })) as DocumentReading,
    extract: async (html, url, hint) =>
      (await run({ kind: "extract", html, url, ...(hint ? { hint } : {}) })) as ExtractedPage,
    build: async (raw, source) => (await run({ kind: "build", raw, source })) as BuildOutcome,
    close: async () => undefined,
  };
}
