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

  it("should load watch and mute lists, and refuse a hand-edited list it could not use", async () => {
    const reader = {
      ...createReader(42, "en", now, 0),
      watch: { nvidia: now.toISOString(), $nvda: now.toISOString() },
      mute: { "source:les echos": now.toISOString() },
    };
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ shards: 1 }));
    await writeFile(join(dir, "shard-0.json"), JSON.stringify({ readers: { "42": reader } }));
    expect((await createJsonReaderStore({ dir })).get(42)?.mute).toEqual(reader.mute);

    for (const [watch, message] of [
      [["nvidia"], /chat 42 "watch" must be an object/],
      [
        { "<b>NVIDIA</b>": now.toISOString() },
        /chat 42 "watch" term "<b>NVIDIA<\/b>" is not in normalized form/,
      ],
      [{ nvidia: "yesterday" }, /chat 42 "watch" term "nvidia" has no valid ISO time/],
      [
        Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, now.toISOString()])),
        /holds 51 terms; at most 50/,
      ],
    ] as const) {
      await writeFile(
        join(dir, "shard-0.json"),
        JSON.stringify({ readers: { "42": { ...reader, watch } } }),
      );
      await expect(createJsonReaderStore({ dir })).rejects.toThrow(message);
    }
  });
});
