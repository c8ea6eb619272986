import { type ScheduledTask, schedule } from "node-cron";
import type { Logger } from "../logger.js";

export interface NewsroomScheduler {
  start(): void;
  /** No more passes; a pass in progress finishes on its own. */
  stop(): Promise<void>;
}

/** Who the newsroom says it is to the sites it reads: the bot, and where to find it. */
export function newsroomUserAgent(botUsername: string | undefined): string {
  return botUsername
    ? `Briefbot/0.1 (Telegram news bot; +https://t.me/${botUsername})`
    : "Briefbot/0.1 (Telegram news bot)";
}

/**
 * Newsroom passes on INGEST_CRON, in PUSH_TZ. noOverlap: a tick while a pass is
 * still fetching is skipped (the next one catches up; due times live in the state).
 */
export function createNewsroomScheduler(options: {
  cron: string;
  timeZone: string;
  onTick: () => Promise<unknown>;
  logger: Logger;
}): NewsroomScheduler {
  const logger = options.logger.child({ component: "newsroom-scheduler" });
  let task: ScheduledTask | undefined;
  const tick = async () => {
    try {
      await options.onTick();
    } catch (error) {
      logger.error({ err: error }, "newsroom pass failed; the next tick tries again");
    }
  };
  return {
    start() {
      if (task !== undefined) return;
      task = schedule(options.cron, tick, {
        name: "newsroom",
        timezone: options.timeZone,
        noOverlap: true,
        logger: {
          info: (message) => logger.debug(message),
          warn: (message) => logger.debug(message),
          error: (message, error) => logger.error({ err: error ?? message }, "node-cron error"),
          debug: (message) => logger.trace({ detail: String(message) }, "node-cron"),
        },
      });
      logger.info({ cron: options.cron, timeZone: options.timeZone }, "newsroom schedule started");
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
