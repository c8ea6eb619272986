import { describe, expect, it } from "vitest";
import { ConfigError, createConfig } from "../src/config.js";

const TOKEN = "1234567:AAH-test-token-for-local-emulators-x";

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    createConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("createConfig", () => {
  it("should apply the documented defaults", () => {
    const config = createConfig({ BOT_TOKEN: TOKEN });
    // Only the documented default value: no test sends anything to Telegram.
    expect(config.apiRoot).toBe("https://api.telegram.org"); // default
    expect(config.dataDir).toBe("./data");
    expect(config.mode).toEqual({ kind: "polling" });
    expect(config.push).toEqual({
      cron: "*/5 * * * *",
      timeZone: "UTC",
      maxPerSecond: 30,
      maxPerChatPerSecond: 1,
    });
    expect(config.logLevel).toBe("info");
  });

  it("should name every bad variable at once, with what to do", () => {
    const problems = problemsOf({
      BOT_TOKEN: "not-a-token",
      TELEGRAM_API_ROOT: "ftp://example",
      ADMIN_IDS: "12,abc",
      LOG_LEVEL: "loud",
      PUSH_CRON: "every minute",
      PUSH_TZ: "Mars/Olympus",
      PUSH_MAX_PER_SECOND: "-3",
      PORT: "99999",
      HEALTH_PORT: "health",
    });
    expect(problems).toHaveLength(9);
    for (const name of [
      "BOT_TOKEN",
      "TELEGRAM_API_ROOT",
      "ADMIN_IDS",
      "LOG_LEVEL",
      "PUSH_CRON",
      "PUSH_TZ",
      "PUSH_MAX_PER_SECOND",
      "PORT",
      "HEALTH_PORT",
    ]) {
      expect(problems.some((line) => line.startsWith(name))).toBe(true);
    }
  });

  it("should serve health only when HEALTH_PORT is set", () => {
    expect(createConfig({ BOT_TOKEN: TOKEN }).healthPort).toBeUndefined();
    expect(createConfig({ BOT_TOKEN: TOKEN, HEALTH_PORT: "8080" }).healthPort).toBe(8080);
  });

  it("should never echo the token in its messages", () => {
    const secret = "123:short-but-secret";
    const problems = problemsOf({ BOT_TOKEN: secret });
    // A problem must be reported, or "not echoed" would pass trivially.
    expect(problems).toEqual([expect.stringContaining("BOT_TOKEN does not look like a bot token")]);
    expect(problems.join("\n")).not.toContain("short-but-secret");
  });

  it("should require BOT_TOKEN unless told otherwise", () => {
    expect(problemsOf({})).toEqual([expect.stringContaining("BOT_TOKEN is missing")]);
    expect(createConfig({}, { requireToken: false }).botToken).toBe("");
  });

  it("should read webhook mode and insist on a secret", () => {
    expect(problemsOf({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://bot.example.com/hook" })).toEqual([
      expect.stringContaining("WEBHOOK_SECRET is missing"),
    ]);
    const config = createConfig({
      BOT_TOKEN: TOKEN,
      WEBHOOK_URL: "https://bot.example.com/hook",
      WEBHOOK_SECRET: "s3cret_value",
      PORT: "8443",
    });
    expect(config.mode).toEqual({
      kind: "webhook",
      url: "https://bot.example.com/hook",
      secret: "s3cret_value",
      host: "0.0.0.0",
      port: 8443,
    });
  });

  it("should strip a trailing slash from the API root, which grammY refuses", () => {
    const config = createConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" });
    expect(config.apiRoot).toBe("http://127.0.0.1:8081");
  });

  it("should read admin ids and accept a seconds field in PUSH_CRON", () => {
    const config = createConfig({
      BOT_TOKEN: TOKEN,
      ADMIN_IDS: " 42, 1001 ",
      PUSH_CRON: "*/10 * * * * *",
      PUSH_TZ: "Europe/Paris",
    });
    expect(config.adminIds).toEqual([42, 1001]);
    expect(config.push.cron).toBe("*/10 * * * * *");
    expect(config.push.timeZone).toBe("Europe/Paris");
  });
});
