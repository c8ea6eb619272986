import { describe, expect, it } from "vitest";
import {
  type ChatKind,
  createLaneScheduler,
  type LanePriority,
  type TakeResult,
} from "../../src/telegram/lane-scheduler.js";

function setup(perSecond = 30) {
  let clock = 0;
  const scheduler = createLaneScheduler<string>(
    { perSecond, perPrivateChatPerSecond: 1, perGroupPerMinute: 20 },
    () => clock,
  );
  const add = (
    item: string,
    chatId: number,
    priority: LanePriority,
    chatKind: ChatKind = "private",
  ) => scheduler.enqueue({ item, chatId, chatKind, priority });
  /** Sends whatever may leave at the current time, answering each at once. */
  const drainNow = (): string[] => {
    const sent: string[] = [];
    for (;;) {
      const next: TakeResult<string> = scheduler.take();
      if (next.kind !== "send") return sent;
      next.dispatched.done();
      sent.push(next.dispatched.job.item);
    }
  };
  /** Runs the clock forward in 1 ms steps, sending as it goes. */
  const runFor = (ms: number): { item: string; at: number }[] => {
    const sent: { item: string; at: number }[] = [];
    const end = clock + ms;
    for (; clock <= end; clock += 1) for (const item of drainNow()) sent.push({ item, at: clock });
    return sent;
  };
  return { scheduler, add, drainNow, runFor, advance: (ms: number) => (clock += ms) };
}

describe("lane scheduler", () => {
  it("sends a waiting reply before any push, whatever the order they came in", () => {
    const lane = setup();
    lane.add("push-1", 1, "push");
    lane.add("push-2", 2, "push");
    lane.add("reply-3", 3, "reply");
    const order = lane.runFor(200).map((sent) => sent.item);
    expect(order).toEqual(["reply-3", "push-1", "push-2"]);
  });

  it("keeps one private chat to one message a second, in order, while other chats go on", () => {
    const lane = setup();
    lane.add("a1", 1, "reply");
    lane.add("a2", 1, "reply");
    lane.add("b1", 2, "reply");
    const sent = lane.runFor(1100);
    expect(sent.map((entry) => entry.item)).toEqual(["a1", "b1", "a2"]);
    const a1 = sent.find((entry) => entry.item === "a1")?.at ?? 0;
    const a2 = sent.find((entry) => entry.item === "a2")?.at ?? 0;
    expect(a2 - a1).toBeGreaterThanOrEqual(1000);
  });

  it("allows 20 messages a minute to a group or channel, then holds the 21st", () => {
    const lane = setup();
    for (let index = 1; index <= 21; index += 1) lane.add(`g${index}`, -100123, "push", "group");
    expect(lane.runFor(59_000)).toHaveLength(20);
    expect(lane.runFor(1_100).map((entry) => entry.item)).toEqual(["g21"]);
  });

  it("never lets more than the bot-wide limit leave in any second", () => {
    const lane = setup(30);
    for (let chat = 1; chat <= 150; chat += 1) lane.add(`r${chat}`, chat, "reply");
    const sent = lane.runFor(6_000);
    expect(sent).toHaveLength(150);
    for (const first of sent) {
      const inWindow = sent.filter((other) => other.at >= first.at && other.at < first.at + 1000);
      expect(inWindow.length).toBeLessThanOrEqual(30);
    }
  });

  it("gives pushes the slots replies leave free", () => {
    const lane = setup(10);
    for (let chat = 1; chat <= 20; chat += 1) lane.add(`p${chat}`, 1000 + chat, "push");
    lane.add("r1", 1, "reply");
    const sent = lane.runFor(2_100).map((entry) => entry.item);
    expect(sent[0]).toBe("r1");
    expect(sent).toHaveLength(21);
  });

  it("holds a window slot until its send is answered", () => {
    const lane = setup(1);
    lane.add("a", 1, "reply");
    lane.add("b", 2, "reply");
    const first = lane.scheduler.take();
    expect(first.kind).toBe("send");
    lane.advance(5_000);
    expect(lane.scheduler.take()).toEqual({ kind: "wait", waitMs: Number.POSITIVE_INFINITY });
    if (first.kind === "send") first.dispatched.done();
    lane.advance(1_100);
    expect(lane.drainNow()).toEqual(["b"]);
  });

  it("sends nothing while paused by flood control, then resumes with the requeued message first", () => {
    const lane = setup();
    lane.add("a", 1, "reply");
    lane.add("b", 2, "reply");
    const first = lane.scheduler.take();
    if (first.kind !== "send") throw new Error("expected a send");
    first.dispatched.done();
    lane.scheduler.pause(3_000);
    lane.scheduler.requeueFirst(first.dispatched.job);
    expect(lane.runFor(2_900)).toEqual([]);
    expect(lane.runFor(1_200).map((entry) => entry.item)).toEqual(["a", "b"]);
  });

  it("says idle when nothing waits", () => {
    expect(setup().scheduler.take()).toEqual({ kind: "idle" });
  });
});
