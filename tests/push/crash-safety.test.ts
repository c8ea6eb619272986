import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotApiEmulator } from "../../dev/emulator/index.js";
import type { BotApiEmulator } from "../../dev/emulator/types.js";
import { createJsonArticleLedger } from "../../src/articles/json-article-ledger.js";
import { createJsonReaderStore } from "../../src/readers/json-reader-store.js";
import { createReader } from "../../src/readers/reader.js";
import { REPO_ROOT, TEST_TOKEN } from "../helpers/test-app.js";
import { makeArticle } from "./push-harness.js";

const CHILD = join(REPO_ROOT, "tests/push/fixtures/push-child.ts");
const READERS = 80;
const ITEMS = 5;
const LIMITS = { botWidePerSecond: 200, perChatPerSecond: 20 };

describe("a push run killed with SIGKILL mid-broadcast", () => {
  let emu: BotApiEmulator;
  let dataDir: string;

  beforeAll(async () => {
    emu = await createBotApiEmulator({ token: TEST_TOKEN, limits: LIMITS });
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-crash-"));
  });
  afterAll(async () => {
    await emu?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  function startChild(): { child: ChildProcess; exited: Promise<number | null> } {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: emu.apiRoot,
        DATA_DIR: dataDir,
        TELEGRAM_PAID_BROADCAST: "true",
        TELEGRAM_MAX_PER_SECOND: String(LIMITS.botWidePerSecond),
        PUSH_MAX_PER_CHAT_PER_SECOND: String(LIMITS.perChatPerSecond),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    return { child, exited };
  }

  /** Resolves once `count` more bot messages were delivered. */
  function deliveries(count: number): Promise<void> {
    return new Promise((resolve) => {
      let seen = 0;
      const stop = emu.onChange((event) => {
        if (event.kind !== "message" || event.message.from !== "bot") return;
        seen += 1;
        if (seen === count) {
          stop();
          resolve();
        }
      });
    });
  }

  it("should lose no item and repeat at most one per subscriber after restarts", async () => {
    const baseline = [makeArticle("before", ["ai"])];
    await writeFile(join(dataDir, "articles.json"), JSON.stringify({ articles: baseline }));
    const ledger = await createJsonArticleLedger({ path: join(dataDir, "state", "ledger.json") });
    await ledger.sync(baseline, new Date());
    const readers = await createJsonReaderStore({ dir: join(dataDir, "readers") });
    const subscribedAt = new Date(Date.now() - 60_000);
    const chats = Array.from({ length: READERS }, (_, index) => 30_000 + index);
    for (const chatId of chats) {
      await readers.update(chatId, () => ({
        ...createReader(chatId, "en", subscribedAt, ledger.maxSeq()),
        topics: { ai: subscribedAt.toISOString() },
      }));
    }
    await readers.flush();
    let articles = baseline;

    // Two rounds, each killed at a different point of its broadcast, then run to the end.
    for (const [round, killAfter] of [90, 230].entries()) {
      const fresh = Array.from({ length: ITEMS }, (_, index) =>
        makeArticle(`round-${round}-item-${index}`, ["ai"], {
          publishedAt: `2026-11-2${round}T0${index}:00:00Z`,
        }),
      );
      articles = [...articles, ...fresh];
      await writeFile(join(dataDir, "articles.json"), JSON.stringify({ articles }));

      const killed = startChild();
      await deliveries(killAfter);
      killed.child.kill("SIGKILL");
      expect(await killed.exited).toBeNull();
      const { exited } = startChild();
      expect(await exited).toBe(0);

      for (const chatId of chats) {
        const titles = emu
          .deliveredTo(chatId)
          .map((message) => message.text.split("\n")[0] ?? "")
          .filter((title) => title.startsWith(`Title round-${round}-`));
        expect(new Set(titles)).toEqual(new Set(fresh.map((item) => `Title ${item.id}`)));
        expect(titles.length - ITEMS).toBeLessThanOrEqual(1);
      }
    }
  }, 30_000);
});
