import { afterEach, describe, expect, it } from "vitest";
import { type ChatHarness, startChat } from "../helpers/chat.js";

let chat: ChatHarness | undefined;
afterEach(async () => {
  await chat?.close();
  chat = undefined;
});

/** Telegram asks for a 5-minute wait; without lane.close() the bot would sit it out on stop. */
const FLOOD_WAIT_S = 300;

describe("stopping the bot while a reply sits out a flood wait", () => {
  it("should stop without waiting it out, the dropped reply logged with why", {
    // Far under the flood wait: a stop that waited it out fails here.
    timeout: 60_000,
  }, async () => {
    chat = await startChat();
    const harness = chat;
    harness.emu.faults.failNext("sendMessage", { status: 429, retryAfter: FLOOD_WAIT_S });
    const reader = harness.reader("en");
    await reader.user.sendText("/help");
    await expect
      .poll(() => harness.emu.callsOf("sendMessage").filter((call) => call.status === 429).length)
      .toBe(1);
    await expect
      .poll(() => harness.bot.logs.some((line) => line.includes("flood control: lane paused")))
      .toBe(true);

    await harness.bot.stop();

    const entries = harness.bot.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({
        msg: "messages not sent: the lane closed before their turn",
        reason: "the bot is stopping",
        replies: 1,
        chatIds: [reader.id],
      }),
    );
    expect(entries.at(-1)).toMatchObject({ msg: "stopped" });
    // Only the refused attempt reached Telegram: no resend, no "something went wrong" after it.
    expect(harness.emu.callsOf("sendMessage")).toHaveLength(1);
    expect(harness.emu.deliveredTo(reader.id)).toEqual([]);
  });
});
