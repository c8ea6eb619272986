import { type ScheduledTask, schedule } from "node-cron";
import type { Logger } from "../logger.js";

export interface PushSchedulerOptions {
  /** node-cron expression; a leading seconds field is allowed (config.push.cron). */
  cron: string;
  /** IANA zone the expression is read in (config.push.timeZone). */
  timeZone: string;
  /** Called on every tick; a tick while the previous one is still running is skipped. */
  onTick: () => Promise<unknown>;
  logger: Logger;
}

export interface PushScheduler {
  start(): void;
  /** No more ticks; a run in progress is not touched (stop it with runner.stop()). */
  stop(): Promise<void>;
}

/**
 * Fires push runs on the configured schedule. node-cron never replays missed
 * fires, which is fine here: each run sends whatever the cursors say is owed.
 */
export function createPushScheduler(options: PushSchedulerOptions): PushScheduler {
  const logger = options.logger.child({ component: "push-scheduler" });
  let task: ScheduledTask | undefined;
  const tick = async () => {
    try {
      await options.onTick();
    } catch (error) {
      logger.error({ err: error }, "push run failed; the next tick tries again");
    }
  };
  return {
    start() {
      if (task !== undefined) return;
      task = schedule(options.cron, tick, {
        name: "push",
        timezone: options.timeZone,
        noOverlap: true,
        logger: {
          info: (message) => logger.debug(message),
          warn: (message) => logger.warn(message),
          error: (message, error) => logger.error({ err: error ?? message }, "node-cron error"),
          debug: (message) => logger.trace({ detail: String(message) }, "node-cron"),
        },
      });
      logger.info({ cron: options.cron, timeZone: options.timeZone }, "push schedule started");
    },
    async stop() {
      const stopping = task;
      task = undefined;
      if (stopping === undefined) return;
      await stopping.stop();
      await stopping.destroy();
    },
  };
}
