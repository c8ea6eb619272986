import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkChatFields } from "../../src/readers/chat-fields.js";
import { createJsonReaderStore } from "../../src/readers/json-reader-store.js";
import { createReader } from "../../src/readers/reader.js";

const now = new Date("2026-11-28T09:00:00Z");

describe("checkChatFields", () => {
  it("should keep good group, forum and channel fields as they are", () => {
    const stored = {
      chatType: "supergroup",
      threads: { blockchain: 12, ai: 14 },
      silent: true,
      adminId: 501,
      migratedTo: -1_001_234_567_890,
    };
    expect(checkChatFields(stored, -1_009_876_543_210)).toEqual({ fields: stored, problems: [] });
  });

  it("should drop each bad field and say why", () => {
    const { fields, problems } = checkChatFields(
      { chatType: "channel", threads: { blockchain: "12" }, silent: "yes", adminId: -3 },
      42,
    );
    expect(fields).toEqual({});
    expect(problems).toEqual([
      'chatType: "channel" is not one of private, group, supergroup, channel matching the sign of chat id 42; ignored',
      'threads: {"blockchain":"12"} is not an object of topic → positive thread id; ignored',
      'silent: "yes" is not true or false; ignored',
      "adminId: -3 is not a user id; ignored",
    ]);
  });
});

describe("reader store load", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "readers-chat-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("should drop a hand-broken chat field on load, report it, and keep the rest of the reader", async () => {
    const group = {
      ...createReader(-4_001, "fr", now, 7, "group"),
      topics: { ai: now.toISOString() },
      threads: { "not-a-topic": 3 },
    };
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ shards: 1 }));
    await writeFile(join(dir, "shard-0.json"), JSON.stringify({ readers: { "-4001": group } }));
    const problems: string[] = [];
    const store = await createJsonReaderStore({
      dir,
      onProblem: (problem) => problems.push(problem),
    });
    const loaded = store.get(-4_001);
    expect(loaded).toMatchObject({ chatType: "group", locale: "fr", cursor: 7 });
    expect(loaded?.threads).toBeUndefined();
    expect(Object.keys(loaded?.topics ?? {})).toEqual(["ai"]);
    expect(problems).toEqual([
      expect.stringMatching(
        /shard-0\.json: reader -4001: threads: \{"not-a-topic":3\} is not an object of topic → positive thread id; ignored$/,
      ),
    ]);
  });
});
