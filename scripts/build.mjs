// Compiles src/ into dist/ with tsc. With --if-stale (npm start's prestart, npm run
// ingest) it compiles only when dist/ is missing or older than a source file, so a
// start does not pay for the compiler. A build always starts from an empty dist/,
// so a module deleted from src/ does not live on in dist/.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
// Written last: its time is when the build that produced dist/ finished.
const stamp = join(dist, ".build-stamp");
const inputs = ["src", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];

/** Newest modification time (ms) under `path`, a file or a folder. */
function newestMtime(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some(
    (input) => existsSync(join(root, input)) && newestMtime(join(root, input)) > built,
  );
}

if (process.argv.includes("--if-stale") && !isStale()) process.exit(0);

rmSync(dist, { recursive: true, force: true });
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
if (!existsSync(tsc)) {
  process.stderr.write("dist/ must be built, and the compiler is missing: run `npm ci` first.\n");
  process.exit(1);
}
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
  stdio: "inherit",
});
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, `${new Date().toISOString()}\n`);
