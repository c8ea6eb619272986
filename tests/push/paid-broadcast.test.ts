import { afterEach, describe, expect, it } from "vitest";
import { createPushHarness, makeArticle, type PushHarness } from "./push-harness.js";

let harness: PushHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function broadcastTo(h: PushHarness, chatIds: number[]) {
  for (const chatId of chatIds) await h.addReader(chatId, ["fintech"]);
  h.clock.advance(60_000);
  await h.saveArticles([makeArticle("paid", ["fintech"])]);
  return h.run();
}

describe("paid broadcasts", () => {
  it("should send every push with allow_paid_broadcast when TELEGRAM_PAID_BROADCAST=true", async () => {
    // The emulator allows paid sends 100/s but others only 10/s: the rate needs the flag.
    harness = await createPushHarness({
      limits: { botWidePerSecond: 10, perChatPerSecond: 30, paidBroadcastPerSecond: 100 },
      env: { TELEGRAM_MAX_PER_SECOND: "100", TELEGRAM_PAID_BROADCAST: "true" },
    });
    const chats = Array.from({ length: 40 }, (_, index) => 20_000 + index);
    const report = await broadcastTo(harness, chats);
    expect(report).toMatchObject({ sent: 40, failed: 0 });
    const calls = harness.emu.callsOf("sendMessage");
    expect(calls.map((call) => call.payload.allow_paid_broadcast)).toEqual(
      Array(calls.length).fill(true),
    );
    expect(calls.filter((call) => call.status === 429)).toEqual([]);
  });

  it("should send pushes without the flag by default", async () => {
    harness = await createPushHarness({
      limits: { botWidePerSecond: 30, perChatPerSecond: 30 },
      env: { TELEGRAM_MAX_PER_SECOND: "30", TELEGRAM_PAID_BROADCAST: "false" },
    });
    const report = await broadcastTo(harness, [30_001, 30_002]);
    expect(report).toMatchObject({ sent: 2 });
    for (const call of harness.emu.callsOf("sendMessage")) {
      expect(call.payload).not.toHaveProperty("allow_paid_broadcast");
    }
  });
});
