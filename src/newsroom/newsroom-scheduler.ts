import type { Logger } from "../logger.js";
import { type CronTask, createCronTask } from "../schedule/cron-task.js";

/** start(), and stop(): no more passes; a pass in progress finishes on its own. */
export type NewsroomScheduler = CronTask;

/** Who the newsroom says it is to the sites it reads: the bot, and where to find it. */
export function newsroomUserAgent(botUsername: string | undefined): string {
  return botUsername
    ? `Briefbot/0.1 (Telegram news bot; +https://t.me/${botUsername})`
    : "Briefbot/0.1 (Telegram news bot)";
}

/**
 * Newsroom passes on INGEST_CRON, in PUSH_TZ. A tick while a pass is still fetching
 * is skipped (the next one catches up; due times live in the state).
 */
export function createNewsroomScheduler(options: {
  cron: string;
  timeZone: string;
  onTick: () => Promise<unknown>;
  logger: Logger;
}): NewsroomScheduler {
  return createCronTask({
    ...options,
    name: "newsroom",
    overlapIsRoutine: true,
    logger: options.logger.child({ component: "newsroom-scheduler" }),
  });
}
