import type { DeliverySettings, MinuteOfDay } from "./reader.js";

/** A moment as a reader's wall clock shows it. */
export interface LocalTime {
  /** YYYY-MM-DD, the form `Reader.lastDigestOn` stores. */
  date: string;
  hour: number;
  minute: number;
  minuteOfDay: MinuteOfDay;
}

const FALLBACK_ZONE = "UTC";

// Checking a zone builds an Intl.DateTimeFormat, which costs ~0.1 ms: loading 100k
// readers' settings asked it 100k times for a handful of zones. Only known zones are
// remembered (readers can type anything), and at most this many.
const MAX_REMEMBERED_ZONES = 5_000;
const canonicalZones = new Map<string, string>();

/** The IANA name ICU uses for `value` ("europe/paris" → "Europe/Paris"); undefined when unknown. */
export function canonicalZone(value: string): string | undefined {
  const known = canonicalZones.get(value);
  if (known !== undefined) return known;
  if (value === "") return undefined;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  if (canonicalZones.size < MAX_REMEMBERED_ZONES) canonicalZones.set(value, canonical);
  return canonical;
}

/** Whether `zone` is an IANA time zone this runtime knows (e.g. "Europe/Paris"). */
export function isValidTimeZone(zone: string): boolean {
  return canonicalZone(zone) !== undefined;
}
// Building an Intl.DateTimeFormat costs far more than using one, and a broadcast
// asks for the same few zones thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
    } catch {
      // A zone that was valid when stored but is unknown to this ICU build: read it as UTC
      // rather than stop every push to that reader.
      formatter = formatterFor(FALLBACK_ZONE);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function localTimeIn(at: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour,
    minute,
    minuteOfDay: hour * 60 + minute,
  };
}

/** "22:00"-style text for a minute of the day. */
export function formatMinuteOfDay(minute: MinuteOfDay): string {
  const hours = Math.floor(minute / 60);
  const minutes = minute % 60;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** Reads "22:00", "7:30" or "7" into a minute of the day; undefined when it is not a time. */
export function parseMinuteOfDay(value: string): MinuteOfDay | undefined {
  const match = /^(\d{1,2})(?:[:h.](\d{2})?)?$/i.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

/** True when `minute` falls in [start, end); a window with start > end wraps midnight. */
export function isInWindow(minute: MinuteOfDay, window: { start: MinuteOfDay; end: MinuteOfDay }) {
  if (window.start === window.end) return false;
  return window.start < window.end
    ? minute >= window.start && minute < window.end
    : minute >= window.start || minute < window.end;
}

/** Instant pushes wait while the reader's quiet hours are on. */
export function isQuietAt(delivery: DeliverySettings, at: Date): boolean {
  if (delivery.quietHours === null) return false;
  return isInWindow(localTimeIn(at, delivery.timeZone).minuteOfDay, delivery.quietHours);
}

/** A digest is due once a local day, from `digestHour` on. */
export function isDigestDue(
  delivery: DeliverySettings,
  lastDigestOn: string | undefined,
  at: Date,
): { due: boolean; localDate: string } {
  const local = localTimeIn(at, delivery.timeZone);
  return {
    due: local.hour >= delivery.digestHour && lastDigestOn !== local.date,
    localDate: local.date,
  };
}
