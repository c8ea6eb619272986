import { execFile } from "node:child_process";
import { stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/test-app.js";

const run = promisify(execFile);
const STAMP = join(REPO_ROOT, "dist", ".build-stamp");
const buildIfStale = () =>
  run(process.execPath, [join(REPO_ROOT, "scripts/build.mjs"), "--if-stale"], { cwd: REPO_ROOT });
const stampTime = async () => (await stat(STAMP)).mtimeMs;

describe("npm start's build step (scripts/build.mjs --if-stale)", () => {
  it("should leave a current dist/ alone and rebuild once a source is newer", async () => {
    await buildIfStale();
    const built = await stampTime();
    await buildIfStale();
    expect(await stampTime()).toBe(built);

    const source = join(REPO_ROOT, "src/main.ts");
    const later = new Date(built + 2_000);
    await utimes(source, later, later);
    await buildIfStale();
    expect(await stampTime()).toBeGreaterThan(built);
    expect((await stat(join(REPO_ROOT, "dist/main.js"))).isFile()).toBe(true);
  });

  it("should ship no development tools in dist/", async () => {
    await buildIfStale();
    await expect(stat(join(REPO_ROOT, "dist/emulator"))).rejects.toThrow();
    await expect(stat(join(REPO_ROOT, "dist/demo"))).rejects.toThrow();
    await expect(stat(join(REPO_ROOT, "dist/dev"))).rejects.toThrow();
  });
});
