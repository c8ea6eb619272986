import { deactivateReader, type Reader } from "./reader.js";
import type { ReaderStore } from "./reader-store.js";

/**
 * A group became a supergroup (Telegram gives it a new id): its settings and delivery
 * progress move to the new id, and the old entry stays behind, inactive, naming where
 * it went. Safe to call twice (the update and a refused send may both report it): a
 * move never lowers the new entry's cursor. Resolves with the reader at the new id.
 */
export async function migrateReader(
  readers: ReaderStore,
  fromId: number,
  toId: number,
  now: Date,
): Promise<Reader | undefined> {
  const old = readers.get(fromId);
  if (old === undefined || old.migratedTo !== undefined) return readers.get(toId);
  const moved = await readers.update(toId, (current) =>
    current !== undefined && current.cursor >= old.cursor
      ? undefined
      : { ...old, chatId: toId, chatType: "supergroup" },
  );
  await readers.update(fromId, (reader) =>
    reader === undefined
      ? undefined
      : { ...deactivateReader(reader, "migrated", now), migratedTo: toId },
  );
  return moved;
}

/**
 * Progress recorded for a group's old id after its settings moved (a push run that
 * was sending when the migration arrived) is carried to the new id, so the
 * supergroup is not sent those briefs again.
 */
export async function forwardMigratedProgress(readers: ReaderStore): Promise<void> {
  const moves: Promise<unknown>[] = [];
  for (const old of readers.all()) {
    if (old.migratedTo === undefined) continue;
    const target = readers.get(old.migratedTo);
    if (target === undefined || target.cursor >= old.cursor) continue;
    moves.push(
      readers.update(target.chatId, (current) =>
        current === undefined
          ? undefined
          : { ...current, cursor: Math.max(current.cursor, old.cursor) },
      ),
    );
  }
  await Promise.all(moves);
}
