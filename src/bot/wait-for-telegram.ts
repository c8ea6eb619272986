import { setTimeout as sleep } from "node:timers/promises";
import type { Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "../logger.js";
import { classifySendError } from "../telegram/send-errors.js";

const FIRST_RETRY_DELAY_MS = 1_000;
const MAX_RETRY_DELAY_MS = 60_000;

export interface WaitForTelegramOptions {
  logger: Logger;
  /** Aborted by stop(): the wait ends and resolves undefined. */
  signal: AbortSignal;
}

/**
 * Asks Telegram who the bot is (getMe) until it answers. grammY's bot.init() retries
 * network errors too, but silently and forever: with a wrong TELEGRAM_API_ROOT or no
 * network, `npm start` would sit there saying nothing. Here every failed attempt is
 * logged with the delay before the next one, a refused token ends the start at once,
 * and a shutdown during the wait is honoured.
 */
export async function waitForTelegram(
  api: Api,
  options: WaitForTelegramOptions,
): Promise<UserFromGetMe | undefined> {
  const { logger, signal } = options;
  let delayMs = FIRST_RETRY_DELAY_MS;
  for (let attempt = 1; !signal.aborted; attempt += 1) {
    try {
      // grammY types its signal with the abort-controller polyfill; Node's own is what it uses.
      return await api.getMe(signal as Parameters<Api["getMe"]>[0]);
    } catch (error) {
      if (signal.aborted) break;
      const failure = classifySendError(error);
      if (failure.kind === "fatal") {
        throw new Error(
          `Telegram refused the bot token (${failure.detail}); check BOT_TOKEN (from @BotFather) and TELEGRAM_API_ROOT.`,
        );
      }
      const waitMs = failure.kind === "rate-limited" ? failure.retryAfterMs : delayMs;
      logger.warn(
        { attempt, retryInMs: waitMs, problem: failure.detail },
        "cannot reach the Telegram Bot API yet; retrying",
      );
      await sleep(waitMs, undefined, { signal }).catch(() => undefined);
      delayMs = Math.min(MAX_RETRY_DELAY_MS, delayMs * 2);
    }
  }
  return undefined;
}
