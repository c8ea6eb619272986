import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateReader } from "../../src/readers/migrate-reader.js";
import type { Reader } from "../../src/readers/reader.js";
import type { TopicId } from "../../src/topics/catalog.js";
import {
  createPushHarness,
  deliveredTexts,
  makeArticle,
  type PushHarness,
} from "./push-harness.js";

/**
 * Pushes to groups, forums and channels through the real push runner and the emulator
 * over HTTP, with the chat changing under the broadcast.
 */
const OWNER = 80_001;
let push: PushHarness;

beforeEach(async () => {
  push = await createPushHarness();
  push.emu.user({ id: OWNER, first_name: "Camille", language_code: "fr" });
});
afterEach(() => push.close());

/** A subscriber for a group or channel, following `topics` from now. */
async function addChat(chatId: number, fields: Partial<Reader>, topics: TopicId[]) {
  await push.addReader(chatId, topics);
  await push.side.readers.update(chatId, (reader) =>
    reader ? { ...reader, ...fields } : undefined,
  );
}

async function publish(ids: string[], topics: TopicId[]) {
  push.clock.advance(60_000);
  await push.saveArticles(ids.map((id) => makeArticle(id, topics)));
}

const titles = (chatId: number) =>
  deliveredTexts(push.emu, chatId)
    .filter((text) => text.includes("Example News"))
    .map((text) => text.split("\n")[0]);

describe("groups", () => {
  it("should move a group that migrates mid-broadcast and lose or repeat nothing", async () => {
    const group = push.emu.group({ title: "Club IA" });
    await group.addBot(OWNER);
    const oldId = group.id;
    await addChat(oldId, { chatType: "group" }, ["ai"]);
    let newId: number | undefined;
    const stop = push.emu.onChange((event) => {
      if (event.message.chatId === oldId && event.message.from === "bot" && newId === undefined) {
        void group.migrate().then((id) => {
          newId = id;
        });
      }
    });
    await publish(["a1", "a2", "a3"], ["ai"]);
    const report = await push.run();
    stop();
    if (newId === undefined) throw new Error("the group did not migrate");
    expect(titles(oldId)).toEqual(["Title a1"]);
    expect(titles(newId)).toEqual(["Title a2", "Title a3"]);
    expect(report).toMatchObject({ sent: 3, failed: 0 });
    expect(push.side.readers.get(newId)).toMatchObject({ active: true, chatType: "supergroup" });
    expect(push.side.readers.get(oldId)).toMatchObject({ active: false, migratedTo: newId });

    // The next run, and a restart, send nothing again.
    await push.restart();
    expect((await push.run()).sent).toBe(0);
    expect(titles(newId)).toHaveLength(2);
  });
});

describe("a migration announced by Telegram while a broadcast runs", () => {
  it("should carry the progress of sends to the old id over to the new one: nothing twice", async () => {
    const group = push.emu.group({ title: "Club IA" });
    await group.addBot(OWNER);
    const oldId = group.id;
    await addChat(oldId, { chatType: "group" }, ["ai"]);
    await publish(["m1", "m2"], ["ai"]);
    let delivered = 0;
    let moving: Promise<unknown> | undefined;
    const stop = push.emu.onChange((event) => {
      if (event.message.chatId !== oldId || event.message.from !== "bot") return;
      delivered += 1;
      // After the last send: what the bot does on the migrate_to_chat_id message.
      if (delivered === 2) {
        moving = group
          .migrate()
          .then((newId) => migrateReader(push.side.readers, oldId, newId, push.clock.now()));
      }
    });
    await push.run();
    stop();
    await moving;
    const newId = group.id;
    expect(titles(oldId)).toEqual(["Title m1", "Title m2"]);
    expect(push.side.readers.get(newId)?.cursor).toBe(push.side.ledger.maxSeq());
    expect((await push.run()).sent).toBe(0);
    expect(titles(newId)).toEqual([]);
  });
});

describe("forum supergroups", () => {
  it("should post each topic in its own thread and the rest in General", async () => {
    const forum = push.emu.group({ title: "Crypto FR", forum: true });
    await forum.addBot(OWNER);
    const chain = forum.createThread("Blockchain");
    const ai = forum.createThread("IA");
    await addChat(forum.id, { chatType: "supergroup", threads: { blockchain: chain, ai } }, [
      "blockchain",
      "ai",
      "cloud",
    ]);
    push.clock.advance(60_000);
    await push.saveArticles([
      makeArticle("ledger", ["blockchain"]),
      makeArticle("model", ["ai"]),
      makeArticle("region", ["cloud"]),
    ]);
    expect((await push.run()).sent).toBe(3);
    const headline = (messages: { text: string }[]) => messages.map((m) => m.text.split("\n")[0]);
    expect(headline(forum.deliveredTo({ threadId: chain }))).toEqual(["Title ledger"]);
    expect(headline(forum.deliveredTo({ threadId: ai }))).toEqual(["Title model"]);
    expect(headline(forum.deliveredTo({ threadId: "general" }))).toEqual(["Title region"]);
  });

  it("should fall back to General when a thread is closed, and tell the group once", async () => {
    const forum = push.emu.group({ title: "Crypto FR", forum: true });
    await forum.addBot(OWNER);
    const chain = forum.createThread("Blockchain");
    await addChat(
      forum.id,
      { chatType: "supergroup", locale: "fr", threads: { blockchain: chain } },
      ["blockchain"],
    );
    forum.closeThread(chain);
    await publish(["b1", "b2"], ["blockchain"]);
    const report = await push.run();
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    const general = forum.deliveredTo({ threadId: "general" }).map((m) => m.text.split("\n")[0]);
    expect(general).toEqual([
      "Le sujet de Blockchain est fermé ou supprimé : ses briefs arrivent désormais ici, dans Général. Un administrateur peut refaire /subscribe dans un autre sujet.",
      "Titre b1",
      "Titre b2",
    ]);
    expect(forum.deliveredTo({ threadId: chain })).toEqual([]);
    expect(push.side.readers.get(forum.id)?.threads).toEqual({});
  });
});

describe("channels", () => {
  it("should stop posting when removed mid-broadcast, keep the settings and tell the admin", async () => {
    const channel = push.emu.channel({ title: "Tech Finance", username: "techfinance_fr" });
    await channel.addBot(OWNER);
    await addChat(channel.id, { chatType: "channel", locale: "fr", adminId: OWNER }, [
      "blockchain",
    ]);
    const stop = push.emu.onChange((event) => {
      if (event.message.chatId === channel.id && event.message.from === "bot") {
        void channel.removeBot(OWNER);
      }
    });
    await publish(["c1", "c2", "c3"], ["blockchain"]);
    await push.run();
    stop();
    expect(titles(channel.id)).toEqual(["Titre c1"]);
    const reader = push.side.readers.get(channel.id);
    expect(reader).toMatchObject({ active: false, inactiveReason: "removed" });
    expect(Object.keys(reader?.topics ?? {})).toEqual(["blockchain"]);
    await expect
      .poll(() => deliveredTexts(push.emu, OWNER).at(-1))
      .toContain("Je ne peux plus publier dans la chaîne");
  });
});
