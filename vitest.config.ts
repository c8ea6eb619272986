import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/browser/**"],
    // Integration tests start real HTTP servers and child processes on loopback.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
  },
});
