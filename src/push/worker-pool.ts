import { performance } from "node:perf_hooks";
import { type ReadyEntry, ReadyQueue } from "./ready-queue.js";

/** What a step may do with its job: put it back to run again from `readyAt`. */
export type Requeue<T> = (job: T, readyAt: number) => void;

export interface TimedPoolOptions<T extends ReadyEntry> {
  jobs: Iterable<T>;
  /** Workers running steps at once. */
  concurrency: number;
  /** Runs one step of a job; calls `requeue` when the job has more to do. */
  step(job: T, requeue: Requeue<T>): Promise<void>;
  /** A step that throws: logged by the caller, the job is dropped. */
  onStepError(job: T, error: unknown): void;
  /** Aborting stops taking jobs; steps in flight finish. */
  signal?: AbortSignal;
  /** Monotonic ms; readyAt is on this clock. Default performance.now. */
  now?: () => number;
}

/**
 * A pool of workers over jobs that each become ready at a time: a worker takes the job
 * that has been ready longest, runs one step, and the step may requeue it for later.
 * Ends when no job is queued and no step runs, or when the signal aborts. One timer at
 * most is pending, for the earliest job not yet ready.
 */
export async function runTimedPool<T extends ReadyEntry>(
  options: TimedPoolOptions<T>,
): Promise<void> {
  const now = options.now ?? (() => performance.now());
  const { signal } = options;
  const queue = new ReadyQueue<T>();
  for (const job of options.jobs) queue.push(job);
  let active = 0;
  const waiters: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  const wakeOne = () => waiters.shift()?.();
  const wakeAll = () => {
    for (const wake of waiters.splice(0)) wake();
  };
  signal?.addEventListener("abort", wakeAll, { once: true });

  function armTimer(at: number) {
    if (at >= timerAt) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timerAt = Number.POSITIVE_INFINITY;
        wakeOne();
      },
      Math.max(0, at - now()),
    );
  }

  async function take(): Promise<T | undefined> {
    for (;;) {
      if (signal?.aborted) return undefined;
      const top = queue.peek();
      if (top === undefined && active === 0) {
        wakeAll();
        return undefined;
      }
      if (top !== undefined && top.readyAt <= now()) {
        queue.pop();
        active += 1;
        if (queue.size > 0) wakeOne();
        return top;
      }
      if (top !== undefined) armTimer(top.readyAt);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }

  const requeue: Requeue<T> = (job, readyAt) => {
    job.readyAt = readyAt;
    queue.push(job);
    wakeOne();
  };

  async function worker(): Promise<void> {
    for (;;) {
      const job = await take();
      if (job === undefined) return;
      try {
        await options.step(job, requeue);
      } catch (error) {
        options.onStepError(job, error);
      } finally {
        active -= 1;
        if (queue.size === 0 && active === 0) wakeAll();
      }
    }
  }

  try {
    const workers = Math.max(0, Math.min(options.concurrency, queue.size));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", wakeAll);
  }
}
