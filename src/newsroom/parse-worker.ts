import { parentPort } from "node:worker_threads";
import type { ReaderTask } from "./document-reader.js";
import { createTaskRunner } from "./task-runner.js";

// A worker thread of parse-pool.ts: parses and briefs what the newsroom fetched, so
// linkedom, Readability and the language detector never hold up the bot's replies.
const run = createTaskRunner();
parentPort?.on("message", (message: { id: number; task: ReaderTask }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: run(message.task) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: (error as Error)?.message ?? String(error) });
  }
});
