import { type ScheduledTask, schedule } from "node-cron";
import type { Logger } from "../logger.js";

export interface CronTaskOptions {
  /** Names the task in node-cron and in the log ("push", "newsroom"). */
  name: string;
  /** node-cron expression; a leading seconds field is allowed. */
  cron: string;
  /** IANA zone the expression is read in. */
  timeZone: string;
  /** Called on every tick; a tick while the previous one is still running is skipped. */
  onTick: () => Promise<unknown>;
  /** Logs as this component (e.g. "push-scheduler"). */
  logger: Logger;
  /**
   * node-cron warns when a tick is skipped because the last one still runs. For a
   * job whose runs often outlast the interval (a newsroom pass) that is routine, so
   * its warnings go to debug.
   */
  overlapIsRoutine?: boolean;
}

export interface CronTask {
  start(): void;
  /** No more ticks; a tick in progress finishes on its own. */
  stop(): Promise<void>;
}

/**
 * Runs onTick on a cron schedule. noOverlap: a tick while the previous one is still
 * running is skipped, and node-cron never replays missed fires; both are fine for
 * the bot's jobs, which work out what is owed from their own state on each tick.
 * A tick that throws is logged and the schedule carries on.
 */
export function createCronTask(options: CronTaskOptions): CronTask {
  const { logger, name } = options;
  let task: ScheduledTask | undefined;
  const tick = async () => {
    try {
      await options.onTick();
    } catch (error) {
      logger.error({ err: error }, `${name} run failed; the next tick tries again`);
    }
  };
  return {
    start() {
      if (task !== undefined) return;
      task = schedule(options.cron, tick, {
        name,
        timezone: options.timeZone,
        noOverlap: true,
        logger: {
          info: (message) => logger.debug(message),
          warn: (message) =>
            options.overlapIsRoutine ? logger.debug(message) : logger.warn(message),
          error: (message, error) => logger.error({ err: error ?? message }, "node-cron error"),
          debug: (message) => logger.trace({ detail: String(message) }, "node-cron"),
        },
      });
      logger.info({ cron: options.cron, timeZone: options.timeZone }, `${name} schedule started`);
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
