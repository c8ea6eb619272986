import { validate as isValidCron } from "node-cron";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type BotMode =
  | { kind: "polling" }
  | { kind: "webhook"; url: string; secret: string; host: string; port: number };

export interface PushConfig {
  /** node-cron expression (a leading seconds field is allowed). */
  cron: string;
  /** IANA zone the cron expression is read in. */
  timeZone: string;
  /** Bot-wide ceiling for pushes; Telegram allows about 30 messages/s. */
  maxPerSecond: number;
  /** Per-chat ceiling for pushes; Telegram allows about 1 message/s. */
  maxPerChatPerSecond: number;
}

export interface IngestScheduleConfig {
  /** node-cron expression for newsroom passes (seconds allowed); undefined when INGEST_CRON=off. */
  cron?: string;
}

export interface Config {
  botToken: string;
  /** Bot API server root, no trailing slash. */
  apiRoot: string;
  dataDir: string;
  adminIds: readonly number[];
  logLevel: LogLevel;
  mode: BotMode;
  push: PushConfig;
  /** Newsroom passes, read in push.timeZone (PUSH_TZ). */
  ingest: IngestScheduleConfig;
}

export const DEFAULT_API_ROOT = "https://api.telegram.org";
export const DEFAULT_DATA_DIR = "./data";
/** The editors' store inside DATA_DIR; the bot reads it, `npm run ingest` writes it. */
export const ARTICLES_FILE_NAME = "articles.json";
export const DEFAULT_PUSH_CRON = "*/5 * * * *"; // every 5 minutes
export const DEFAULT_INGEST_CRON = "*/15 * * * *"; // every 15 minutes
export const DEFAULT_PORT = 8080;

/** Every bad variable at once, one line each, saying what to do. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join("\n")}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

// The shape BotFather hands out: numeric bot id, colon, 35 url-safe characters.
const TOKEN_PATTERN = /^\d{5,}:[A-Za-z0-9_-]{30,}$/;
// Telegram's rule for secret_token: 1-256 characters, A-Z a-z 0-9 _ -.
const WEBHOOK_SECRET_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function readHttpUrl(
  name: string,
  value: string,
  problems: string[],
  httpsOnly = false,
): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name} is not a URL ("${value}"); give an absolute http(s) URL.`);
    return undefined;
  }
  // Telegram only calls https webhooks; plain http is fine for a local emulator.
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  const allowed = httpsOnly && !loopback ? ["https:"] : ["http:", "https:"];
  if (!allowed.includes(url.protocol)) {
    problems.push(`${name} must start with ${httpsOnly ? "https://" : "http:// or https://"}.`);
    return undefined;
  }
  return value.replace(/\/+$/, "");
}

function readPositiveNumber(
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

/**
 * Builds the configuration from environment variables. Pure: main.ts passes
 * process.env, tests and the demo pass their own. Never echoes the token.
 */
export function createConfig(env: Env, options: { requireToken?: boolean } = {}): Config {
  const problems: string[] = [];
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value === "" ? undefined : value;
  };

  const botToken = get("BOT_TOKEN") ?? "";
  if (botToken === "") {
    if (options.requireToken !== false) {
      problems.push(
        "BOT_TOKEN is missing; get one from @BotFather and set BOT_TOKEN=<id>:<secret>.",
      );
    }
  } else if (!TOKEN_PATTERN.test(botToken)) {
    problems.push(
      "BOT_TOKEN does not look like a bot token (expected <digits>:<35 characters> from @BotFather); check for quotes or spaces.",
    );
  }

  const apiRoot =
    readHttpUrl("TELEGRAM_API_ROOT", get("TELEGRAM_API_ROOT") ?? DEFAULT_API_ROOT, problems) ??
    DEFAULT_API_ROOT;

  const dataDir = get("DATA_DIR") ?? DEFAULT_DATA_DIR;

  const adminIds: number[] = [];
  for (const part of (get("ADMIN_IDS") ?? "").split(",")) {
    const id = part.trim();
    if (id === "") continue;
    if (!/^-?\d{1,15}$/.test(id)) {
      problems.push(
        `ADMIN_IDS has "${id}", which is not a Telegram user id; give numeric ids separated by commas (e.g. 12345,67890).`,
      );
    } else {
      adminIds.push(Number(id));
    }
  }

  const rawLevel = (get("LOG_LEVEL") ?? "info").toLowerCase();
  const logLevel = (LOG_LEVELS as readonly string[]).includes(rawLevel)
    ? (rawLevel as LogLevel)
    : undefined;
  if (!logLevel) {
    problems.push(`LOG_LEVEL "${rawLevel}" is unknown; use one of ${LOG_LEVELS.join(", ")}.`);
  }

  let mode: BotMode = { kind: "polling" };
  const webhookUrl = get("WEBHOOK_URL");
  const port = readPort(get("PORT"), problems);
  if (webhookUrl !== undefined) {
    const url = readHttpUrl("WEBHOOK_URL", webhookUrl, problems, true);
    const secret = get("WEBHOOK_SECRET");
    if (secret === undefined) {
      problems.push(
        "WEBHOOK_SECRET is missing; webhook mode needs it so that only Telegram can post updates (1-256 of A-Z a-z 0-9 _ -).",
      );
    } else if (!WEBHOOK_SECRET_PATTERN.test(secret)) {
      problems.push("WEBHOOK_SECRET may only hold 1-256 of A-Z a-z 0-9 _ - (Telegram's rule).");
    }
    if (url && secret) {
      mode = { kind: "webhook", url, secret, host: get("HOST") ?? "0.0.0.0", port };
    }
  }

  const cron = get("PUSH_CRON") ?? DEFAULT_PUSH_CRON;
  if (!isValidCron(cron)) {
    problems.push(
      `PUSH_CRON "${cron}" is not a valid cron expression; e.g. "*/5 * * * *" (every 5 minutes) or "*/10 * * * * *" (every 10 s).`,
    );
  }
  const timeZone = get("PUSH_TZ") ?? "UTC";
  if (!isValidTimeZone(timeZone)) {
    problems.push(`PUSH_TZ "${timeZone}" is not an IANA time zone; e.g. UTC or Europe/Paris.`);
  }
  const push: PushConfig = {
    cron,
    timeZone,
    maxPerSecond: readPositiveNumber(
      "PUSH_MAX_PER_SECOND",
      get("PUSH_MAX_PER_SECOND"),
      30,
      problems,
    ),
    maxPerChatPerSecond: readPositiveNumber(
      "PUSH_MAX_PER_CHAT_PER_SECOND",
      get("PUSH_MAX_PER_CHAT_PER_SECOND"),
      1,
      problems,
    ),
  };

  const ingest = readIngestCron(get("INGEST_CRON"), problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    botToken,
    apiRoot,
    dataDir,
    adminIds,
    logLevel: logLevel ?? "info",
    mode,
    push,
    ingest,
  };
}

function readIngestCron(raw: string | undefined, problems: string[]): IngestScheduleConfig {
  const cron = raw ?? DEFAULT_INGEST_CRON;
  if (cron.toLowerCase() === "off") return {};
  if (!isValidCron(cron)) {
    problems.push(
      `INGEST_CRON "${cron}" is not a valid cron expression; e.g. "*/15 * * * *" (every 15 minutes), "*/30 * * * * *" (every 30 s), or "off" for no newsroom passes.`,
    );
    return {};
  }
  return { cron };
}

function readPort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT "${raw}" is not a TCP port; give a number from 0 to 65535.`);
    return DEFAULT_PORT;
  }
  return port;
}
