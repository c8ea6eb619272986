import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJsonPushStats } from "../../src/push/json-push-stats.js";
import { createReader, type Reader } from "../../src/readers/reader.js";
import { type ChatHarness, startChat } from "../helpers/chat.js";
import { SAMPLE_ARTICLES } from "../helpers/test-app.js";

const ADMIN = 8001;

describe("/stats", () => {
  let chat: ChatHarness;
  let dataDir: string;
  beforeAll(async () => {
    // The push figures of earlier runs, on disk before the bot starts, as after a restart.
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-stats-"));
    await cp(SAMPLE_ARTICLES, join(dataDir, "articles.json"));
    const stats = await createJsonPushStats({ path: join(dataDir, "state", "push-stats.json") });
    stats.count("sent", new Date("2026-11-26T09:00:00Z"), 500); // two days ago: not counted
    stats.count("sent", new Date("2026-11-28T08:00:00Z"), 1234);
    stats.count("failed", new Date("2026-11-28T08:00:00Z"), 3);
    stats.recordRun({
      startedAt: "2026-11-28T08:55:00.000Z",
      durationMs: 41_250,
      sent: 1234,
      failed: 3,
      rate: 29.91,
    });
    await stats.save(new Date("2026-11-28T08:56:00Z"));

    chat = await startChat({ dataDir, env: { ADMIN_IDS: `${ADMIN}, 8999` } });
    const now = new Date("2026-11-28T08:00:00Z");
    const since = now.toISOString();
    const reader = (
      chatId: number,
      locale: "en" | "fr",
      topics: string[],
      extra: Partial<Reader> = {},
    ) =>
      chat.bot.app.deps.readers.update(chatId, () => ({
        ...createReader(chatId, locale, now, 0),
        topics: Object.fromEntries(topics.map((topic) => [topic, since])),
        ...extra,
      }));
    await reader(9001, "en", ["ai", "cloud"]);
    await reader(9002, "en", ["ai"]);
    await reader(9003, "fr", ["ai", "regulation"]);
    await reader(9004, "fr", ["ai"], { active: false, inactiveReason: "blocked" });
    await reader(9005, "en", ["cloud"], { active: false, inactiveReason: "chat-not-found" });
    await reader(9006, "fr", [], { active: false, inactiveReason: "stopped" });
    await reader(-1_009_007, "fr", [], { chatType: "channel" });
    await reader(-9008, "en", [], { chatType: "group", active: false, inactiveReason: "removed" });
    await reader(-1_009_009, "en", [], { chatType: "supergroup" });
  });
  afterAll(async () => {
    await chat.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("should show admins readers per topic and language, and the push figures", async () => {
    const reply = await chat.reader("en", ADMIN).say("/stats");
    const lines = reply.text.split("\n");
    expect(lines).toContain("📊 Briefbot statistics");
    expect(lines).toContain(
      "Readers: 5 active, 4 inactive (blocked 1 · chat not found 1 · stopped 1)",
    );
    expect(lines).toContain("Active readers by language: English 3 · French 2");
    expect(lines).toContain(
      "By chat (active / inactive): private 3 / 3 · groups 1 / 1 · channels 1 / 0",
    );
    expect(lines).toContain("AI: 2 / 1 · 1");
    expect(lines).toContain("Cloud: 1 / 0 · 1");
    expect(lines).toContain("Regulation: 0 / 1 · 0");
    expect(lines).toContain("Pushes, last 24 h: 1,234 sent · 3 failed");
    expect(lines).toContain(
      "Last run (28 Nov 2026, 08:55 UTC): 41.3 s, 1,234 sent, 3 failed, 29.9 messages/s",
    );
    expect(reply.entities).toContainEqual(expect.objectContaining({ type: "bold", offset: 3 }));
  });

  it("should answer in French for a French admin", async () => {
    const reply = await chat.reader("fr", 8999).say("/stats");
    expect(reply.text).toContain("Lecteurs : 5 actifs, 4 inactifs");
    expect(reply.text).toContain(
      "Par discussion (actives / inactives) : privées 3 / 3 · groupes 1 / 1 · chaînes 1 / 0",
    );
    expect(reply.text).toContain("IA : 2 / 1 · 1");
    expect(reply.text).toContain("Dernière tournée (28 nov. 2026, 08:55 UTC) : 41,3 s");
    expect(reply.text).toContain("Envois, dernières 24 h : 1\u202f234 envoyés · 3 en échec");
  });

  it("should not exist for anyone else: the ordinary unknown-command answer", async () => {
    const reply = await chat.reader("en", 8002).say("/stats");
    expect(reply.text).toBe("Unknown command. Try /latest, /topics or /help.");
  });
});
