/**
 * Pending updates in update_id order. getUpdates only reads; an update leaves when a
 * later call confirms it with a higher offset, as on Telegram. Removal from the head
 * moves an index instead of shifting the array.
 */
import type { Update } from "grammy/types";

/** Rebuild the array once this many confirmed updates sit before the head. */
const COMPACT_AFTER = 256;

export class UpdateQueue {
  private items: Update[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(update: Update): void {
    const last = this.items.at(-1);
    if (this.size === 0 || last === undefined || last.update_id < update.update_id) {
      this.items.push(update);
      return;
    }
    // A webhook delivery handed back after deleteWebhook: keep update_id order.
    const live = this.items.slice(this.head);
    live.push(update);
    live.sort((a, b) => a.update_id - b.update_id);
    this.items = live;
    this.head = 0;
  }

  /** Forgets every update below `offset`. */
  confirmBelow(offset: number): void {
    while (this.head < this.items.length && (this.items[this.head]?.update_id ?? 0) < offset) {
      this.head += 1;
    }
    this.compact();
  }

  /** Keeps only the newest `count` updates (getUpdates with a negative offset). */
  keepLast(count: number): void {
    this.head = Math.max(this.head, this.items.length - count);
    this.compact();
  }

  /** Up to `limit` updates from the head that pass `accept`. */
  peek(limit: number, accept: (update: Update) => boolean): Update[] {
    const batch: Update[] = [];
    for (let index = this.head; index < this.items.length && batch.length < limit; index += 1) {
      const update = this.items[index];
      if (update !== undefined && accept(update)) batch.push(update);
    }
    return batch;
  }

  /** Removes and returns everything. */
  drain(): Update[] {
    const all = this.items.slice(this.head);
    this.clear();
    return all;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }

  private compact(): void {
    if (this.head === this.items.length) {
      this.clear();
    } else if (this.head > COMPACT_AFTER && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

/** The field that says what an update is ("message", "callback_query", …). */
export function updateType(update: Update): string {
  for (const key of Object.keys(update)) {
    if (key !== "update_id") return key;
  }
  return "unknown";
}

/** The chat an update belongs to, so webhook deliveries to one chat stay in order. */
export function updateChatId(update: Update): number | undefined {
  return (
    update.message?.chat.id ??
    update.edited_message?.chat.id ??
    update.callback_query?.message?.chat.id ??
    update.callback_query?.from.id ??
    update.my_chat_member?.chat.id ??
    update.chat_member?.chat.id ??
    update.channel_post?.chat.id
  );
}
