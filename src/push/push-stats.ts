/** What /stats shows about pushes; the push engine keeps these figures. */
export interface PushRunSummary {
  startedAt: string;
  durationMs: number;
  sent: number;
  failed: number;
  /** Messages per second achieved over the run. */
  rate: number;
}

export interface PushStatsSource {
  /** Pushes sent and failed in the 24 hours before `now`. */
  lastDay(now: Date): { sent: number; failed: number };
  lastRun(): PushRunSummary | undefined;
}
