import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";

describe("createLogger", () => {
  it("should write structured JSON lines", () => {
    const lines: string[] = [];
    createLogger({ level: "info", secrets: [], write: (line) => lines.push(line) }).info(
      { chat_id: 7 },
      "hello",
    );
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: 30, chat_id: 7, msg: "hello" });
  });

  it("should redact the token wherever it appears, even inside errors", () => {
    const token = "1234567:AAH-very-secret-token-value-0123456";
    const lines: string[] = [];
    const logger = createLogger({
      level: "info",
      secrets: [token],
      write: (line) => lines.push(line),
    });
    logger.error(
      // As a self-hosted Bot API server's URL would appear in a network error.
      { err: new Error(`fetch http://127.0.0.1:8081/bot${token}/getMe failed`), url: token },
      `token ${token}`,
    );
    const output = lines.join("");
    expect(output).not.toContain("very-secret");
    expect(output).toContain("[redacted]");
  });

  it("should write each key once when a child logger re-binds its parent's key", () => {
    const lines: string[] = [];
    const root = createLogger({ level: "info", secrets: [], write: (line) => lines.push(line) });
    root.child({ component: "push" }).child({ component: "push-scheduler" }).info("tick");
    const line = lines[0] ?? "";
    expect(line.match(/"component"/g)).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ component: "push-scheduler", msg: "tick" });
    expect(line.endsWith("\n")).toBe(true);
  });

  it("should respect the level", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "warn", secrets: [], write: (line) => lines.push(line) });
    logger.info("quiet");
    logger.warn("loud");
    expect(lines).toHaveLength(1);
  });
});
