import { performance } from "node:perf_hooks";
import type { ApiResponse } from "@grammyjs/types";
import type { Transformer } from "grammy";
import type { TelegramLimitsConfig } from "../config.js";
import type { Logger } from "../logger.js";
import {
  type ChatKind,
  createLaneScheduler,
  type Dispatched,
  type LaneJob,
  type LaneLimits,
  type LanePriority,
  TELEGRAM_LANE_LIMITS,
} from "./lane-scheduler.js";

/**
 * The one road out to Telegram's chats: every Bot API call that delivers to a chat, a
 * reply or a push, waits here for its turn under the limits (lane-scheduler.ts), so
 * replies and pushes share one budget and replies go first. This file is the runner:
 * it keeps one timer, calls Telegram, and owns the only 429 rule of the bot.
 */
export interface OutboundLane {
  /** Installed with api.config.use: routes delivering calls through the lane. */
  transformer(priority: LanePriority): Transformer;
  /** Calls waiting for their turn. */
  readonly pending: number;
  /**
   * The bot is stopping: calls still waiting (a reply sitting out a flood wait would
   * hold shutdown up to LANE_GIVE_UP_AFTER_MS) fail now with `reason`, logged, and new
   * calls are refused. A call already sent gets its answer. Idempotent.
   */
  close(reason: string): void;
}

/** What a call gets when the lane closed before it could be sent. */
export class LaneClosedError extends Error {
  override name = "LaneClosedError";
}

/** Time, injected so tests and the runner agree on one monotonic clock. */
export interface LaneTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface OutboundLaneOptions {
  limits: LaneLimits;
  logger: Logger;
  timers?: LaneTimers;
  /** A call that flood waits would keep undelivered past this long fails to its caller. */
  giveUpAfterMs?: number;
}

/**
 * A reply waits through flood waits for up to 10 minutes before it is given up (and
 * logged): long enough for any retry_after Telegram gives in normal use, short enough
 * that a reader does not get an answer to a question from an hour ago.
 */
export const LANE_GIVE_UP_AFTER_MS = 10 * 60_000;
// A reply answered 5xx is tried this many times in all (grammY's auto-retry did 3). Pushes
// are not retried here: their pool retries them without holding a place in the lane, and
// records progress between tries (send-policy.ts).
const SERVER_ERROR_ATTEMPTS = 3;
const SERVER_ERROR_RETRY_BASE_MS = 500;
/** A closing lane names at most this many of the chats whose messages it dropped. */
const MAX_LOGGED_CHATS = 20;
/** Telegram says "retry after N"; an answer without the number gets a cautious default. */
const DEFAULT_RETRY_AFTER_S = 5;

/**
 * Methods that put something in (or change something in) a chat, and so count against
 * Telegram's per-chat and bot-wide limits. Everything else (getUpdates, answerCallbackQuery,
 * setMyCommands, sendChatAction...) passes straight through.
 */
export const DELIVERING_METHODS: ReadonlySet<string> = new Set([
  "sendMessage",
  "sendPhoto",
  "sendDocument",
  "sendAudio",
  "sendVideo",
  "sendAnimation",
  "sendVoice",
  "sendVideoNote",
  "sendMediaGroup",
  "sendLocation",
  "sendVenue",
  "sendContact",
  "sendPoll",
  "sendDice",
  "sendSticker",
  "sendInvoice",
  "sendPaidMedia",
  "copyMessage",
  "copyMessages",
  "forwardMessage",
  "forwardMessages",
  "editMessageText",
  "editMessageCaption",
  "editMessageMedia",
  "editMessageReplyMarkup",
  "editMessageLiveLocation",
  "stopMessageLiveLocation",
  "stopPoll",
]);

/** The lane's limits from the configuration (TELEGRAM_MAX_PER_SECOND and friends). */
export function laneLimitsFrom(config: TelegramLimitsConfig): LaneLimits {
  return {
    ...TELEGRAM_LANE_LIMITS,
    perSecond: config.maxPerSecond,
    perPrivateChatPerSecond: config.maxPerChatPerSecond,
  };
}

/** Negative ids are groups, supergroups and channels; "@name" is a public channel. */
export function chatKindOf(chatId: number | string): ChatKind {
  return typeof chatId === "number" && chatId > 0 ? "private" : "group";
}

interface Call {
  method: string;
  send(): Promise<ApiResponse<unknown>>;
  resolve(answer: ApiResponse<unknown>): void;
  reject(error: unknown): void;
  /** grammY's own AbortSignal type (a polyfill's), so only what both have. */
  signal: { readonly aborted: boolean } | undefined;
  madeAt: number;
  serverErrors: number;
}

const DEFAULT_TIMERS: LaneTimers = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function createOutboundLane(options: OutboundLaneOptions): OutboundLane {
  const timers = options.timers ?? DEFAULT_TIMERS;
  const giveUpAfterMs = options.giveUpAfterMs ?? LANE_GIVE_UP_AFTER_MS;
  const { logger } = options;
  const scheduler = createLaneScheduler<Call>(options.limits, timers.now);
  let timer: unknown;
  let timerAt = Number.POSITIVE_INFINITY;
  /** Why the lane closed; undefined while it is open. */
  let closedBecause: string | undefined;

  function wakeIn(ms: number) {
    const at = timers.now() + ms;
    if (at >= timerAt) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timerAt = at;
    timer = timers.setTimeout(() => {
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
      pump();
    }, ms);
  }

  /** Sends everything that may leave now; arms the timer for the next. */
  function pump() {
    if (closedBecause !== undefined) return;
    for (;;) {
      const next = scheduler.take();
      if (next.kind === "idle") return;
      if (next.kind === "wait") {
        // Infinity: a send in flight holds the window; its answer pumps again.
        if (Number.isFinite(next.waitMs)) wakeIn(Math.max(1, next.waitMs));
        return;
      }
      dispatch(next.dispatched);
    }
  }

  function dispatch(dispatched: Dispatched<Call>) {
    const { job } = dispatched;
    const call = job.item;
    if (call.signal?.aborted) {
      dispatched.done();
      call.reject(new Error(`${call.method} aborted before it was sent`));
      return;
    }
    call.send().then(
      (answer) => {
        dispatched.done();
        settle(job, answer);
        pump();
      },
      (error: unknown) => {
        dispatched.done();
        call.reject(error);
        pump();
      },
    );
  }

  /** The lane's rules on Telegram's answer: 429 (and 5xx to a reply) retried here, the rest returned. */
  function settle(job: LaneJob<Call>, answer: ApiResponse<unknown>) {
    const call = job.item;
    const retried = answer.ok
      ? false
      : answer.error_code === 429 || (answer.error_code >= 500 && job.priority === "reply");
    if (answer.ok || !retried) {
      call.resolve(answer);
      return;
    }
    const waitedMs = timers.now() - call.madeAt;
    if (answer.error_code === 429) {
      const pauseMs = (answer.parameters?.retry_after ?? DEFAULT_RETRY_AFTER_S) * 1000;
      // Every call would hit the same wall: the whole lane waits, this call goes first after.
      scheduler.pause(pauseMs);
      logger.warn({ chatId: job.chatId, retryAfterMs: pauseMs }, "flood control: lane paused");
      if (waitedMs + pauseMs > giveUpAfterMs) {
        giveUp(job, answer, waitedMs);
        return;
      }
      if (closedBecause !== undefined) {
        refuseClosed([job]);
        return;
      }
      scheduler.requeueFirst(job);
      return;
    }
    call.serverErrors += 1;
    if (call.serverErrors >= SERVER_ERROR_ATTEMPTS) {
      call.resolve(answer);
      return;
    }
    const delayMs = SERVER_ERROR_RETRY_BASE_MS * 2 ** (call.serverErrors - 1);
    timers.setTimeout(() => {
      if (closedBecause !== undefined) refuseClosed([job]);
      else {
        scheduler.enqueue(job);
        pump();
      }
    }, delayMs);
  }

  function giveUp(job: LaneJob<Call>, answer: ApiResponse<unknown>, waitedMs: number) {
    logger.error(
      { chatId: job.chatId, method: job.item.method, priority: job.priority, waitedMs },
      "message given up: Telegram kept the lane paused past its bound",
    );
    job.item.resolve(answer);
  }

  /** Fails calls the closed lane will not send, and says so once for all of them. */
  function refuseClosed(jobs: readonly LaneJob<Call>[]) {
    if (jobs.length === 0) return;
    const reason = closedBecause ?? "the lane is closed";
    logger.warn(
      {
        reason,
        lost: jobs.length,
        replies: jobs.filter((job) => job.priority === "reply").length,
        chatIds: [...new Set(jobs.map((job) => job.chatId))].slice(0, MAX_LOGGED_CHATS),
      },
      "messages not sent: the lane closed before their turn",
    );
    for (const job of jobs) {
      job.item.reject(
        new LaneClosedError(`${job.item.method} to chat ${job.chatId} not sent: ${reason}`),
      );
    }
  }

  function submit(
    priority: LanePriority,
    chatId: number | string,
    method: string,
    send: () => Promise<ApiResponse<unknown>>,
    signal: Call["signal"],
  ): Promise<ApiResponse<unknown>> {
    return new Promise((resolve, reject) => {
      const call: Call = {
        method,
        send,
        resolve,
        reject,
        signal,
        madeAt: timers.now(),
        serverErrors: 0,
      };
      const job: LaneJob<Call> = { item: call, chatId, chatKind: chatKindOf(chatId), priority };
      if (closedBecause !== undefined) {
        refuseClosed([job]);
        return;
      }
      scheduler.enqueue(job);
      pump();
    });
  }

  return {
    get pending() {
      return scheduler.pending;
    },
    close(reason) {
      if (closedBecause !== undefined) return;
      closedBecause = reason;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
      refuseClosed(scheduler.drain());
    },
    transformer(priority) {
      const transformer = (async (prev, method, payload, signal) => {
        const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
        if (!DELIVERING_METHODS.has(method)) return prev(method, payload, signal);
        if (typeof chatId !== "number" && typeof chatId !== "string") {
          return prev(method, payload, signal);
        }
        return submit(priority, chatId, method, () => prev(method, payload, signal), signal);
      }) as Transformer;
      return transformer;
    },
  };
}
