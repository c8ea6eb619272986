import { MAX_EVERY_MINUTES, MIN_EVERY_MINUTES } from "./sources-file.js";

// sy:updatePeriod (RSS 1.0 syndication module) in minutes.
const PERIOD_MINUTES: Record<string, number> = {
  hourly: 60,
  daily: 24 * 60,
  weekly: 7 * 24 * 60,
  monthly: 30 * 24 * 60,
  yearly: 365 * 24 * 60,
};

// Feeds declare these once, near the top; no need to scan a whole large feed.
const HEAD_CHARS = 16_384;

export function clampMinutes(minutes: number): number {
  return Math.min(MAX_EVERY_MINUTES, Math.max(MIN_EVERY_MINUTES, Math.round(minutes)));
}

/**
 * How often a feed asks to be read: RSS 2.0 <ttl> (minutes), else sy:updatePeriod
 * divided by sy:updateFrequency; clamped to 5 min .. 24 h. Undefined when it says nothing.
 */
export function feedIntervalMinutes(xml: string): number | undefined {
  const head = xml.slice(0, HEAD_CHARS);
  const ttl = /<ttl>\s*(\d+)\s*<\/ttl>/i.exec(head)?.[1];
  if (ttl !== undefined && Number(ttl) > 0) return clampMinutes(Number(ttl));
  const period = /<sy:updatePeriod>\s*(\w+)\s*<\/sy:updatePeriod>/i.exec(head)?.[1];
  const periodMinutes = period ? PERIOD_MINUTES[period.toLowerCase()] : undefined;
  if (periodMinutes === undefined) return undefined;
  const frequency = Number(
    /<sy:updateFrequency>\s*(\d+)\s*<\/sy:updateFrequency>/i.exec(head)?.[1] ?? "1",
  );
  return clampMinutes(periodMinutes / (frequency > 0 ? frequency : 1));
}
