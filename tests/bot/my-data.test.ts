import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonLabels, type ChatHarness, publishArticles, startChat } from "../helpers/chat.js";
import { makeArticle } from "../push/push-harness.js";

/** Every file under `dir`, as text. */
async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const files: { path: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({ path, text: await readFile(path, "utf8") });
  }
  return files;
}

describe("/export and /deletedata", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat({ env: { PUSH_CRON: "* * * * * *" } });
  });
  afterAll(() => chat.close());

  it("should send everything kept about the reader as JSON", async () => {
    const reader = chat.reader("en");
    await reader.say("/subscribe crypto");
    await reader.say('/watch nvidia "digital euro"');
    await reader.say("/mute memecoin");
    await reader.say("/settings tz Europe/Paris");
    const exported = await reader.say("/export");
    expect(exported.text).toContain("Everything I keep about you, as JSON");
    expect(exported.document).toMatchObject({
      file_name: "briefbot-my-data.json",
      mime_type: "application/json",
    });
    const data = JSON.parse(exported.document?.content ?? "");
    expect(data).toMatchObject({
      chatId: reader.id,
      language: "en",
      pushesOn: true,
      topics: { crypto: expect.any(String) },
      watching: { nvidia: expect.any(String), "digital euro": expect.any(String) },
      muting: { memecoin: expect.any(String) },
      delivery: { mode: "instant", timeZone: "Europe/Paris" },
      deliveryState: { cursor: expect.any(Number) },
    });
  });

  it("should say there is nothing to export or erase for a stranger", async () => {
    const reader = chat.reader("fr");
    expect((await reader.say("/export")).text).toBe(
      "Je ne garde rien sur vous : vous n'avez encore rien réglé.",
    );
    expect((await reader.say("/deletedata")).text).toBe(
      "Je ne garde rien sur vous : il n'y a rien à effacer.",
    );
  });

  it("should erase the reader from every file in DATA_DIR after confirmation, and start afresh", async () => {
    const reader = chat.reader("fr", 987_654_321);
    await reader.say("/subscribe crypto");
    await reader.say("/watch bitcoin");
    // A push to them first, so the push progress has named their chat too.
    const pushed = reader.user.waitForBotMessage({ timeoutMs: 8000 });
    await publishArticles(
      chat,
      makeArticle("bitcoin-halving-2024", ["crypto"], {
        briefs: {
          fr: {
            title: "Le bitcoin connaît son quatrième « halving »",
            summary: "La récompense des mineurs a été divisée par deux le 20 avril 2024.",
          },
        },
      }),
    );
    const push = await pushed;
    expect(push.text).toContain("quatrième « halving »");
    // The push is remembered with the reader (a reaction on it is a vote), and exported.
    await expect.poll(() => chat.bot.app.deps.readers.get(reader.id)?.pushed).toHaveLength(1);
    const exported = await reader.say("/export");
    expect(JSON.parse(exported.document?.content ?? "").pushedMessages).toEqual([
      { messageId: push.message_id, briefSeq: expect.any(Number) },
    ]);
    const id = String(reader.id);
    await expect
      .poll(async () => (await filesUnder(chat.bot.dataDir)).some((f) => f.text.includes(id)))
      .toBe(true);

    const question = await reader.say("/deletedata");
    expect(question.text).toContain("Effacer tout ce que je garde sur vous");
    expect(buttonLabels(question)).toEqual(["🗑 Oui, tout effacer", "Annuler"]);
    const cancelled = await reader.tap(question, "Annuler");
    expect(cancelled.text).toBe("Annulé : rien n'a été effacé.");
    expect(chat.bot.app.deps.readers.get(reader.id)).toBeDefined();

    const again = await reader.say("/deletedata");
    const done = await reader.tap(again, "🗑 Oui, tout effacer");
    expect(done.text).toBe(
      "C'est fait : tout ce que je gardais sur vous est effacé. Si vous m'écrivez à nouveau, vous repartez de zéro.",
    );
    expect(buttonLabels(done)).toEqual([]);
    // Past the next push ticks too: nothing writes the chat back.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await chat.bot.app.deps.readers.flush();
    const traces = (await filesUnder(chat.bot.dataDir)).filter((f) => f.text.includes(id));
    expect(traces.map((f) => f.path)).toEqual([]);

    await reader.say("/watch nvidia");
    const fresh = chat.bot.app.deps.readers.get(reader.id);
    expect(fresh?.topics).toEqual({});
    expect(Object.keys(fresh?.watch ?? {})).toEqual(["nvidia"]);
  });
});
