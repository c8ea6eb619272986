import { validate as isValidCron } from "node-cron";
import { isValidTimeZone } from "./readers/local-time.js";

/**
 * Readers of environment variables, shared by the bot's config, the ingest and
 * sources commands and the demo. Each takes the variable's name and raw value, adds
 * one line saying what to do to `problems` when the value is bad, and returns a
 * usable fallback, so that every bad variable is reported at once.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A variable's value, trimmed; an empty one counts as unset. */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === "" ? undefined : value;
}

/**
 * An absolute http(s) URL, without trailing slashes; `https` only when Telegram
 * requires it (webhooks), loopback excepted. `example` shows what a good value looks like.
 */
export function readHttpUrl(
  name: string,
  value: string,
  problems: string[],
  options: { httpsOnly?: boolean; example?: string } = {},
): string | undefined {
  const example = options.example ?? "https://example.com";
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  // Telegram only calls https webhooks; plain http is fine for a local emulator.
  const loopback = url !== undefined && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  const allowed = options.httpsOnly && !loopback ? ["https:"] : ["http:", "https:"];
  if (url === undefined || !allowed.includes(url.protocol)) {
    const kind = allowed.length === 1 ? "an https" : "an http(s)";
    problems.push(`${name} "${value}" is not ${kind} URL; give an absolute URL, e.g. ${example}.`);
    return undefined;
  }
  return value.replace(/\/+$/, "");
}

export function readPositiveNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  problems: string[],
): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    problems.push(`${name} must be a positive number (got "${raw}"); the default is ${fallback}.`);
    return fallback;
  }
  return value;
}

export function readPort(
  name: string,
  raw: string | undefined,
  fallback: number,
  problems: string[],
): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`${name} "${raw}" is not a TCP port; give a number from 0 to 65535.`);
    return fallback;
  }
  return port;
}

export function readLogLevel(
  name: string,
  raw: string | undefined,
  fallback: LogLevel,
  problems: string[],
): LogLevel {
  const level = (raw ?? "").trim().toLowerCase();
  if (level === "") return fallback;
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    problems.push(`${name} "${raw}" is unknown; use one of ${LOG_LEVELS.join(", ")}.`);
    return fallback;
  }
  return level as LogLevel;
}

/** A value that `isValid` accepts; `hint` follows the refusal and shows good values. */
function readChecked(
  isValid: (value: string) => boolean,
  hint: string,
): (name: string, raw: string | undefined, fallback: string, problems: string[]) => string {
  return (name, raw, fallback, problems) => {
    if (raw === undefined) return fallback;
    if (isValid(raw)) return raw;
    problems.push(`${name} "${raw}" ${hint}`);
    return fallback;
  };
}

export const readTimeZone = readChecked(
  isValidTimeZone,
  "is not an IANA time zone; e.g. UTC or Europe/Paris.",
);

/** A node-cron expression (a leading seconds field is allowed). */
export const readCron = readChecked(
  (value) => isValidCron(value),
  'is not a valid cron expression; e.g. "*/5 * * * *" (every 5 minutes) or "*/10 * * * * *" (every 10 s).',
);

/** true/false, also 1/0, yes/no, on/off. */
export function readBoolean(
  name: string,
  raw: string | undefined,
  fallback: boolean,
  problems: string[],
): boolean {
  if (raw === undefined) return fallback;
  const value = raw.trim().toLowerCase();
  if (["true", "1", "yes", "on"].includes(value)) return true;
  if (["false", "0", "no", "off"].includes(value)) return false;
  problems.push(`${name} "${raw}" is not true or false.`);
  return fallback;
}
