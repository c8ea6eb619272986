import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createBotApiEmulator } from "../dev/emulator/index.js";
import type { BotApiEmulator } from "../dev/emulator/types.js";
import { REPO_ROOT, SAMPLE_ARTICLES, TEST_BOT_INFO, TEST_TOKEN } from "./helpers/test-app.js";

/**
 * A Bot API that knows the bot but drops every getUpdates connection: what a network
 * fault in the middle of long polling looks like.
 */
async function startDroppingApi(): Promise<{ server: Server; apiRoot: string }> {
  const server = createServer((request, response) => {
    const method = request.url?.split("/").pop() ?? "";
    if (method === "getUpdates") {
      request.socket.destroy();
      return;
    }
    const result = method === "getMe" ? TEST_BOT_INFO : true;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ ok: true, result }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, apiRoot: `http://127.0.0.1:${port}` };
}

/** Runs src/main.ts as `npm start` would, but from source. */
function startMain(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "src/main.ts")], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe("main (npm start)", () => {
  let emu: BotApiEmulator | undefined;
  let dataDir: string | undefined;
  let droppingApi: Server | undefined;
  afterEach(async () => {
    await emu?.close();
    droppingApi?.closeAllConnections();
    await new Promise((resolve) => (droppingApi ? droppingApi.close(resolve) : resolve(undefined)));
    droppingApi = undefined;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("should refuse to start on bad configuration, one line per problem, token never shown", async () => {
    const run = startMain({ BOT_TOKEN: "12345:short-secret-value", PUSH_TZ: "Nowhere/City" });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain("BOT_TOKEN does not look like a bot token");
    expect(run.output()).toContain('PUSH_TZ "Nowhere/City" is not an IANA time zone');
    expect(run.output()).not.toContain("short-secret-value");
  });

  it("should fail clearly when Telegram rejects the token, without logging it", async () => {
    emu = await createBotApiEmulator({ token: "7654321:AAH-the-token-the-server-expects-00" });
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-main-"));
    const run = startMain({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: emu.apiRoot,
      DATA_DIR: dataDir,
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain("could not start");
    expect(run.output()).toContain("Telegram refused the bot token (401: Unauthorized)");
    expect(run.output()).not.toContain(TEST_TOKEN.split(":")[1]);
  });

  it("should stop with a clear line when DATA_DIR is not a writable folder", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-main-"));
    const notAFolder = join(dataDir, "data");
    await writeFile(notAFolder, "a file where the data folder should be");
    const run = startMain({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      DATA_DIR: notAFolder,
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      `DATA_DIR (${notAFolder}) must be a folder the bot can write to`,
    );
    expect(await readFile(notAFolder, "utf8")).toBe("a file where the data folder should be");
  });

  it("should say it cannot reach Telegram, keep trying, and still stop on SIGTERM", async () => {
    // A port nothing listens on: what a wrong TELEGRAM_API_ROOT or a network outage looks like.
    const closed = await createBotApiEmulator({ token: TEST_TOKEN });
    const apiRoot = closed.apiRoot;
    await closed.close();
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-main-"));
    const run = startMain({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: apiRoot, DATA_DIR: dataDir });
    await expect
      .poll(() => run.output().match(/cannot reach the Telegram Bot API yet/g)?.length ?? 0, {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(2);
    expect(run.output()).toContain("ECONNREFUSED");
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toContain(TEST_TOKEN.split(":")[1]);
  });

  it("should serve readers, then stop cleanly on SIGTERM", async () => {
    emu = await createBotApiEmulator({ token: TEST_TOKEN });
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-main-"));
    await cp(SAMPLE_ARTICLES, join(dataDir, "articles.json"));
    const run = startMain({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: emu.apiRoot,
      DATA_DIR: dataDir,
    });
    const reader = emu.user({ id: 77, first_name: "Ana", language_code: "en" });
    const reply = reader.waitForBotMessage({ timeoutMs: 15_000 });
    await reader.command("start");
    expect((await reply).text).toContain("Hello Ana!");
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('"msg":"stopped"');
    expect(run.output()).not.toContain(TEST_TOKEN.split(":")[1]);
  });

  it("should warn when polling hits a network error, never printing the token", async () => {
    const api = await startDroppingApi();
    droppingApi = api.server;
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-main-"));
    const run = startMain({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATA_DIR: dataDir,
    });
    await expect
      .poll(() => run.output().match(/could not fetch updates; retrying/g)?.length ?? 0, {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(3);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain("getUpdates");
    expect(run.output()).not.toContain(TEST_TOKEN.split(":")[1]);
    expect(run.output()).not.toContain("[grammY runner]");
  });

  it("should refuse to start on a corrupted reader file with one line, no stack trace", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-main-"));
    const readersDir = join(dataDir, "readers");
    await mkdir(readersDir);
    await writeFile(join(readersDir, "manifest.json"), JSON.stringify({ shards: 1 }));
    const shard = join(readersDir, "shard-0.json");
    await writeFile(shard, '{"readers": {"42": {"chatId": 42,');
    const run = startMain({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      DATA_DIR: dataDir,
    });
    expect(await run.exited).toBe(1);
    const fatal = run
      .output()
      .split("\n")
      .filter((line) => line.includes('"level":60'));
    expect(fatal).toHaveLength(1);
    const line = JSON.parse(fatal[0] ?? "") as Record<string, unknown>;
    expect(line.msg).toContain(`Reader state file ${shard} is not valid JSON`);
    expect(line.msg).toContain("restore it from a backup");
    expect(run.output()).not.toMatch(/\n\s+at |"stack"/);
    expect(await readFile(shard, "utf8")).toBe('{"readers": {"42": {"chatId": 42,');
  });

  it("should refuse to start on a corrupted ledger with one line, no stack trace", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "briefbot-main-"));
    await mkdir(join(dataDir, "state"));
    const ledger = join(dataDir, "state", "ledger.json");
    await writeFile(ledger, "{ not json");
    const run = startMain({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      DATA_DIR: dataDir,
    });
    expect(await run.exited).toBe(1);
    const fatal = run
      .output()
      .split("\n")
      .filter((line) => line.includes('"level":60'));
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toContain(`Article ledger ${ledger} is not valid JSON`);
    expect(run.output()).not.toMatch(/\n\s+at |"stack"/);
  });
});
