import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

/** Held for one send; `done()` when its answer (or failure) is back. */
export interface SendPermit {
  done(): void;
}

/**
 * The bot-wide ceiling on sends, shared by every worker of a broadcast.
 *
 * Telegram (and the emulator) count sends in sliding one-second windows at the time
 * each request *arrives*, somewhere between our dispatch and its answer. Two rules:
 * - slots are spaced evenly, so the load is smooth rather than bursty;
 * - send n leaves only once one second has passed since the *answer* to send
 *   n - perSecond. That send arrived before it was answered, so however the network
 *   or a stall on either side bunches requests, no window at the server ever holds
 *   more than perSecond sends: no 429 from our own pace. On a fast link this costs
 *   about one latency per second of sending (under 1 % on loopback, ~5 % at 50 ms).
 *
 * A 429 pauses the whole gate (`pause`), since every send would hit the same wall.
 */
export interface PacingGate {
  acquire(signal?: AbortSignal): Promise<SendPermit>;
  pause(ms: number): void;
}

export interface PacingGateOptions {
  perSecond: number;
}

const WINDOW_MS = 1000;
// Margin on the server's window edge, which may or may not be inclusive, and on the
// rounding of its millisecond clock.
const WINDOW_MARGIN_MS = 2;
// After a stall (GC, a long tick) allow this much catch-up, never a whole second's burst.
const MAX_CATCH_UP_MS = 20;
// Timers cannot sleep less than ~1 ms; a slot due within that is taken now, or a high
// rate would be capped by timer granularity. The window rule still bounds every second.
const SLOT_TOLERANCE_MS = 1;
// Waiting on a send still in flight: look again this soon.
const IN_FLIGHT_POLL_MS = 1;

interface Dispatch {
  answeredAt?: number;
}

export function createPacingGate(options: PacingGateOptions): PacingGate {
  const now = () => performance.now();
  const capacity = Math.max(1, Math.floor(options.perSecond));
  const intervalMs = WINDOW_MS / options.perSecond;
  // The last `capacity` dispatches; the oldest sits at `sent % capacity`.
  const recent: (Dispatch | undefined)[] = new Array(capacity);
  let sent = 0;
  let nextSlotAt = now();
  let pausedUntil = 0;
  let turn: Promise<unknown> = Promise.resolve();

  /** Ms until the send `capacity` dispatches ago stops counting (0: it already has). */
  function windowWaitMs(at: number): number {
    const oldest = recent[sent % capacity];
    if (oldest === undefined) return 0;
    if (oldest.answeredAt === undefined) return IN_FLIGHT_POLL_MS;
    return oldest.answeredAt + WINDOW_MS + WINDOW_MARGIN_MS - at;
  }

  async function waitForTurn(signal?: AbortSignal): Promise<SendPermit> {
    for (;;) {
      signal?.throwIfAborted();
      const at = now();
      const waitMs = Math.max(
        pausedUntil - at,
        nextSlotAt - at - SLOT_TOLERANCE_MS,
        windowWaitMs(at),
      );
      if (waitMs > 0) {
        await sleep(Math.max(1, waitMs), undefined, signal ? { signal } : undefined);
        continue;
      }
      nextSlotAt = Math.max(nextSlotAt, at - MAX_CATCH_UP_MS) + intervalMs;
      const dispatch: Dispatch = {};
      recent[sent % capacity] = dispatch;
      sent += 1;
      return {
        done() {
          dispatch.answeredAt ??= now();
        },
      };
    }
  }

  return {
    acquire(signal) {
      // One waiter at a time, in order: fair, and only one timer pending however many workers.
      const result = turn.then(() => waitForTurn(signal));
      turn = result.catch(() => undefined);
      return result;
    },
    pause(ms) {
      const until = now() + ms;
      if (until > pausedUntil) pausedUntil = until;
      if (nextSlotAt < pausedUntil) nextSlotAt = pausedUntil;
    },
  };
}
