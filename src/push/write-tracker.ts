import type { Logger } from "../logger.js";

/**
 * Every store write a broadcast starts, so the run ends only once all are settled, and
 * a failed write is logged once and read as `false` by whoever waits on it (a chat's
 * next send waits on its previous write).
 */
export interface WriteTracker {
  /** Resolves true once `write` is done, false when it failed (logged). */
  track(write: Promise<unknown>): Promise<boolean>;
  /** Resolves when every tracked write has settled. */
  settled(): Promise<void>;
}

export function createWriteTracker(logger: Logger): WriteTracker {
  const writes: Promise<boolean>[] = [];
  return {
    track(write) {
      const settled = write.then(
        () => true,
        (error: unknown) => {
          logger.error(
            { err: error },
            "saving push progress failed; that reader waits for the next run",
          );
          return false;
        },
      );
      writes.push(settled);
      return settled;
    },
    async settled() {
      await Promise.all(writes);
    },
  };
}
