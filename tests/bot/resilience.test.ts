import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ChatHarness, startChat } from "../helpers/chat.js";
import { TEST_TOKEN } from "../helpers/test-app.js";

describe("when Telegram refuses or fails", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat();
  });
  afterAll(() => chat.close());

  it("should wait out a 429 on a reply and deliver it", async () => {
    const reader = chat.reader("en");
    chat.emu.faults.failNext("sendMessage", { status: 429, retryAfter: 1 });
    const reply = await reader.say("/help");
    expect(reply.text).toContain("/latest");
    expect(chat.emu.stats.tooManyRequests).toBeGreaterThanOrEqual(1);
  });

  it("should tell the reader something went wrong when a reply is refused, and keep running", async () => {
    const reader = chat.reader("fr");
    chat.emu.faults.failNext("sendMessage", {
      status: 400,
      description: "Bad Request: odd failure",
    });
    const apology = await reader.say("/help");
    expect(apology.text).toBe("Désolé, un problème de mon côté. Réessayez dans un instant.");
    expect((await reader.say("/help")).text).toContain("Briefbot envoie");
    expect(chat.bot.logs.join("")).toContain("update failed");
  });

  it("should survive a dropped connection on a reply", async () => {
    const reader = chat.reader("en");
    chat.emu.faults.dropConnection("sendMessage", 1);
    const apology = await reader.say("/topics");
    expect(apology.text).toBe(
      "Sorry, something went wrong on my side. Please try again in a moment.",
    );
    expect((await reader.say("/topics")).text).toContain("Your topics");
  });

  it("should never write the token into its logs", async () => {
    expect(chat.bot.logs.length).toBeGreaterThan(5);
    const secret = TEST_TOKEN.split(":")[1] ?? TEST_TOKEN;
    expect(chat.bot.logs.join("")).not.toContain(secret);
  });

  it("should log one structured line per update, naming the update and chat", async () => {
    const reader = chat.reader("en");
    await reader.say("/latest");
    // The line is written once the handler returns, just after the reply went out.
    const line = await vi.waitFor(() => {
      const found = chat.bot.logs
        .map((entry) => JSON.parse(entry) as Record<string, unknown>)
        .find((entry) => entry.msg === "update handled" && entry.chat_id === reader.id);
      expect(found).toBeDefined();
      return found;
    });
    expect(line).toMatchObject({ command: "/latest", kind: "message" });
    expect(typeof line?.update_id).toBe("number");
  });
});
