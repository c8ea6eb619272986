import { Api, GrammyError } from "grammy";
import { afterEach, describe, expect, test } from "vitest";
import { type BotApiEmulator, createBotApiEmulator } from "../../../dev/emulator/index.js";

const TOKEN = "123456:FLOOD";

let emu: BotApiEmulator | undefined;
let clockMs = Date.UTC(2026, 0, 1);

afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function start(limits: {
  botWidePerSecond?: number;
  perChatPerSecond?: number;
  paidBroadcastPerSecond?: number;
}) {
  clockMs = Date.UTC(2026, 0, 1);
  emu = await createBotApiEmulator({ token: TOKEN, limits, now: () => clockMs });
  return { emu, api: new Api(TOKEN, { apiRoot: emu.apiRoot }) };
}

/** The HTTP status a send ends with, and its retry_after when refused. */
async function send(api: Api, chatId: number): Promise<{ status: number; retryAfter?: number }> {
  try {
    await api.sendMessage(chatId, "brief");
    return { status: 200 };
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    const answer: { status: number; retryAfter?: number } = { status: error.error_code };
    if (error.parameters.retry_after !== undefined)
      answer.retryAfter = error.parameters.retry_after;
    return answer;
  }
}

describe("flood limits", () => {
  test("a second send to a chat within the second gets 429 with retry_after", async () => {
    const { emu, api } = await start({ perChatPerSecond: 1 });
    expect(await send(api, 1)).toEqual({ status: 200 });
    let refusal: unknown;
    try {
      await api.sendMessage(1, "again");
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(GrammyError);
    expect((refusal as GrammyError).description).toBe("Too Many Requests: retry after 1");
    expect((refusal as GrammyError).parameters).toEqual({ retry_after: 1 });
    expect(await send(api, 2)).toEqual({ status: 200 });
    clockMs += 999;
    expect(await send(api, 1)).toEqual({ status: 429, retryAfter: 1 });
    clockMs += 1;
    expect(await send(api, 1)).toEqual({ status: 200 });
    expect(emu.deliveredTo(1)).toHaveLength(2);
    expect(emu.stats).toMatchObject({ sent: 3, tooManyRequests: 2, byStatus: { 200: 3, 429: 2 } });
  });

  test("the bot-wide limit spans all chats and refused sends are not delivered", async () => {
    const { emu, api } = await start({ botWidePerSecond: 3 });
    const statuses = [];
    for (const chatId of [1, 2, 3, 4, 5]) statuses.push((await send(api, chatId)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(emu.deliveredTo(4)).toEqual([]);
    clockMs += 1000;
    expect(await send(api, 4)).toEqual({ status: 200 });
  });

  test("sending exactly at the limit's pace is never refused", async () => {
    const { emu, api } = await start({ botWidePerSecond: 25, perChatPerSecond: 25 });
    for (let index = 0; index < 100; index += 1) {
      expect(await send(api, 1 + (index % 3))).toEqual({ status: 200 });
      clockMs += 40;
    }
    expect(emu.stats.tooManyRequests).toBe(0);
  });

  test("without limits nothing is refused", async () => {
    const { emu, api } = await start({});
    for (let index = 0; index < 50; index += 1) await send(api, 1);
    expect(emu.stats).toMatchObject({ sent: 50, tooManyRequests: 0 });
  });

  test("edits and chat actions do not use up the send budget", async () => {
    const { api } = await start({ perChatPerSecond: 1 });
    const sent = await api.sendMessage(1, "v1");
    await api.editMessageText(1, sent.message_id, "v2");
    await api.sendChatAction(1, "typing");
    expect(await send(api, 1)).toEqual({ status: 429, retryAfter: 1 });
  });

  test("sends with allow_paid_broadcast are held to the paid bot-wide limit", async () => {
    const { emu, api } = await start({ botWidePerSecond: 2, paidBroadcastPerSecond: 4 });
    const paid = async (chatId: number) => {
      try {
        await api.sendMessage(chatId, "brief", { allow_paid_broadcast: true });
        return 200;
      } catch (error) {
        return (error as GrammyError).error_code;
      }
    };
    expect([await send(api, 1), await send(api, 2)].map((answer) => answer.status)).toEqual([
      200, 200,
    ]);
    // The free limit is used up; paid sends still have room up to 4 in the second.
    expect(await send(api, 3)).toEqual({ status: 429, retryAfter: 1 });
    expect([await paid(3), await paid(4), await paid(5)]).toEqual([200, 200, 429]);
    expect(emu.deliveredTo(4)).toHaveLength(1);
  });
});
