import { createTopicTagger } from "../ingest/topic-lexicon.js";
import type { ReaderTask } from "./document-reader.js";
import { buildItem, extractPage, readFetchedDocument } from "./read-document.js";

/** Runs one task: what a worker does with each message, and the inline reader too. */
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
