import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/browser/**"],
    // Integration tests start real HTTP servers and child processes on loopback.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
    // Most integration tests wait on paced sends (about 1 message/s per chat, as Telegram
    // allows), not on the CPU: more files at once than cores keeps the suite short.
    maxWorkers: 4,
  },
});
