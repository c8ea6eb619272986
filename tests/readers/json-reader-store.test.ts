import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createJsonReaderStore } from "../../src/readers/json-reader-store.js";
import { createReader } from "../../src/readers/reader.js";

describe("JSON reader store", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "readers-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const now = new Date("2026-11-28T09:00:00Z");

  it("should read reader files saved with a UTF-8 byte order mark", async () => {
    const reader = createReader(42, "fr", now, 0);
    await writeFile(join(dir, "manifest.json"), `\uFEFF${JSON.stringify({ shards: 1 })}`);
    await writeFile(
      join(dir, "shard-0.json"),
      `\uFEFF${JSON.stringify({ readers: { "42": reader } })}`,
    );
    const store = await createJsonReaderStore({ dir });
    expect(store.get(42)?.locale).toBe("fr");
  });

  it("should check hand-edited readers on load: a bad field falls back, the rest is kept", async () => {
    const good = { ...createReader(7, "en", now, 3), topics: { cloud: now.toISOString() } };
    const edited = {
      ...createReader(42, "fr", now, 12),
      topics: { ai: now.toISOString(), quantum: now.toISOString() },
      delivery: { ...createReader(42, "fr", now, 0).delivery, timeZone: "Mars/Olympus" },
    };
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ shards: 1 }));
    await writeFile(
      join(dir, "shard-0.json"),
      JSON.stringify({ readers: { "7": good, "42": edited, "99": "oops" } }),
    );
    const problems: string[] = [];
    const store = await createJsonReaderStore({ dir, onProblem: (line) => problems.push(line) });

    expect(store.get(7)).toEqual(good);
    expect(store.get(42)).toMatchObject({
      locale: "fr",
      cursor: 12,
      topics: { ai: now.toISOString() },
      delivery: { timeZone: "UTC", mode: "instant" },
    });
    expect(store.get(99)).toBeUndefined();
    expect(store.size()).toBe(2);
    expect(problems).toEqual([
      expect.stringMatching(/shard-0\.json: reader 42: topics\.quantum is not a known topic/),
      expect.stringMatching(
        /shard-0\.json: reader 42: delivery\.timeZone "Mars\/Olympus" is not an IANA time zone .*; using "UTC"/,
      ),
      expect.stringMatching(/shard-0\.json: reader "99": not a reader record; left out/),
    ]);
  });

  it("should have the change on disk when update resolves, and survive a restart", async () => {
    const store = await createJsonReaderStore({ dir, shards: 4 });
    await store.update(42, () => ({
      ...createReader(42, "fr", now, 0),
      topics: { ai: now.toISOString() },
    }));
    const onDisk = await Promise.all(
      (await readdir(dir))
        .filter((name) => name.startsWith("shard-"))
        .map(async (name) => JSON.parse(await readFile(join(dir, name), "utf8"))),
    );
    expect(onDisk.some((shard) => shard.readers["42"]?.locale === "fr")).toBe(true);

    const reopened = await createJsonReaderStore({ dir, shards: 16 });
    expect(reopened.get(42)?.topics).toEqual({ ai: now.toISOString() });
    expect(reopened.size()).toBe(1);
  });

  it("should have changes still being written on disk after flush, and leave other shards alone", async () => {
    const store = await createJsonReaderStore({ dir, shards: 4 });
    const shardFiles = async () =>
      Object.fromEntries(
        await Promise.all(
          (await readdir(dir))
            .filter((name) => name.startsWith("shard-"))
            .map(async (name) => [name, (await stat(join(dir, name))).mtimeMs] as const),
        ),
      );
    const before = await shardFiles();
    // Not awaited, as when a shutdown arrives while a reader's change is being written.
    void store.update(5, () => createReader(5, "en", now, 0));
    await store.flush();

    const reopened = await createJsonReaderStore({ dir });
    expect(reopened.get(5)?.locale).toBe("en");
    const after = await shardFiles();
    const rewritten = Object.keys(after).filter((name) => after[name] !== before[name]);
    expect(rewritten).toEqual(["shard-1.json"]); // chat 5 lives in shard 5 % 4
  });

  it("should keep the shard count of an existing folder", async () => {
    await createJsonReaderStore({ dir, shards: 4 });
    const reopened = await createJsonReaderStore({ dir, shards: 16 });
    await Promise.all(
      Array.from({ length: 20 }, (_, id) =>
        reopened.update(id, () => createReader(id, "en", now, 0)),
      ),
    );
    const shards = (await readdir(dir)).filter((name) => name.startsWith("shard-"));
    expect(shards).toHaveLength(4);
  });

  it("should batch many changes into few writes and lose none", async () => {
    const store = await createJsonReaderStore({ dir, shards: 2 });
    await Promise.all(
      Array.from({ length: 500 }, (_, index) =>
        store.update(index, (current) => current ?? createReader(index, "en", now, 0)),
      ),
    );
    const reopened = await createJsonReaderStore({ dir });
    expect(reopened.size()).toBe(500);
    expect([...reopened.all()].map((reader) => reader.chatId).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 500 }, (_, index) => index),
    );
  });

  it("should route negative (group) chat ids too", async () => {
    const store = await createJsonReaderStore({ dir, shards: 3 });
    await store.update(-100123, () => createReader(-100123, "en", now, 0));
    expect((await createJsonReaderStore({ dir })).get(-100123)?.chatId).toBe(-100123);
  });

  it("should refuse to start on a corrupt shard, naming the file", async () => {
    await createJsonReaderStore({ dir, shards: 1 });
    await writeFile(join(dir, "shard-0.json"), "{ not json");
    await expect(createJsonReaderStore({ dir })).rejects.toThrow(/shard-0\.json is not valid JSON/);
  });

  it("should load the pushes a reaction counts on, leaving out a hand-edited entry it could not use", async () => {
    const reader = {
      ...createReader(42, "en", now, 0),
      pushed: [
        [310, 7],
        [311, -1],
        [312, 9],
      ],
    };
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ shards: 1 }));
    await writeFile(join(dir, "shard-0.json"), JSON.stringify({ readers: { "42": reader } }));
    const problems: string[] = [];
    const loaded = (
      await createJsonReaderStore({ dir, onProblem: (line) => problems.push(line) })
    ).get(42);
    expect(loaded?.pushed).toEqual([
      [310, 7],
      [312, 9],
    ]);
    expect(problems).toEqual([
      expect.stringMatching(
        /reader 42: pushed \[311,-1\] is not a \[message id, seq\] pair; left out$/,
      ),
    ]);
  });

  it("should load watch, mute and feedback lists, leaving out hand-edited entries it could not use", async () => {
    const at = now.toISOString();
    const reader = {
      ...createReader(42, "en", now, 0),
      watch: { nvidia: at, $nvda: at, "<b>NVIDIA</b>": at, tesla: "yesterday" },
      mute: ["memecoin"],
      feedback: { "eu-ai-act": { vote: "up", source: "European Commission", topics: ["ai"], at } },
    };
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ shards: 1 }));
    await writeFile(join(dir, "shard-0.json"), JSON.stringify({ readers: { "42": reader } }));
    const problems: string[] = [];
    const loaded = (
      await createJsonReaderStore({ dir, onProblem: (line) => problems.push(line) })
    ).get(42);
    expect(loaded?.watch).toEqual({ nvidia: at, $nvda: at });
    expect(loaded?.mute).toBeUndefined();
    expect(loaded?.feedback).toEqual(reader.feedback);
    expect(problems).toEqual([
      expect.stringMatching(
        /reader 42: watch "<b>NVIDIA<\/b>" is not a normalized term with its ISO time; left out/,
      ),
      expect.stringMatching(/reader 42: watch "tesla" is not a normalized term/),
      expect.stringMatching(/reader 42: mute \["memecoin"\] is not a term → time object; left out/),
    ]);
  });

  it("should keep the 50 oldest of a hand-edited watchlist that holds more", async () => {
    const watch = Object.fromEntries(
      Array.from({ length: 52 }, (_, i) => [
        `t${i}`,
        new Date(now.getTime() + i * 1000).toISOString(),
      ]),
    );
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ shards: 1 }));
    await writeFile(
      join(dir, "shard-0.json"),
      JSON.stringify({ readers: { "42": { ...createReader(42, "en", now, 0), watch } } }),
    );
    const problems: string[] = [];
    const loaded = (
      await createJsonReaderStore({ dir, onProblem: (line) => problems.push(line) })
    ).get(42);
    expect(Object.keys(loaded?.watch ?? {})).toHaveLength(50);
    expect(loaded?.watch?.t51).toBeUndefined();
    expect(problems).toEqual([
      expect.stringMatching(/watch holds 52 terms; keeping the 50 oldest/),
    ]);
  });
});
