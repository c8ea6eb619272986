import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Low } from "lowdb";
import { createJsonDataFile, parseJsonText, readTextFile } from "../json-file.js";
import { checkStoredReader } from "./check-reader.js";
import type { Reader } from "./reader.js";
import type { ReaderStore } from "./reader-store.js";

interface ShardData {
  readers: Record<string, Reader>;
}

interface Manifest {
  shards: number;
}

/**
 * Reader state in lowdb files, sharded by chat id. lowdb rewrites a whole file on
 * every write, so one file for 100k readers would cost megabytes per /subscribe;
 * shards keep each durable write small. Changes made while a shard is being
 * written are batched into its next write (group commit).
 *
 * 256 shards: at 100k readers a change rewrites ~170 kB instead of ~680 kB with 64,
 * which kept the durable /subscribe p99 within 50 ms on Node 24 too (BENCHMARKS.md).
 * A store keeps the count it was created with (manifest.json).
 */
export const DEFAULT_SHARD_COUNT = 256;

export interface JsonReaderStoreOptions {
  /** Folder that holds manifest.json and shard-NN.json files. */
  dir: string;
  /** Used only when the folder is new; an existing manifest keeps its count. */
  shards?: number;
  /** Told each bad field found on load (the reader keeps its other fields; the field its default). */
  onProblem?: (problem: string) => void;
}

class Shard {
  private pending: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  /** The write loop while it runs; undefined when the shard is on disk as in memory. */
  private draining: Promise<void> | undefined;

  constructor(readonly db: Low<ShardData>) {}

  /** Resolves once a write that started after this call has finished. */
  persist(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.draining ??= this.drain();
    });
  }

  /** Resolves when no write of this shard is under way or waiting. */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    // Let the rest of this tick's changes join the same write.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.db.write();
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    this.draining = undefined;
  }
}

async function readManifest(path: string, fallback: number): Promise<Manifest> {
  try {
    const parsed = parseJsonText(await readTextFile(path)) as Partial<Manifest>;
    if (Number.isInteger(parsed.shards) && (parsed.shards ?? 0) > 0) {
      return { shards: parsed.shards as number };
    }
    throw new Error(`${path}: "shards" must be a positive integer`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { shards: fallback };
    throw new Error(`Reader state manifest ${path} is unreadable: ${(error as Error).message}`);
  }
}

/** A shard's readers as loaded, each checked field by field (see check-reader.ts). */
function checkedReaders(
  stored: Record<string, unknown>,
  onProblem: (problem: string) => void,
): Record<string, Reader> {
  const readers: Record<string, Reader> = {};
  for (const [key, raw] of Object.entries(stored)) {
    const { reader, problems } = checkStoredReader(key, raw);
    for (const problem of problems) onProblem(problem);
    if (reader !== undefined) readers[key] = reader;
  }
  return readers;
}

export async function createJsonReaderStore(options: JsonReaderStoreOptions): Promise<ReaderStore> {
  await mkdir(options.dir, { recursive: true });
  const manifestPath = join(options.dir, "manifest.json");
  const manifest = await readManifest(manifestPath, options.shards ?? DEFAULT_SHARD_COUNT);
  const manifestDb = new Low<Manifest>(createJsonDataFile<Manifest>(manifestPath), manifest);
  await manifestDb.write();

  const width = String(manifest.shards - 1).length;
  const shards = await Promise.all(
    Array.from({ length: manifest.shards }, async (_, index) => {
      const path = join(options.dir, `shard-${String(index).padStart(width, "0")}.json`);
      const db = new Low<ShardData>(createJsonDataFile<ShardData>(path), { readers: {} });
      try {
        await db.read();
      } catch (error) {
        throw new Error(
          `Reader state file ${path} is not valid JSON (${(error as Error).message}); restore it from a backup or move it away.`,
        );
      }
      if (typeof db.data?.readers !== "object" || db.data.readers === null) {
        throw new Error(`Reader state file ${path} has no "readers" object.`);
      }
      db.data.readers = checkedReaders(db.data.readers, (problem) =>
        options.onProblem?.(`${path}: ${problem}`),
      );
      return new Shard(db);
    }),
  );
  let size = shards.reduce((sum, shard) => sum + Object.keys(shard.db.data.readers).length, 0);

  const shardOf = (chatId: number): Shard => {
    const index = ((chatId % shards.length) + shards.length) % shards.length;
    return shards[index] as Shard;
  };

  return {
    get: (chatId) => shardOf(chatId).db.data.readers[chatId],
    async update(chatId, change) {
      const shard = shardOf(chatId);
      const readers = shard.db.data.readers;
      const current = readers[chatId];
      const next = change(current);
      if (next === undefined) return current;
      if (current === undefined) size += 1;
      readers[chatId] = next;
      await shard.persist();
      return next;
    },
    async remove(chatId) {
      const shard = shardOf(chatId);
      if (shard.db.data.readers[chatId] === undefined) return false;
      delete shard.db.data.readers[chatId];
      size -= 1;
      await shard.persist();
      return true;
    },
    *all() {
      for (const shard of shards) yield* Object.values(shard.db.data.readers);
    },
    size: () => size,
    async flush() {
      // Every change is written by update() itself; waiting for those writes is enough.
      // Rewriting every shard here cost 42 MB of JSON at once at 100k readers.
      await Promise.all(shards.map((shard) => shard.settled()));
    },
  };
}
