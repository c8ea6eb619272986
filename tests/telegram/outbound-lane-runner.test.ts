import type { ApiResponse } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import {
  createOutboundLane,
  LaneClosedError,
  type LaneTimers,
} from "../../src/telegram/outbound-lane.js";

/** Timers on a hand-driven clock: `advance` runs whatever falls due. */
function manualTimers() {
  let clock = 0;
  const due: { at: number; run: () => void }[] = [];
  const timers: LaneTimers = {
    now: () => clock,
    setTimeout(run, ms) {
      const entry = { at: clock + ms, run };
      due.push(entry);
      return entry;
    },
    clearTimeout(handle) {
      const index = due.indexOf(handle as (typeof due)[number]);
      if (index >= 0) due.splice(index, 1);
    },
  };
  async function advance(ms: number) {
    const end = clock + ms;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      due.sort((a, b) => a.at - b.at);
      const next = due[0];
      if (next === undefined || next.at > end) break;
      due.shift();
      clock = Math.max(clock, next.at);
      next.run();
    }
    clock = end;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { timers, advance, now: () => clock };
}

type Answer = ApiResponse<unknown>;
const OK: Answer = { ok: true, result: true };

function setup(answers: (method: string, chatId: unknown) => Answer) {
  const time = manualTimers();
  const logs: string[] = [];
  const lane = createOutboundLane({
    limits: { perSecond: 2, perPrivateChatPerSecond: 1, perGroupPerMinute: 20 },
    logger: createLogger({ level: "info", secrets: [], write: (line) => logs.push(line) }),
    timers: time.timers,
    giveUpAfterMs: 60_000,
  });
  const sent: { chatId: unknown; at: number; text: unknown }[] = [];
  const prev = async (method: string, payload: Record<string, unknown>) => {
    sent.push({ chatId: payload.chat_id, at: time.now(), text: payload.text });
    return answers(method, payload.chat_id);
  };
  const call = (priority: "reply" | "push", chatId: number, text: string) =>
    (lane.transformer(priority) as unknown as (...args: unknown[]) => Promise<Answer>)(
      prev,
      "sendMessage",
      { chat_id: chatId, text },
    );
  return { lane, call, sent, logs, ...time };
}

describe("createOutboundLane", () => {
  it("should send replies before pushes that were waiting", async () => {
    const { call, sent, advance } = setup(() => OK);
    const pushes = [1, 2, 3].map((chatId) => call("push", chatId, `push ${chatId}`));
    const reply = call("reply", 9, "reply");
    await advance(3000);
    await Promise.all([...pushes, reply]);
    // Two leave at once (2/s); of the rest, the reply goes first.
    expect(sent.map((entry) => entry.text)).toEqual(["push 1", "reply", "push 2", "push 3"]);
  });

  it("should pause everything for retry_after on a 429 and resend the refused call first", async () => {
    let refuse = true;
    const { call, sent, advance, logs } = setup((_, chatId) => {
      if (chatId === 1 && refuse) {
        refuse = false;
        return {
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 3",
          parameters: { retry_after: 3 },
        };
      }
      return OK;
    });
    const first = call("reply", 1, "a");
    await advance(10);
    const second = call("reply", 2, "b");
    await advance(10_000);
    expect(await first).toEqual(OK);
    expect(await second).toEqual(OK);
    const [refused, resent, other] = sent;
    expect(refused?.chatId).toBe(1);
    expect(resent?.chatId).toBe(1);
    expect(other?.chatId).toBe(2);
    expect(resent?.at).toBeGreaterThanOrEqual((refused?.at ?? 0) + 3000);
    expect(logs.some((line) => line.includes("lane paused"))).toBe(true);
  });

  it("should hand a 403 back to the caller at once", async () => {
    const blocked: Answer = {
      ok: false,
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    };
    const { call, sent, advance } = setup(() => blocked);
    const answer = call("push", 5, "x");
    await advance(10);
    expect(await answer).toEqual(blocked);
    expect(sent).toHaveLength(1);
  });

  it("should give up, logged, when flood waits pass the bound", async () => {
    const flood: Answer = {
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 40",
      parameters: { retry_after: 40 },
    };
    const { call, sent, advance, logs } = setup(() => flood);
    const answer = call("reply", 7, "x");
    await advance(200_000);
    expect(await answer).toEqual(flood);
    // Sent at 0 s and 40 s; another 40 s pause would carry it past the 60 s bound.
    expect(sent).toHaveLength(2);
    expect(logs.some((line) => line.includes("given up"))).toBe(true);
  });

  it("should fail the calls waiting out a flood wait at once when closed, and say why", async () => {
    const flood: Answer = {
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 30",
      parameters: { retry_after: 30 },
    };
    let refuse = true;
    const { lane, call, sent, advance, logs } = setup(() => {
      if (!refuse) return OK;
      refuse = false;
      return flood;
    });
    const waiting = call("reply", 7, "answer to /latest");
    await advance(1000); // refused once; the lane now sits out 30 s
    const queued = call("push", 8, "a push");
    const outcomes = Promise.allSettled([waiting, queued]);
    await advance(1000);
    expect(lane.pending).toBe(2);

    lane.close("the bot is stopping");
    const [reply, push] = await outcomes;
    expect(reply).toMatchObject({
      status: "rejected",
      reason: expect.any(LaneClosedError),
    });
    expect((reply as PromiseRejectedResult).reason.message).toBe(
      "sendMessage to chat 7 not sent: the bot is stopping",
    );
    expect(push).toMatchObject({ status: "rejected" });
    expect(lane.pending).toBe(0);
    const closing = logs.map((line) => JSON.parse(line)).find((entry) => entry.lost);
    expect(closing).toMatchObject({
      reason: "the bot is stopping",
      lost: 2,
      replies: 1,
      chatIds: [7, 8],
    });

    // Nothing new is taken, and nothing is sent when the pause would have ended.
    await expect(call("reply", 9, "late")).rejects.toThrow("not sent: the bot is stopping");
    await advance(100_000);
    expect(sent.map((entry) => entry.text)).toEqual(["answer to /latest"]);
  });

  it("should give a call already sent its answer when the lane closes meanwhile", async () => {
    let answer: (value: Answer) => void = () => {};
    const time = setup(() => OK);
    const slow = (
      time.lane.transformer("reply") as unknown as (...args: unknown[]) => Promise<Answer>
    )(
      () =>
        new Promise<Answer>((resolve) => {
          answer = resolve;
        }),
      "sendMessage",
      { chat_id: 3, text: "in flight" },
    );
    await time.advance(10);
    time.lane.close("the bot is stopping");
    answer(OK);
    expect(await slow).toEqual(OK);
  });
});
