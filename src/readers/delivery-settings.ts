import { canonicalZone, localTimeIn, parseMinuteOfDay } from "./local-time.js";
import {
  DEFAULT_DELIVERY,
  type DeliverySettings,
  type MinuteOfDay,
  type Reader,
} from "./reader.js";

/**
 * The rules a reader's delivery settings obey, wherever they come from: /settings
 * words and buttons, and reader files read back from disk (possibly hand-edited).
 */

export type QuietWindow = { start: MinuteOfDay; end: MinuteOfDay };

const MINUTES_PER_DAY = 24 * 60;
const HOURS_PER_DAY = 24;

export function isDigestHour(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < HOURS_PER_DAY;
}

function isMinuteOfDay(value: unknown): value is MinuteOfDay {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < MINUTES_PER_DAY;
}

/** A window must start and end on different minutes of the day, or it means nothing. */
export function isQuietWindow(value: unknown): value is QuietWindow {
  if (typeof value !== "object" || value === null) return false;
  const { start, end } = value as Partial<QuietWindow>;
  return isMinuteOfDay(start) && isMinuteOfDay(end) && start !== end;
}

/** "22:00-07:00", "22h-7h", "22 – 7", "22h à 7h" → a window; undefined when unreadable or empty. */
export function parseQuietHours(value: string): QuietWindow | undefined {
  const parts = value.split(/\s*[-–—]\s*|\s+(?:to|à|a)\s+/i);
  if (parts.length !== 2) return undefined;
  const window = {
    start: parseMinuteOfDay(parts[0] ?? ""),
    end: parseMinuteOfDay(parts[1] ?? ""),
  };
  return isQuietWindow(window) ? window : undefined;
}

/** "18", "18:00", "18h" → 18; undefined for anything that is not a whole hour. */
export function parseDigestHour(value: string): number | undefined {
  const minute = parseMinuteOfDay(value);
  return minute !== undefined && minute % 60 === 0 ? minute / 60 : undefined;
}

/** One field of stored delivery settings that broke the rules, and what was used instead. */
export interface DeliveryProblem {
  field: keyof DeliverySettings;
  problem: string;
}

/**
 * Delivery settings read from a file, checked field by field with the rules above:
 * a bad field falls back to its default and is reported; good fields are kept as they are.
 */
export function checkDelivery(raw: unknown): {
  delivery: DeliverySettings;
  problems: DeliveryProblem[];
} {
  const stored = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const problems: DeliveryProblem[] = [];
  const field = <Key extends keyof DeliverySettings>(
    key: Key,
    isValid: (value: unknown) => boolean,
    expected: string,
  ): DeliverySettings[Key] => {
    const value = stored[key];
    if (isValid(value)) return value as DeliverySettings[Key];
    problems.push({
      field: key,
      problem: `${value === undefined ? "is missing" : `${JSON.stringify(value)} is not ${expected}`}; using ${JSON.stringify(DEFAULT_DELIVERY[key])}`,
    });
    return DEFAULT_DELIVERY[key];
  };
  const delivery: DeliverySettings = {
    mode: field(
      "mode",
      (value) => value === "instant" || value === "digest",
      '"instant" or "digest"',
    ),
    digestHour: field("digestHour", isDigestHour, "a whole hour from 0 to 23"),
    timeZone: field(
      "timeZone",
      (value) => typeof value === "string" && canonicalZone(value) !== undefined,
      "an IANA time zone (e.g. Europe/Paris)",
    ),
    quietHours: field(
      "quietHours",
      (value) => value === null || isQuietWindow(value),
      "null or {start, end} in distinct minutes of the day (0–1439)",
    ),
    linkPreviews: field("linkPreviews", (value) => typeof value === "boolean", "true or false"),
  };
  return { delivery, problems };
}

/**
 * The `lastDigestOn` to store after a reader changes mode, hour or zone: when today's
 * digest hour has already passed, today counts as served, so the first digest comes at
 * the chosen hour instead of minutes after the change.
 */
export function settleDigestDay(
  delivery: DeliverySettings,
  lastDigestOn: string | undefined,
  at: Date,
): string | undefined {
  if (delivery.mode !== "digest") return lastDigestOn;
  const local = localTimeIn(at, delivery.timeZone);
  return local.hour >= delivery.digestHour ? local.date : lastDigestOn;
}

/** The reader with new delivery settings; a changed mode, hour or zone re-settles the digest day. */
export function withDelivery(reader: Reader, delivery: DeliverySettings, at: Date): Reader {
  const timingChanged =
    delivery.mode !== reader.delivery.mode ||
    delivery.digestHour !== reader.delivery.digestHour ||
    delivery.timeZone !== reader.delivery.timeZone;
  const lastDigestOn = timingChanged
    ? settleDigestDay(delivery, reader.lastDigestOn, at)
    : reader.lastDigestOn;
  return { ...reader, delivery, lastDigestOn };
}
