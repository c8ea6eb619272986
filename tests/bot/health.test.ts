import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatHarness, startChat } from "../helpers/chat.js";
import { freePort } from "../helpers/free-port.js";
import { REPO_ROOT } from "../helpers/test-app.js";

const run = promisify(execFile);

describe("health endpoint in polling mode (HEALTH_PORT)", () => {
  let chat: ChatHarness;
  let base: string;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    chat = await startChat({ env: { HEALTH_PORT: String(port), HOST: "127.0.0.1" } });
  });
  afterAll(() => chat.close());

  it("should answer 200 with the store's size while the bot polls", async () => {
    expect((await chat.reader("en").say("/start")).text).toContain("Hello");
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      articles: chat.bot.app.deps.articles.list().length,
      readers: 1,
    });
  });

  it("should answer 404 elsewhere", async () => {
    expect((await fetch(`${base}/telegram`)).status).toBe(404);
  });

  it("should pass the image's HEALTHCHECK command while up, and fail it once stopped", async () => {
    const check = () =>
      run(process.execPath, ["--import", "tsx", join(REPO_ROOT, "src/healthcheck.ts")], {
        env: { ...process.env, HEALTH_PORT: String(port) },
      }).then(
        () => 0,
        (error: { code?: number }) => error.code ?? -1,
      );
    expect(await check()).toBe(0);
    await chat.bot.app.stop();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect(await check()).toBe(1);
  });
});
