/**
 * The outbound lane's decision, with no timers and no I/O: which waiting message may
 * leave now under Telegram's limits, or how long until one may. The clock is injected
 * (monotonic ms), so tests drive it by hand.
 *
 * Telegram counts a message when it *arrives*, somewhere between our dispatch and its
 * answer. A slot in a window is therefore held from dispatch and dated by its answer:
 * however the network bunches requests, no window at the server holds more than the
 * limit. Bot-wide slots are also spaced evenly, so the load is smooth, not bursty.
 */
export type ChatKind = "private" | "group";
/** A reply to a reader's update goes before any push. */
export type LanePriority = "reply" | "push";

export interface LaneLimits {
  /** Bot-wide messages per second (TELEGRAM_MAX_PER_SECOND). */
  perSecond: number;
  /** Messages per second to one private chat; Telegram allows about 1. */
  perPrivateChatPerSecond: number;
  /** Messages per minute to one group or channel; Telegram allows 20. */
  perGroupPerMinute: number;
}

export const TELEGRAM_LANE_LIMITS: Omit<LaneLimits, "perSecond"> = {
  perPrivateChatPerSecond: 1,
  perGroupPerMinute: 20,
};

export interface LaneJob<T> {
  item: T;
  chatId: number | string;
  chatKind: ChatKind;
  priority: LanePriority;
}

/** A job allowed to leave; call `done()` when its answer (or failure) is back. */
export interface Dispatched<T> {
  job: LaneJob<T>;
  done(): void;
}

export type TakeResult<T> =
  | { kind: "send"; dispatched: Dispatched<T> }
  /** Nothing may leave before `waitMs` (Infinity: until a send in flight is answered). */
  | { kind: "wait"; waitMs: number }
  | { kind: "idle" };

export interface LaneScheduler<T> {
  enqueue(job: LaneJob<T>): void;
  /** Puts a job back at the head of its queue (a 429: it goes first after the pause). */
  requeueFirst(job: LaneJob<T>): void;
  take(): TakeResult<T>;
  /** Flood control: nothing leaves for `ms`. */
  pause(ms: number): void;
  /** Empties the queues (the lane is closing): the jobs that were waiting, replies first. */
  drain(): LaneJob<T>[];
  readonly pending: number;
}

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
// Margin on the server's window edge (inclusive or not) and its millisecond rounding.
const WINDOW_MARGIN_MS = 2;
// After a stall (GC, a long tick) allow this much catch-up, never a whole second's burst.
const MAX_CATCH_UP_MS = 20;
// Timers cannot sleep less than ~1 ms: a slot due within that is taken now.
const SLOT_TOLERANCE_MS = 1;
// Idle chats' windows are forgotten once there are this many.
const SWEEP_CHATS_ABOVE = 10_000;

interface Slot {
  answeredAt?: number;
}

/** The last `limit` dispatches of one window, oldest first. */
class Window {
  private readonly slots: Slot[] = [];
  constructor(
    private readonly limit: number,
    private readonly spanMs: number,
  ) {}

  /** Ms until one more dispatch fits (Infinity: the oldest is still in flight). */
  waitMs(now: number): number {
    if (this.slots.length < this.limit) return 0;
    const oldest = this.slots[0] as Slot;
    if (oldest.answeredAt === undefined) return Number.POSITIVE_INFINITY;
    return Math.max(0, oldest.answeredAt + this.spanMs + WINDOW_MARGIN_MS - now);
  }

  take(): Slot {
    const slot: Slot = {};
    this.slots.push(slot);
    if (this.slots.length > this.limit) this.slots.shift();
    return slot;
  }

  isIdle(now: number): boolean {
    return this.slots.every(
      (slot) => slot.answeredAt !== undefined && slot.answeredAt + this.spanMs < now,
    );
  }
}

export function createLaneScheduler<T>(limits: LaneLimits, now: () => number): LaneScheduler<T> {
  const botWide = new Window(Math.max(1, Math.floor(limits.perSecond)), SECOND_MS);
  const intervalMs = SECOND_MS / limits.perSecond;
  const chats = new Map<string, Window>();
  const queues: Record<LanePriority, LaneJob<T>[]> = { reply: [], push: [] };
  let nextSlotAt = Number.NEGATIVE_INFINITY;
  let pausedUntil = Number.NEGATIVE_INFINITY;

  const chatKey = (job: LaneJob<T>) => String(job.chatId);
  function chatWindow(job: LaneJob<T>): Window {
    const key = chatKey(job);
    let window = chats.get(key);
    if (window === undefined) {
      window =
        job.chatKind === "private"
          ? new Window(
              Math.max(1, Math.floor(limits.perPrivateChatPerSecond)),
              SECOND_MS / Math.min(1, limits.perPrivateChatPerSecond),
            )
          : new Window(limits.perGroupPerMinute, MINUTE_MS);
      if (chats.size >= SWEEP_CHATS_ABOVE) sweep();
      chats.set(key, window);
    }
    return window;
  }

  function sweep() {
    const at = now();
    for (const [key, window] of chats) if (window.isIdle(at)) chats.delete(key);
  }

  /** The first job of `queue` whose chat may receive now, or the shortest wait. */
  function pick(queue: LaneJob<T>[], at: number): { index: number } | { waitMs: number } {
    const blocked = new Set<string>();
    let waitMs = Number.POSITIVE_INFINITY;
    for (const [index, job] of queue.entries()) {
      const key = chatKey(job);
      // A chat's messages leave in the order they came.
      if (blocked.has(key)) continue;
      const chatWaitMs = chatWindow(job).waitMs(at);
      if (chatWaitMs === 0) return { index };
      blocked.add(key);
      waitMs = Math.min(waitMs, chatWaitMs);
    }
    return { waitMs };
  }

  return {
    enqueue(job) {
      queues[job.priority].push(job);
    },
    requeueFirst(job) {
      queues[job.priority].unshift(job);
    },
    get pending() {
      return queues.reply.length + queues.push.length;
    },
    drain() {
      return [...queues.reply.splice(0), ...queues.push.splice(0)];
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
      nextSlotAt = Math.max(nextSlotAt, pausedUntil);
    },
    take() {
      if (queues.reply.length === 0 && queues.push.length === 0) return { kind: "idle" };
      const at = now();
      const gateWaitMs = Math.max(
        pausedUntil - at,
        nextSlotAt - at - SLOT_TOLERANCE_MS,
        botWide.waitMs(at),
      );
      if (gateWaitMs > 0) return { kind: "wait", waitMs: gateWaitMs };
      let waitMs = Number.POSITIVE_INFINITY;
      for (const priority of ["reply", "push"] as const) {
        const queue = queues[priority];
        const choice = pick(queue, at);
        if ("waitMs" in choice) {
          waitMs = Math.min(waitMs, choice.waitMs);
          continue;
        }
        const [job] = queue.splice(choice.index, 1) as [LaneJob<T>];
        nextSlotAt = Math.max(nextSlotAt, at - MAX_CATCH_UP_MS) + intervalMs;
        const slots = [botWide.take(), chatWindow(job).take()];
        return {
          kind: "send",
          dispatched: {
            job,
            done() {
              const answeredAt = now();
              for (const slot of slots) slot.answeredAt ??= answeredAt;
            },
          },
        };
      }
      return { kind: "wait", waitMs };
    },
  };
}
