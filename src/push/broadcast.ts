import { performance } from "node:perf_hooks";
import type { Api } from "grammy";
import type { ArticleLedger } from "../articles/article-ledger.js";
import type { ArticleStore } from "../articles/article-store.js";
import type { BriefRenderer, Translator } from "../briefs/render.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import { threadFor } from "../readers/forum-routes.js";
import { isQuietAt } from "../readers/local-time.js";
import { deactivateReader, type InactiveReason, type Reader } from "../readers/reader.js";
import type { ReaderStore } from "../readers/reader-store.js";
import { classifySendError } from "../telegram/send-errors.js";
import {
  currentChatId,
  fallBackToGeneral,
  followMigration,
  sendTargetOptions,
  tellAdminChannelLost,
} from "./chat-moves.js";
import type { PushStatsRecorder } from "./json-push-stats.js";
import { createPacingGate, type SendPermit } from "./pacing-gate.js";
import { isPushFor, type PushItem, type ReaderPlan } from "./plan.js";
import { type ProgressJournal, withProgress } from "./progress-journal.js";
import { type DigestPart, renderDigest } from "./push-messages.js";
import { type ReadyEntry, ReadyQueue } from "./ready-queue.js";

export interface BroadcastDeps {
  api: Api;
  articles: ArticleStore;
  readers: ReaderStore;
  ledger: ArticleLedger;
  i18n: Translator;
  briefs: BriefRenderer;
  clock: Clock;
  logger: Logger;
  stats: PushStatsRecorder;
  /** Where each delivery is recorded before the chat's next send. */
  journal: ProgressJournal;
}

export interface BroadcastTuning {
  /** Bot-wide sends per second (config.push.maxPerSecond). */
  perSecond: number;
  /** Sends per second to one chat (config.push.maxPerChatPerSecond). */
  perChatPerSecond: number;
  /** Attempts per message on 5xx and network errors before it counts as failed. */
  maxAttempts: number;
  /** First retry delay; it doubles with each attempt. */
  retryBaseMs: number;
  /** 429 answers one message may meet before it counts as failed for this run. */
  maxRateLimitWaits: number;
  /** Sends in flight at once; by default enough to keep the bot-wide rate at ~250 ms latency. */
  concurrency?: number;
}

export const DEFAULT_BROADCAST_TUNING: Omit<BroadcastTuning, "perSecond" | "perChatPerSecond"> = {
  maxAttempts: 4,
  retryBaseMs: 500,
  maxRateLimitWaits: 5,
};

export interface BroadcastResult {
  /** Messages delivered. */
  sent: number;
  /** Messages given up on: kept for the next run (5xx, network), skipped (rejected) or to a gone reader. */
  failed: number;
  /** Readers marked inactive because Telegram refused their chat. */
  deactivated: number;
  /** True when stopped early (shutdown or a fatal API error); cursors say what is left. */
  aborted: boolean;
}

// Concurrency ≈ rate × latency (grammY's rule of thumb for broadcasts).
const IN_FLIGHT_BUDGET_S = 0.25;
const MIN_WORKERS = 2;
const MAX_WORKERS = 512;
// The per-chat gap is measured from the previous answer, which came after Telegram
// counted the request; the margin covers clock rounding at the window's edge.
const CHAT_MARGIN_MS = 5;

interface Outgoing {
  html: string;
  /** Cursor to store once delivered (or skipped as undeliverable). */
  cursor: number;
  /** Set with the last digest part: the local day it served. */
  digestDate?: string;
  /** The forum thread it goes to; General when absent. */
  threadId?: number;
}

interface ChatJob extends ReadyEntry {
  chatId: number;
  plan: Extract<ReaderPlan, { kind: "instant" | "digest" }>;
  /** Next item (instant) or part (digest) to send. */
  next: number;
  parts?: DigestPart[];
  attempts: number;
  rateLimitWaits: number;
  /** The previous cursor write for this chat; false when it failed. */
  durable: Promise<boolean>;
}

/**
 * Sends a plan's messages within Telegram's limits and records each delivery in the
 * progress journal. A chat's next message waits until the previous record is on
 * disk, so a crash leaves at most one delivered-but-unrecorded message per reader.
 */
export async function runBroadcast(
  plans: readonly ReaderPlan[],
  deps: BroadcastDeps,
  tuning: BroadcastTuning,
  signal?: AbortSignal,
): Promise<BroadcastResult> {
  const { api, readers, clock, logger, stats } = deps;
  const result: BroadcastResult = { sent: 0, failed: 0, deactivated: 0, aborted: false };
  const gate = createPacingGate({ perSecond: tuning.perSecond });
  const chatIntervalMs = 1000 / tuning.perChatPerSecond + CHAT_MARGIN_MS;
  const queue = new ReadyQueue<ChatJob>();
  const writes: Promise<unknown>[] = [];
  const track = (write: Promise<unknown>): Promise<boolean> => {
    const settled = write.then(
      () => true,
      (error: unknown) => {
        logger.error(
          { err: error },
          "saving push progress failed; that reader waits for the next run",
        );
        return false;
      },
    );
    writes.push(settled);
    return settled;
  };

  for (const plan of plans) {
    if (plan.kind === "advance" || (plan.kind === "digest" && plan.items.length === 0)) {
      const digestDate = plan.kind === "digest" ? plan.localDate : undefined;
      track(
        readers.update(
          plan.chatId,
          withProgress({ cursor: plan.finalCursor, digestDate: digestDate }),
        ),
      );
      continue;
    }
    queue.push({
      chatId: plan.chatId,
      plan,
      readyAt: 0,
      next: 0,
      attempts: 0,
      rateLimitWaits: 0,
      durable: Promise.resolve(true),
    });
  }

  // --- Work distribution: workers take the chat that has been ready longest.
  let active = 0;
  let stopping = false;
  const waiters: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  const wakeOne = () => waiters.shift()?.();
  const wakeAll = () => {
    for (const wake of waiters.splice(0)) wake();
  };
  // Aborted by the caller (shutdown) or by a fatal answer; sends in flight still finish
  // so that their cursors are recorded.
  const halt = new AbortController();
  const stop = () => {
    stopping = true;
    result.aborted = true;
    halt.abort();
    wakeAll();
  };
  if (signal?.aborted) stop();
  signal?.addEventListener("abort", stop, { once: true });

  const armTimer = (at: number) => {
    if (at >= timerAt) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timerAt = Number.POSITIVE_INFINITY;
        wakeOne();
      },
      Math.max(0, at - performance.now()),
    );
  };

  async function take(): Promise<ChatJob | undefined> {
    for (;;) {
      if (stopping) return undefined;
      const top = queue.peek();
      if (top === undefined && active === 0) {
        wakeAll();
        return undefined;
      }
      if (top !== undefined && top.readyAt <= performance.now()) {
        queue.pop();
        active += 1;
        if (queue.size > 0) wakeOne();
        return top;
      }
      if (top !== undefined) armTimer(top.readyAt);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }

  const requeue = (job: ChatJob, readyAt: number) => {
    job.readyAt = readyAt;
    queue.push(job);
    wakeOne();
  };

  // --- One chat's next message.
  function nextMessage(job: ChatJob, reader: Reader): Outgoing | undefined {
    const { plan } = job;
    if (plan.kind === "instant") {
      while (job.next < plan.items.length) {
        const item = plan.items[job.next] as PushItem;
        const entry = deps.ledger.entry(item.article.id);
        // Re-checked at send time: the reader may have left the topic or been given it.
        if (item.seq <= reader.cursor || !entry || !isPushFor(reader, item.article, entry)) {
          job.next += 1;
          continue;
        }
        const article = deps.articles.get(item.article.id) ?? item.article;
        const last = job.next === plan.items.length - 1;
        const threadId = threadFor(reader.threads, reader.topics, article.topics);
        return {
          html: deps.briefs(article, reader.locale, reader.delivery.timeZone).html,
          cursor: last ? plan.finalCursor : item.seq,
          ...(threadId === undefined ? {} : { threadId }),
        };
      }
      return undefined;
    }
    if (job.parts === undefined) {
      const items = plan.items.filter((item) => {
        const entry = deps.ledger.entry(item.article.id);
        return (
          item.seq > reader.cursor && entry !== undefined && isPushFor(reader, item.article, entry)
        );
      });
      job.parts = items.length === 0 ? [] : renderDigest(items, reader, deps.i18n, clock.now());
      if (job.parts.length === 0) {
        job.durable = track(
          readers.update(
            job.chatId,
            withProgress({ cursor: plan.finalCursor, digestDate: plan.localDate }),
          ),
        );
      }
    }
    const part = job.parts[job.next];
    if (part === undefined) return undefined;
    const last = job.next === job.parts.length - 1;
    return last
      ? { html: part.html, cursor: plan.finalCursor, digestDate: plan.localDate }
      : { html: part.html, cursor: part.lastSeq };
  }

  const hasMore = (job: ChatJob): boolean =>
    job.next < (job.plan.kind === "instant" ? job.plan.items.length : (job.parts?.length ?? 0));

  function markGone(chatId: number, reason: Exclude<InactiveReason, "stopped">) {
    result.deactivated += 1;
    const now = clock.now();
    const reader = readers.get(chatId);
    track(
      readers.update(chatId, (current) =>
        current?.active ? deactivateReader(current, reason, now) : undefined,
      ),
    );
    if (reason === "removed" && reader?.active) void tellAdminChannelLost(deps, reader);
  }

  /** Sends one message of `job`; returns when the job is requeued or finished. */
  async function step(job: ChatJob): Promise<void> {
    if (!(await job.durable)) {
      result.failed += 1;
      stats.count("failed", clock.now());
      return;
    }
    // A group that became a supergroup meanwhile: the rest of its pushes follow it.
    job.chatId = currentChatId(readers, job.chatId);
    const reader = readers.get(job.chatId);
    // Stopped, blocked or switched mode since the plan: the next run decides afresh.
    if (!reader?.active || reader.delivery.mode !== job.plan.kind) return;
    if (job.plan.kind === "instant" && isQuietAt(reader.delivery, clock.now())) return;

    let outgoing: Outgoing | undefined;
    try {
      outgoing = nextMessage(job, reader);
    } catch (error) {
      // A rendering bug must not block this reader forever: skip the item.
      logger.error({ err: error, chatId: job.chatId }, "push could not be rendered; skipped");
      result.failed += 1;
      stats.count("failed", clock.now());
      const { plan } = job;
      const item = plan.items[job.next];
      if (plan.kind === "digest") {
        // The day's digest cannot be built: mark the day served rather than fail daily.
        track(
          readers.update(
            job.chatId,
            withProgress({ cursor: plan.finalCursor, digestDate: plan.localDate }),
          ),
        );
      } else if (item) {
        job.durable = track(readers.update(job.chatId, withProgress({ cursor: item.seq })));
        job.next += 1;
        requeue(job, performance.now());
      }
      return;
    }
    if (outgoing === undefined) return;

    let permit: SendPermit;
    try {
      permit = await gate.acquire(halt.signal);
    } catch {
      return; // aborted while waiting for a slot: nothing was sent
    }
    let failure: ReturnType<typeof classifySendError> | undefined;
    try {
      await api.sendMessage(job.chatId, outgoing.html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: !reader.delivery.linkPreviews },
        ...sendTargetOptions(reader, outgoing.threadId),
      });
    } catch (error) {
      failure = classifySendError(error);
    } finally {
      permit.done();
    }
    const answeredAt = performance.now();

    if (failure === undefined || failure.kind === "rejected") {
      if (failure === undefined) {
        result.sent += 1;
        stats.count("sent", clock.now());
      } else {
        result.failed += 1;
        stats.count("failed", clock.now());
        logger.error(
          { chatId: job.chatId, detail: failure.detail, kind: job.plan.kind },
          "Telegram rejected a push message (a rendering bug); it is skipped for this reader",
        );
      }
      job.durable = deps.journal.record(job.chatId, {
        cursor: outgoing.cursor,
        ...(outgoing.digestDate ? { digestDate: outgoing.digestDate } : {}),
      });
      job.next += 1;
      job.attempts = 0;
      job.rateLimitWaits = 0;
      if (hasMore(job)) requeue(job, answeredAt + chatIntervalMs);
      return;
    }

    switch (failure.kind) {
      case "migrated":
        // Not a failure: the same message goes to the supergroup, with the progress moved there.
        await followMigration(readers, job.chatId, failure.toChatId, clock.now());
        job.chatId = failure.toChatId;
        requeue(job, answeredAt);
        return;
      case "thread-gone":
        if (outgoing.threadId !== undefined) {
          await fallBackToGeneral(deps, job.chatId, outgoing.threadId);
          requeue(job, answeredAt + chatIntervalMs);
          return;
        }
        break;
      case "rate-limited":
        gate.pause(failure.retryAfterMs);
        job.rateLimitWaits += 1;
        logger.warn(
          { chatId: job.chatId, retryAfterMs: failure.retryAfterMs },
          "flood control: pausing every push send",
        );
        if (job.rateLimitWaits <= tuning.maxRateLimitWaits) {
          requeue(job, answeredAt);
          return;
        }
        break;
      case "gone":
        logger.info(
          { chatId: job.chatId, detail: failure.detail },
          "reader unreachable; marked inactive",
        );
        markGone(job.chatId, failure.reason);
        break;
      case "transient":
        job.attempts += 1;
        if (job.attempts < tuning.maxAttempts) {
          const delayMs = tuning.retryBaseMs * 2 ** (job.attempts - 1);
          requeue(job, answeredAt + delayMs);
          return;
        }
        logger.warn(
          { chatId: job.chatId, detail: failure.detail, attempts: job.attempts },
          "push failed; the next run tries again",
        );
        break;
      case "fatal":
        logger.error({ detail: failure.detail }, "the Bot API refuses every push; run stopped");
        stop();
        break;
    }
    result.failed += 1;
    stats.count("failed", clock.now());
  }

  async function worker(): Promise<void> {
    for (;;) {
      const job = await take();
      if (job === undefined) return;
      try {
        await step(job);
      } catch (error) {
        logger.error({ err: error, chatId: job.chatId }, "push step failed");
      } finally {
        active -= 1;
        if (queue.size === 0 && active === 0) wakeAll();
      }
    }
  }

  const concurrency =
    tuning.concurrency ??
    Math.min(MAX_WORKERS, Math.max(MIN_WORKERS, Math.ceil(tuning.perSecond * IN_FLIGHT_BUDGET_S)));
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.size) }, worker));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", stop);
    await Promise.all(writes);
  }
  return result;
}
