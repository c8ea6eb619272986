import { defineConfig } from "vitest/config";

/** The demo page in headless Chromium: slower than the unit suite, so run apart (npm run test:browser). */
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    // A browser start plus a few push cycles of the demo's 3 s schedule.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
