import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { runTimedPool } from "../../src/push/worker-pool.js";

interface Job {
  id: string;
  readyAt: number;
  steps: number;
}

const job = (id: string, steps: number, readyAt = 0): Job => ({ id, readyAt, steps });

describe("runTimedPool", () => {
  it("should run every step of every job, interleaving jobs by readiness", async () => {
    const order: string[] = [];
    await runTimedPool<Job>({
      jobs: [job("a", 3), job("b", 2), job("c", 1)],
      concurrency: 1,
      onStepError: () => undefined,
      async step(current, requeue) {
        order.push(current.id);
        current.steps -= 1;
        if (current.steps > 0) requeue(current, 0);
      },
    });
    // Each requeued job goes behind the ones already ready: first items before second ones.
    expect(order).toEqual(["a", "b", "c", "a", "b", "a"]);
  });

  it("should hold a requeued job until its readyAt", async () => {
    const now = () => performance.now();
    const start = now();
    const taken: [string, number][] = [];
    await runTimedPool<Job>({
      jobs: [job("late", 1, start + 30), job("early", 2, 0)],
      concurrency: 2,
      now,
      onStepError: () => undefined,
      async step(current, requeue) {
        taken.push([current.id, now()]);
        current.steps -= 1;
        if (current.steps > 0) requeue(current, now() + 50);
      },
    });
    expect(taken.map(([id]) => id)).toEqual(["early", "late", "early"]);
    const [first, late, second] = taken.map(([, at]) => at) as [number, number, number];
    expect(late).toBeGreaterThanOrEqual(start + 30);
    expect(second - first).toBeGreaterThanOrEqual(50);
  });

  it("should run no more steps at once than its concurrency", async () => {
    let running = 0;
    let most = 0;
    await runTimedPool<Job>({
      jobs: Array.from({ length: 20 }, (_, index) => job(String(index), 1)),
      concurrency: 3,
      onStepError: () => undefined,
      async step() {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
      },
    });
    expect(most).toBe(3);
  });

  it("should report a step that throws and go on with the other jobs", async () => {
    const failed: string[] = [];
    const done: string[] = [];
    await runTimedPool<Job>({
      jobs: [job("bad", 1), job("good", 1)],
      concurrency: 1,
      onStepError: (current) => failed.push(current.id),
      async step(current) {
        if (current.id === "bad") throw new Error("boom");
        done.push(current.id);
      },
    });
    expect(failed).toEqual(["bad"]);
    expect(done).toEqual(["good"]);
  });

  it("should take no new job once the signal aborts, and finish the step in flight", async () => {
    const controller = new AbortController();
    const done: string[] = [];
    await runTimedPool<Job>({
      jobs: [job("a", 1), job("b", 1), job("c", 1)],
      concurrency: 1,
      signal: controller.signal,
      onStepError: () => undefined,
      async step(current) {
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 1));
        done.push(current.id);
      },
    });
    expect(done).toEqual(["a"]);
  });
});
