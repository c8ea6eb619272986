import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { Low } from "lowdb";
import { ArticleFileError, parseArticleFile, validateArticleFile } from "../articles/schema.js";
import { createJsonDataFile, parseJsonText, readTextFile } from "../json-file.js";

/** The store file as stored: items not yet validated, extra top-level fields kept. */
export type StoreFileData = { articles: unknown[]; [extra: string]: unknown };

/** The store as found on disk, before the run changes anything. */
export interface StoreSnapshot {
  /** The whole file, extra top-level fields included; `{ articles: [] }` when there is none yet. */
  file: StoreFileData;
  /** Problems the file already had (invalid items are kept as they are, never dropped). */
  problems: string[];
}

/**
 * Reads the store. A file that is not JSON or not `{ "articles": [...] }` is an
 * ArticleFileError: the run must not write over an editor's half-saved file.
 */
export async function readStore(path: string, label: string): Promise<StoreSnapshot> {
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { file: { articles: [] }, problems: [] };
    }
    throw new ArticleFileError(`${label}: cannot be read (${(error as Error).message})`);
  }
  const { problems } = parseArticleFile(text, label);
  return { file: parseJsonText(text) as StoreFileData, problems };
}

/**
 * Problems the new file would add to those the store already had; must be empty
 * before writing. Existing items keep their positions (new ones are appended), so
 * an old problem reads the same before and after.
 */
export function newProblems(next: StoreFileData, before: StoreSnapshot, label: string): string[] {
  const known = new Set(before.problems);
  return validateArticleFile(next, label).problems.filter((problem) => !known.has(problem));
}

/** lowdb's JSONFile format (2-space JSON) plus the final newline editors' tools keep, so diffs stay small. */
const jsonWithNewline = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

/**
 * Writes the whole file atomically (lowdb → steno: temporary file, then rename), so
 * the bot's watcher never sees half a file.
 */
export async function writeStore(path: string, file: StoreFileData): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const db = new Low<StoreFileData>(createJsonDataFile<StoreFileData>(path, jsonWithNewline), {
    articles: [],
  });
  db.data = file;
  await db.write();
}
