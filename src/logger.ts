import { format } from "node:util";
import { pino } from "pino";
import type { LogLevel } from "./config.js";

export type Logger = pino.Logger;

export interface LoggerOptions {
  level: LogLevel;
  /** Strings that must never reach the output (the bot token); each is replaced by "[redacted]". */
  secrets: readonly string[];
  /** Where JSON lines go; default stdout. */
  write?: (line: string) => void;
}

/**
 * Structured JSON logs, one line per event. Redaction happens on the serialized
 * line, so a token inside an error message, a URL or a nested object is caught
 * too, wherever it came from.
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = options.secrets.filter((secret) => secret.length >= 8);
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const destination = {
    write(line: string) {
      let safe = withUniqueKeys(line);
      for (const secret of secrets) safe = safe.split(secret).join("[redacted]");
      write(safe);
    },
  };
  return pino({ level: options.level, base: undefined }, destination);
}

/**
 * pino appends a child's bindings to its parent's, so a child of a child that sets
 * the same key (a component inside a component) writes it twice; JSON readers then
 * disagree on which counts. A re-serialized line keeps the innermost value once.
 */
function withUniqueKeys(line: string): string {
  try {
    return `${JSON.stringify(JSON.parse(line))}\n`;
  } catch {
    return line;
  }
}

/**
 * Sends console.* output (what libraries such as grammY's runner print) through the
 * logger, so it is redacted and stays one JSON line per event.
 */
export function routeConsoleTo(logger: Logger, target: Console = console): void {
  const log =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) =>
      logger[level]({ source: "console" }, format(...args));
  target.debug = log("debug");
  target.log = log("info");
  target.info = log("info");
  target.warn = log("warn");
  target.error = log("error");
}
