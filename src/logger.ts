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
      let safe = line;
      for (const secret of secrets) safe = safe.split(secret).join("[redacted]");
      write(safe);
    },
  };
  return pino({ level: options.level, base: undefined }, destination);
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
