import type { Context, MiddlewareFn } from "grammy";

/**
 * Counts updates being handled so shutdown can wait for them: the runner stops
 * fetching at once, but replies already under way should still reach readers.
 */
export function createInFlightTracker<C extends Context>(): {
  middleware: MiddlewareFn<C>;
  drain(): Promise<void>;
} {
  let count = 0;
  let waiters: (() => void)[] = [];
  return {
    middleware: async (_ctx, next) => {
      count += 1;
      try {
        await next();
      } finally {
        count -= 1;
        if (count === 0) {
          for (const wake of waiters) wake();
          waiters = [];
        }
      }
    },
    drain: () =>
      count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
  };
}
