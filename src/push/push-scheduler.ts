import type { Logger } from "../logger.js";
import { type CronTask, createCronTask } from "../schedule/cron-task.js";

export interface PushSchedulerOptions {
  /** node-cron expression; a leading seconds field is allowed (config.push.cron). */
  cron: string;
  /** IANA zone the expression is read in (config.push.timeZone). */
  timeZone: string;
  /** Called on every tick; a tick while the previous one is still running is skipped. */
  onTick: () => Promise<unknown>;
  logger: Logger;
}

/** start(), and stop(): no more ticks; a run in progress is not touched (stop it with runner.stop()). */
export type PushScheduler = CronTask;

/**
 * Fires push runs on the configured schedule. Missed fires are never replayed, which
 * is fine here: each run sends whatever the cursors say is owed.
 */
export function createPushScheduler(options: PushSchedulerOptions): PushScheduler {
  return createCronTask({
    ...options,
    name: "push",
    logger: options.logger.child({ component: "push-scheduler" }),
  });
}
