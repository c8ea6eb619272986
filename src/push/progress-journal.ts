import { type FileHandle, mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { readTextFile } from "../json-file.js";
import type { Reader } from "../readers/reader.js";
import type { ReaderStore } from "../readers/reader-store.js";

/** How far a reader got: the cursor to store, and the local day a digest served. */
export interface Progress {
  cursor: number;
  digestDate?: string;
}

/**
 * Delivery progress during a broadcast, as an append-only log beside the reader
 * store. Rewriting a reader shard after every send would cost a large JSON write per
 * message and stall the event loop; appending one short line is cheap. At the end of
 * the run the progress goes into the reader store and the log is emptied; after a
 * crash, the next run replays it first. A line cut short by a crash is ignored: its
 * send was never confirmed, so that reader got no later message.
 */
export interface ProgressJournal {
  /** Appends a record; resolves once it is written (false when writing failed). */
  record(chatId: number, progress: Progress): Promise<boolean>;
  /** Moves everything recorded (or left by a crashed run) into the reader store, then empties the log. */
  settle(readers: ReaderStore): Promise<void>;
  close(): Promise<void>;
}

// A chat's next send is at least a per-chat interval away; gathering records this long
// turns a thousand small writes a second into a few hundred.
const GATHER_MS = 2;
const LINE_PATTERN = /^(-?\d+) (\d+)(?: (\d{4}-\d{2}-\d{2}))?$/;

/** The reader with `progress` applied; undefined when it changes nothing. */
export function withProgress(progress: Progress) {
  return (reader: Reader | undefined): Reader | undefined => {
    if (reader === undefined) return undefined;
    const { cursor, digestDate } = progress;
    const moves = reader.cursor < cursor;
    // Dates compare as text (YYYY-MM-DD); a replayed older day never undoes a newer one.
    const serves =
      digestDate !== undefined &&
      (reader.lastDigestOn === undefined || digestDate > reader.lastDigestOn);
    if (!moves && !serves) return undefined;
    return {
      ...reader,
      cursor: Math.max(reader.cursor, cursor),
      ...(serves ? { lastDigestOn: digestDate } : {}),
    };
  };
}

function merge(into: Map<number, Progress>, chatId: number, progress: Progress): void {
  const known = into.get(chatId);
  if (known === undefined) {
    into.set(chatId, { ...progress });
    return;
  }
  known.cursor = Math.max(known.cursor, progress.cursor);
  if (
    progress.digestDate !== undefined &&
    !(known.digestDate && known.digestDate >= progress.digestDate)
  ) {
    known.digestDate = progress.digestDate;
  }
}

export async function openProgressJournal(path: string): Promise<ProgressJournal> {
  await mkdir(dirname(path), { recursive: true });
  const unsettled = new Map<number, Progress>();
  let text = "";
  try {
    text = await readTextFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const lines = text.split("\n");
  // Only newline-terminated records count; the last piece is empty or a cut-off write.
  lines.pop();
  for (const line of lines) {
    const match = LINE_PATTERN.exec(line);
    if (!match) continue;
    merge(unsettled, Number(match[1]), {
      cursor: Number(match[2]),
      ...(match[3] ? { digestDate: match[3] } : {}),
    });
  }

  const handle: FileHandle = await open(path, "a");
  // Start new records on a line of their own, after any cut-off one.
  if (text !== "" && !text.endsWith("\n")) await handle.write("\n");
  let buffered: { line: string; done: (ok: boolean) => void }[] = [];
  let writing: Promise<void> | undefined;

  // Group commit: records that arrive while a write is pending go in the next one.
  async function drain(): Promise<void> {
    await sleep(GATHER_MS);
    while (buffered.length > 0) {
      const batch = buffered;
      buffered = [];
      let ok = true;
      try {
        await handle.write(batch.map((entry) => entry.line).join(""));
      } catch {
        ok = false;
      }
      for (const entry of batch) entry.done(ok);
    }
    writing = undefined;
  }

  return {
    record(chatId, progress) {
      merge(unsettled, chatId, progress);
      const line = `${chatId} ${progress.cursor}${progress.digestDate ? ` ${progress.digestDate}` : ""}\n`;
      return new Promise((done) => {
        buffered.push({ line, done });
        writing ??= drain();
      });
    },
    async settle(readers) {
      await writing;
      if (unsettled.size === 0) return;
      const entries = [...unsettled];
      // All in one tick: the store's group commit writes each shard once. Each update
      // resolves once its shard is on disk; only then may the log forget the entry.
      await Promise.all(
        entries.map(([chatId, progress]) => readers.update(chatId, withProgress(progress))),
      );
      for (const [chatId] of entries) unsettled.delete(chatId);
      if (unsettled.size === 0 && buffered.length === 0) await handle.truncate(0);
    },
    async close() {
      await writing;
      await handle.close();
    },
  };
}
