import { readFile } from "node:fs/promises";
import { DataFile } from "lowdb/node";

// Editors on Windows save UTF-8 with a byte order mark; JSON.parse refuses it.
const BYTE_ORDER_MARK = "\uFEFF";

/** The text without a leading UTF-8 byte order mark. */
export function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
}

/** JSON.parse that accepts a leading byte order mark: every JSON file the bot reads goes through here. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(stripByteOrderMark(text));
}

/** A file's text as UTF-8, byte order mark removed. */
export async function readTextFile(path: string): Promise<string> {
  return stripByteOrderMark(await readFile(path, "utf8"));
}

/** lowdb's JSONFile (2-space JSON, atomic writes), reading files saved with a byte order mark too. */
export function createJsonDataFile<T>(
  path: string,
  stringify: (data: T) => string = (data) => JSON.stringify(data, null, 2),
): DataFile<T> {
  return new DataFile<T>(path, { parse: (text) => parseJsonText(text) as T, stringify });
}
