import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { BuildOutcome } from "../ingest/build-article.js";
import {
  createInlineDocumentReader,
  type DocumentReader,
  type ReaderTask,
} from "./document-reader.js";
import type { DocumentReading, ExtractedPage } from "./read-document.js";

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** One core stays for the bot's replies; two workers are plenty for a pass. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

/** The compiled worker beside this module; only exists when running from dist/. */
export const COMPILED_WORKER_URL = new URL("./parse-worker.js", import.meta.url);

/**
 * Worker threads when running compiled (npm start, Docker); in this thread when
 * running TypeScript from src/ (tsx, vitest), because Node 20 does not apply tsx's
 * loader to a worker's modules.
 */
export function createDocumentReaderForRuntime(): DocumentReader {
  return import.meta.url.endsWith(".js")
    ? createWorkerDocumentReader()
    : createInlineDocumentReader();
}

/**
 * The document reader on worker threads: each task goes to the least busy worker,
 * started on first use. A worker that dies fails its tasks (the pass records those
 * sources as failed) and is replaced by the next task.
 */
export function createWorkerDocumentReader(
  options: { size?: number; workerUrl?: URL } = {},
): DocumentReader {
  const size = options.size ?? defaultPoolSize();
  const workerUrl = options.workerUrl ?? COMPILED_WORKER_URL;
  const workers: PoolWorker[] = [];
  let nextId = 0;
  let closed = false;

  function start(): PoolWorker {
    const entry: PoolWorker = { worker: new Worker(workerUrl), pending: new Map() };
    const fail = (error: Error) => {
      const index = workers.indexOf(entry);
      if (index >= 0) workers.splice(index, 1);
      for (const task of entry.pending.values()) task.reject(error);
      entry.pending.clear();
    };
    entry.worker.on("message", (message: { id: number; result?: unknown; error?: string }) => {
      const task = entry.pending.get(message.id);
      if (!task) return;
      entry.pending.delete(message.id);
      if (entry.pending.size === 0) entry.worker.unref();
      if (message.error !== undefined) task.reject(new Error(message.error));
      else task.resolve(message.result);
    });
    entry.worker.on("error", (error) => fail(error));
    entry.worker.on("exit", (code) => fail(new Error(`document reader worker exited (${code})`)));
    workers.push(entry);
    return entry;
  }

  function post<T>(task: ReaderTask): Promise<T> {
    if (closed) return Promise.reject(new Error("document reader closed"));
    const idle = workers.find((entry) => entry.pending.size === 0);
    const entry =
      idle ??
      (workers.length < size
        ? start()
        : workers.reduce((least, entry) =>
            entry.pending.size < least.pending.size ? entry : least,
          ));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      entry.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      entry.worker.ref();
      entry.worker.postMessage({ id, task });
    });
  }

  return {
    read: (document) => post<DocumentReading>({ kind: "read", document }),
    extract: (html, url, hint) =>
      post<ExtractedPage>({ kind: "extract", html, url, ...(hint ? { hint } : {}) }),
    build: (raw, source) => post<BuildOutcome>({ kind: "build", raw, source }),
    async close() {
      closed = true;
      await Promise.all(workers.splice(0).map((entry) => entry.worker.terminate()));
    },
  };
}
