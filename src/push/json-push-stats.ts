import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { Low } from "lowdb";
import { createJsonDataFile } from "../json-file.js";
import type { PushRunSummary, PushStatsSource } from "./push-stats.js";

const HOUR_MS = 3_600_000;
/** Buckets older than this are dropped when saving; /stats only looks back 24 h. */
const KEEP_HOURS = 48;
const DAY_HOURS = 24;

interface Counts {
  sent: number;
  failed: number;
}

interface StatsData {
  /** Keyed by the ISO start of the hour. */
  hours: Record<string, Counts>;
  lastRun?: PushRunSummary;
}

export interface PushStatsRecorder extends PushStatsSource {
  /** Counts messages in the hour of `at`; kept in memory until `save()`. */
  count(outcome: keyof Counts, at: Date, messages?: number): void;
  recordRun(summary: PushRunSummary): void;
  /** Writes the figures (atomically); old hours are pruned first. */
  save(now: Date): Promise<void>;
}

export interface JsonPushStatsOptions {
  /** e.g. <dataDir>/state/push-stats.json; its folder is created when missing. */
  path: string;
}

function hourKey(at: Date | number): string {
  const ms = typeof at === "number" ? at : at.getTime();
  return new Date(Math.floor(ms / HOUR_MS) * HOUR_MS).toISOString();
}

/**
 * Push figures for /stats. Stats are not delivery state: losing the last few
 * seconds of counts in a crash is acceptable, so counting stays in memory and the
 * push runner saves during and after each run.
 */
export async function createJsonPushStats(
  options: JsonPushStatsOptions,
): Promise<PushStatsRecorder> {
  await mkdir(dirname(options.path), { recursive: true });
  const db = new Low<StatsData>(createJsonDataFile<StatsData>(options.path), { hours: {} });
  try {
    await db.read();
  } catch {
    // Only figures are lost; starting from zero is better than refusing to start.
    db.data = { hours: {} };
  }
  if (typeof db.data?.hours !== "object" || db.data.hours === null) db.data = { hours: {} };
  const data = db.data;

  return {
    count(outcome, at, messages = 1) {
      const key = hourKey(at);
      const bucket = data.hours[key] ?? { sent: 0, failed: 0 };
      bucket[outcome] += messages;
      data.hours[key] = bucket;
    },
    recordRun(summary) {
      data.lastRun = summary;
    },
    lastDay(now) {
      // The current hour and the 23 before it.
      const oldest = hourKey(now.getTime() - (DAY_HOURS - 1) * HOUR_MS);
      const newest = hourKey(now);
      const total = { sent: 0, failed: 0 };
      for (const [key, counts] of Object.entries(data.hours)) {
        if (key < oldest || key > newest) continue;
        total.sent += counts.sent;
        total.failed += counts.failed;
      }
      return total;
    },
    lastRun: () => data.lastRun,
    async save(now) {
      const oldest = hourKey(now.getTime() - KEEP_HOURS * HOUR_MS);
      for (const key of Object.keys(data.hours)) {
        if (key < oldest) delete data.hours[key];
      }
      await db.write();
    },
  };
}
