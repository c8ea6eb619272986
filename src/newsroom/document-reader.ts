import type { BuildOutcome } from "../ingest/build-article.js";
import { createTopicTagger } from "../ingest/topic-lexicon.js";
import type { RawArticle } from "../ingest/types.js";
import {
  buildItem,
  type DocumentReading,
  type ExtractedPage,
  extractPage,
  type FetchedDocument,
  readFetchedDocument,
} from "./read-document.js";
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

/** Runs one task; what a worker does with each message. */
export function createTaskRunner(): (task: ReaderTask) => unknown {
  const tagger = createTopicTagger();
  return (task) => {
    switch (task.kind) {
      case "read":
        return readFetchedDocument(task.document, tagger);
      case "extract":
        return extractPage(task.html, task.url, task.hint);
      case "build":
        return buildItem(task.raw, task.source, tagger);
    }
  };
}

/** Everything in the calling thread. */
export function createInlineDocumentReader(): DocumentReader {
  const run = createTaskRunner();
  return {
    read: async (document) => run({ kind: "read", document }) as DocumentReading,
    extract: async (html, url, hint) =>
      run({ kind: "extract", html, url, ...(hint ? { hint } : {}) }) as ExtractedPage,
    build: async (raw, source) => run({ kind: "build", raw, source }) as BuildOutcome,
    close: async () => undefined,
  };
}
