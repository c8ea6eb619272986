/**
 * Chats waiting for their next send, earliest `readyAt` first (ties in arrival
 * order), so a broadcast interleaves chats: every chat's first item goes before any
 * chat's second. A binary heap keeps each step O(log n) for 100k chats.
 */
export interface ReadyEntry {
  /** Monotonic ms (performance.now()) from which the chat may be sent to again. */
  readyAt: number;
}

export class ReadyQueue<T extends ReadyEntry> {
  private heap: { item: T; order: number }[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  push(item: T): void {
    this.heap.push({ item, order: this.counter++ });
    this.up(this.heap.length - 1);
  }

  /** The earliest entry without removing it. */
  peek(): T | undefined {
    return this.heap[0]?.item;
  }

  pop(): T | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top.item;
  }

  private before(a: number, b: number): boolean {
    const left = this.heap[a] as { item: T; order: number };
    const right = this.heap[b] as { item: T; order: number };
    return (
      left.item.readyAt < right.item.readyAt ||
      (left.item.readyAt === right.item.readyAt && left.order < right.order)
    );
  }

  private swap(a: number, b: number): void {
    const held = this.heap[a] as { item: T; order: number };
    this.heap[a] = this.heap[b] as { item: T; order: number };
    this.heap[b] = held;
  }

  private up(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.before(child, parent)) return;
      this.swap(child, parent);
      child = parent;
    }
  }

  private down(index: number): void {
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let first = parent;
      if (left < this.heap.length && this.before(left, first)) first = left;
      if (right < this.heap.length && this.before(right, first)) first = right;
      if (first === parent) return;
      this.swap(parent, first);
      parent = first;
    }
  }
}
