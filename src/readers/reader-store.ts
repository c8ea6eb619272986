import type { Reader } from "./reader.js";

/**
 * Reader state. Reads are from memory; every change is applied in memory at once
 * and the returned promise settles when it is durable on disk (atomic file writes),
 * so a handler that awaits it can truthfully tell the reader "done".
 */
export interface ReaderStore {
  get(chatId: number): Reader | undefined;
  /**
   * Applies `change` to the reader (undefined when unknown) and persists the result.
   * Returning undefined from `change` leaves the store as it was.
   */
  update(
    chatId: number,
    change: (current: Reader | undefined) => Reader | undefined,
  ): Promise<Reader | undefined>;
  /** Forgets the reader entirely (/deletedata); resolves once that is on disk. False when unknown. */
  remove(chatId: number): Promise<boolean>;
  all(): IterableIterator<Reader>;
  size(): number;
  /** Resolves once every change made so far is on disk. */
  flush(): Promise<void>;
}
