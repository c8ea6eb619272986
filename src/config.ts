import { validate as isValidCron } from "node-cron";
import {
  type Env,
  envValue,
  LOG_LEVELS,
  type LogLevel,
  readBoolean,
  readCron,
  readHttpUrl,
  readLogLevel,
  readPort,
  readPositiveNumber,
  readTimeZone,
} from "./env-readers.js";

export { LOG_LEVELS, type LogLevel };

export type BotMode =
  | { kind: "polling" }
  | { kind: "webhook"; url: string; secret: string; host: string; port: number };

export interface PushConfig {
  /** node-cron expression (a leading seconds field is allowed). */
  cron: string;
  /** IANA zone the cron expression is read in. */
  timeZone: string;
}

/** The outbound lane's limits: every message the bot sends, replies and pushes. */
export interface TelegramLimitsConfig {
  /** Bot-wide messages per second; Telegram allows 30 (up to 1000 with paid broadcasts). */
  maxPerSecond: number;
  /** Messages per second to one private chat; Telegram allows about 1. */
  maxPerChatPerSecond: number;
  /** Pushes are sent with allow_paid_broadcast (TELEGRAM_PAID_BROADCAST=true). */
  paidBroadcast: boolean;
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
  /** Where `GET /healthz` answers in polling mode (HEALTH_PORT); unset: no health server. */
  healthPort: number | undefined;
  healthHost: string;
  telegram: TelegramLimitsConfig;
  /** Newsroom passes, read in push.timeZone (PUSH_TZ). */
  ingest: IngestScheduleConfig;
}

export const DEFAULT_API_ROOT = "https://api.telegram.org";
export const DEFAULT_DATA_DIR = "./data";
export const DEFAULT_PUSH_CRON = "*/5 * * * *"; // every 5 minutes
export const DEFAULT_INGEST_CRON = "*/15 * * * *"; // every 15 minutes
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = "0.0.0.0";
/** Telegram's free bot-wide rate, messages per second. */
export const FREE_MAX_PER_SECOND = 30;
/** With paid broadcasts Telegram allows up to this many messages per second. */
export const PAID_MAX_PER_SECOND = 1000;

/** Every bad variable at once, one line each, saying what to do. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join("\n")}`);
  }
}

// The shape BotFather hands out: numeric bot id, colon, 35 url-safe characters.
const TOKEN_PATTERN = /^\d{5,}:[A-Za-z0-9_-]{30,}$/;
// Telegram's rule for secret_token: 1-256 characters, A-Z a-z 0-9 _ -.
const WEBHOOK_SECRET_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * Builds the configuration from environment variables. Pure: main.ts passes
 * process.env, tests and the demo pass their own. Never echoes the token.
 */
export function createConfig(env: Env, options: { requireToken?: boolean } = {}): Config {
  const problems: string[] = [];
  const get = (name: string) => envValue(env, name);

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
    readHttpUrl("TELEGRAM_API_ROOT", get("TELEGRAM_API_ROOT") ?? DEFAULT_API_ROOT, problems, {
      example: DEFAULT_API_ROOT,
    }) ?? DEFAULT_API_ROOT;

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

  const logLevel = readLogLevel("LOG_LEVEL", get("LOG_LEVEL"), "info", problems);

  let mode: BotMode = { kind: "polling" };
  const webhookUrl = get("WEBHOOK_URL");
  const port = readPort("PORT", get("PORT"), DEFAULT_PORT, problems);
  if (webhookUrl !== undefined) {
    const url = readHttpUrl("WEBHOOK_URL", webhookUrl, problems, {
      httpsOnly: true,
      example: "https://bot.example.com/telegram",
    });
    const secret = get("WEBHOOK_SECRET");
    if (secret === undefined) {
      problems.push(
        "WEBHOOK_SECRET is missing; webhook mode needs it so that only Telegram can post updates (1-256 of A-Z a-z 0-9 _ -).",
      );
    } else if (!WEBHOOK_SECRET_PATTERN.test(secret)) {
      problems.push("WEBHOOK_SECRET may only hold 1-256 of A-Z a-z 0-9 _ - (Telegram's rule).");
    }
    if (url && secret) {
      mode = { kind: "webhook", url, secret, host: get("HOST") ?? DEFAULT_HOST, port };
    }
  }

  const rawHealthPort = get("HEALTH_PORT");
  const healthPort =
    rawHealthPort === undefined
      ? undefined
      : readPort("HEALTH_PORT", rawHealthPort, DEFAULT_PORT, problems);

  const cron = readCron("PUSH_CRON", get("PUSH_CRON"), DEFAULT_PUSH_CRON, problems);
  const timeZone = readTimeZone("PUSH_TZ", get("PUSH_TZ"), "UTC", problems);
  const push: PushConfig = { cron, timeZone };
  const telegram = readTelegramLimits(get, problems);

  const ingest = readIngestCron(get("INGEST_CRON"), problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    botToken,
    apiRoot,
    dataDir,
    adminIds,
    logLevel,
    mode,
    push,
    healthPort,
    healthHost: get("HOST") ?? DEFAULT_HOST,
    telegram,
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

/**
 * TELEGRAM_MAX_PER_SECOND, or its older name PUSH_MAX_PER_SECOND (from when only pushes
 * were paced); both set to different values is an error, since one would be ignored.
 */
function readTelegramLimits(
  get: (name: string) => string | undefined,
  problems: string[],
): TelegramLimitsConfig {
  const paidBroadcast = readBoolean(
    "TELEGRAM_PAID_BROADCAST",
    get("TELEGRAM_PAID_BROADCAST"),
    false,
    problems,
  );
  const current = get("TELEGRAM_MAX_PER_SECOND");
  const alias = get("PUSH_MAX_PER_SECOND");
  if (current !== undefined && alias !== undefined && Number(current) !== Number(alias)) {
    problems.push(
      `TELEGRAM_MAX_PER_SECOND (${current}) and PUSH_MAX_PER_SECOND (${alias}) disagree; PUSH_MAX_PER_SECOND is its old name: keep only TELEGRAM_MAX_PER_SECOND.`,
    );
  }
  const name =
    current !== undefined || alias === undefined
      ? "TELEGRAM_MAX_PER_SECOND"
      : "PUSH_MAX_PER_SECOND";
  const maxPerSecond = readPositiveNumber(name, current ?? alias, FREE_MAX_PER_SECOND, problems);
  const ceiling = paidBroadcast ? PAID_MAX_PER_SECOND : FREE_MAX_PER_SECOND;
  if (maxPerSecond > ceiling) {
    problems.push(
      paidBroadcast
        ? `${name} is ${maxPerSecond}; Telegram allows at most ${PAID_MAX_PER_SECOND} messages/s even with paid broadcasts.`
        : `${name} is ${maxPerSecond}; Telegram allows ${FREE_MAX_PER_SECOND} messages/s, more only with paid broadcasts (set TELEGRAM_PAID_BROADCAST=true, see README).`,
    );
  }
  const maxPerChatPerSecond = readPositiveNumber(
    "PUSH_MAX_PER_CHAT_PER_SECOND",
    get("PUSH_MAX_PER_CHAT_PER_SECOND"),
    1,
    problems,
  );
  return { maxPerSecond, maxPerChatPerSecond, paidBroadcast };
}
