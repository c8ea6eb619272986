/**
 * Telegram-like flood control: sliding one-second windows, one for the whole bot and
 * one per chat. Only accepted sends enter a window, so a refused call costs nothing.
 * Each window keeps at most `limit` timestamps, so checks stay O(1) amortised.
 */
const WINDOW_MS = 1000;
/** Drop the consumed head of a window's array once it grows past this many entries. */
const COMPACT_AFTER = 64;
/** Per-chat windows are swept for idle chats once there are more than this many. */
const SWEEP_CHATS_ABOVE = 10_000;

export interface FloodLimits {
  botWidePerSecond?: number;
  perChatPerSecond?: number;
  /**
   * Bot-wide limit for sends with allow_paid_broadcast (Telegram: 1000/s); default
   * botWidePerSecond, so that a test of paid sends stays as strict unless it says so.
   */
  paidBroadcastPerSecond?: number;
}

export interface FloodControl {
  /**
   * Seconds to wait (≥1) when a send to `chatId` now would pass a limit, else undefined.
   * `paid`: the send carries allow_paid_broadcast and is held to the paid bot-wide limit.
   */
  retryAfter(chatId: number, paid?: boolean): number | undefined;
  /** Counts an accepted send. */
  record(chatId: number): void;
}

class SlidingWindow {
  private times: number[] = [];
  private head = 0;

  prune(now: number): void {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - WINDOW_MS) {
      this.head += 1;
    }
    if (this.head > COMPACT_AFTER && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  get count(): number {
    return this.times.length - this.head;
  }

  /** Ms until the oldest send in the window leaves it. */
  msUntilRoom(now: number): number {
    return (this.times[this.head] ?? now) + WINDOW_MS - now;
  }

  push(at: number): void {
    this.times.push(at);
  }

  get empty(): boolean {
    return this.count === 0;
  }
}

export function createFloodControl(limits: FloodLimits, now: () => number): FloodControl {
  const botWide = new SlidingWindow();
  const perChat = new Map<number, SlidingWindow>();
  const botLimit = limits.botWidePerSecond;
  const paidLimit = limits.paidBroadcastPerSecond ?? botLimit;
  const chatLimit = limits.perChatPerSecond;
  let sweepAbove = SWEEP_CHATS_ABOVE;

  function waitMs(window: SlidingWindow | undefined, limit: number | undefined, at: number) {
    if (window === undefined || limit === undefined) return 0;
    window.prune(at);
    return window.count >= limit ? window.msUntilRoom(at) : 0;
  }

  return {
    retryAfter(chatId, paid = false) {
      if (botLimit === undefined && chatLimit === undefined && paidLimit === undefined) {
        return undefined;
      }
      const at = now();
      const ms = Math.max(
        waitMs(botWide, paid ? paidLimit : botLimit, at),
        waitMs(perChat.get(chatId), chatLimit, at),
      );
      return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : undefined;
    },
    record(chatId) {
      const at = now();
      if (botLimit !== undefined || paidLimit !== undefined) botWide.push(at);
      if (chatLimit !== undefined) {
        let window = perChat.get(chatId);
        if (window === undefined) {
          window = new SlidingWindow();
          perChat.set(chatId, window);
        } else {
          window.prune(at);
        }
        window.push(at);
        // Keep the map proportional to recently active chats, not to every chat ever.
        if (perChat.size > sweepAbove) {
          for (const [id, other] of perChat) {
            other.prune(at);
            if (other.empty) perChat.delete(id);
          }
          sweepAbove = Math.max(SWEEP_CHATS_ABOVE, perChat.size * 2);
        }
      }
    },
  };
}
