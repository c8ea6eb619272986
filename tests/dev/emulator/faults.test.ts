import { Api, GrammyError, HttpError } from "grammy";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BotApiEmulator, createBotApiEmulator } from "../../../dev/emulator/index.js";

const TOKEN = "123456:FAULTS";

let emu: BotApiEmulator;
let api: Api;

beforeEach(async () => {
  emu = await createBotApiEmulator({ token: TOKEN, seed: 7 });
  api = new Api(TOKEN, { apiRoot: emu.apiRoot });
});

afterEach(async () => {
  await emu.close();
});

async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    if (error instanceof GrammyError) return `${error.error_code} ${error.description}`;
    if (error instanceof HttpError) return "network error";
    throw error;
  }
}

describe("per-chat faults", () => {
  test.each([
    ["block", "403 Forbidden: bot was blocked by the user"],
    ["deactivate", "403 Forbidden: user is deactivated"],
    ["chatNotFound", "400 Bad Request: chat not found"],
  ] as const)("%s refuses sends to that chat only, until restore", async (fault, expected) => {
    emu.faults[fault](5);
    expect(await outcome(api.sendMessage(5, "hi"))).toBe(expected);
    expect(await outcome(api.sendChatAction(5, "typing"))).toBe(expected);
    expect(await outcome(api.sendMessage(6, "hi"))).toBe("ok");
    emu.faults.restore(5);
    expect(await outcome(api.sendMessage(5, "hi"))).toBe("ok");
    expect(emu.deliveredTo(5)).toHaveLength(1);
  });
});

describe("failNext", () => {
  test("fails the next calls of a method with Telegram's wording, then recovers", async () => {
    emu.faults.failNext("sendMessage", { status: 500, times: 2 });
    emu.faults.failNext("sendMessage", { status: 502 });
    const results = [];
    for (let index = 0; index < 4; index += 1) results.push(await outcome(api.sendMessage(1, "x")));
    expect(results).toEqual([
      "500 Internal Server Error",
      "500 Internal Server Error",
      "502 Bad Gateway",
      "ok",
    ]);
    expect(await outcome(api.getMe())).toBe("ok");
  });

  test("an injected 429 carries retry_after and counts as too many requests", async () => {
    emu.faults.failNext("sendMessage", { status: 429, retryAfter: 7 });
    let caught: unknown;
    try {
      await api.sendMessage(1, "x");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GrammyError);
    expect((caught as GrammyError).description).toBe("Too Many Requests: retry after 7");
    expect((caught as GrammyError).parameters.retry_after).toBe(7);
    expect(emu.stats.tooManyRequests).toBe(1);
    expect(emu.stats.sent).toBe(0);
  });

  test('"*" hits any method except getUpdates, and a custom description is kept', async () => {
    emu.faults.failNext("*", { status: 503, description: "Service Unavailable: maintenance" });
    expect(await outcome(api.getUpdates())).toBe("ok");
    expect(await outcome(api.getMe())).toBe("503 Service Unavailable: maintenance");
    expect(await outcome(api.getMe())).toBe("ok");
  });
});

describe("failRandomly", () => {
  async function runOfTwenty(target: Api): Promise<string[]> {
    const results = [];
    for (let index = 0; index < 20; index += 1) {
      results.push(await outcome(target.sendMessage(1, `m${index}`)));
    }
    return results;
  }

  test("fails sends with the seeded probability, repeatably, until cleared", async () => {
    emu.faults.failRandomly(0.5, 502);
    const first = await runOfTwenty(api);
    expect(first).toContain("502 Bad Gateway");
    expect(first).toContain("ok");
    expect(await outcome(api.getMe())).toBe("ok");

    const twin = await createBotApiEmulator({ token: TOKEN, seed: 7 });
    try {
      twin.faults.failRandomly(0.5, 502);
      expect(await runOfTwenty(new Api(TOKEN, { apiRoot: twin.apiRoot }))).toEqual(first);
    } finally {
      await twin.close();
    }

    emu.faults.clear();
    expect(await runOfTwenty(api)).toEqual(Array(20).fill("ok"));
  });
});

describe("dropConnection", () => {
  test("destroys the socket of the next calls and records them as dropped", async () => {
    emu.faults.dropConnection("sendMessage", 2);
    expect(await outcome(api.sendMessage(1, "a"))).toBe("network error");
    expect(await outcome(api.sendMessage(1, "b"))).toBe("network error");
    expect(await outcome(api.sendMessage(1, "c"))).toBe("ok");
    expect(emu.callsOf("sendMessage").map((call) => call.status)).toEqual([0, 0, 200]);
    expect(emu.stats).toMatchObject({ dropped: 2, sent: 1 });
    expect(emu.deliveredTo(1).map((message) => message.text)).toEqual(["c"]);
  });
});
