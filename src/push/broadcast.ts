import { performance } from "node:perf_hooks";
import type { Api } from "grammy";
import type { ArticleLedger } from "../articles/article-ledger.js";
import type { ArticleStore } from "../articles/article-store.js";
import type { BriefRenderer, Translator } from "../briefs/render.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import { isQuietAt } from "../readers/local-time.js";
import { deactivateReader, type InactiveReason } from "../readers/reader.js";
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
import {
  type ChatPosition,
  chooseNextMessage,
  finalProgress,
  hasMessageAfter,
  type Outgoing,
  type SendingPlan,
} from "./next-message.js";
import type { ReaderPlan } from "./plan.js";
import { type Progress, type ProgressJournal, withProgress } from "./progress-journal.js";
import type { ReadyEntry } from "./ready-queue.js";
import { decideAfterSend, type RetryTuning, type SendOutcome } from "./send-policy.js";
import { runTimedPool } from "./worker-pool.js";
import { createWriteTracker, type WriteTracker } from "./write-tracker.js";

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

export interface BroadcastTuning extends RetryTuning {
  /** Bot-wide sends per second (config.telegram.maxPerSecond): sizes the pool. */
  perSecond: number;
  /**
   * Sends per second to one chat (config.telegram.maxPerChatPerSecond). The lane enforces
   * it; the pool spaces a chat's messages by it too, so that no worker sits in the lane
   * waiting for one chat while others are ready.
   */
  perChatPerSecond: number;
  /** Sends in flight at once; by default enough to keep the bot-wide rate at ~250 ms latency. */
  concurrency?: number;
}

export const DEFAULT_BROADCAST_TUNING: Omit<BroadcastTuning, "perSecond" | "perChatPerSecond"> = {
  maxAttempts: 4,
  retryBaseMs: 500,
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

interface ChatJob extends ReadyEntry {
  chatId: number;
  /** 5xx and network failures of the message being sent. */
  attempts: number;
  plan: SendingPlan;
  position: ChatPosition;
  /** The previous progress write for this chat; false when it failed. */
  durable: Promise<boolean>;
}

type Requeue = (job: ChatJob, readyAt: number) => void;

/** One run's shared state, passed to the steps below. */
interface Run {
  deps: BroadcastDeps;
  tuning: BroadcastTuning;
  result: BroadcastResult;
  writes: WriteTracker;
  /** Aborted by the caller (shutdown) or a fatal answer; sends in flight still finish. */
  halt: AbortController;
  chatIntervalMs: number;
}

/**
 * Sends a plan's messages through deps.api, whose outbound lane keeps Telegram's limits,
 * and records each delivery in the progress journal. A chat's next message waits until
 * the previous record is on disk, so a crash leaves at most one delivered-but-unrecorded
 * message per reader.
 */
export async function runBroadcast(
  plans: readonly ReaderPlan[],
  deps: BroadcastDeps,
  tuning: BroadcastTuning,
  signal?: AbortSignal,
): Promise<BroadcastResult> {
  const run: Run = {
    deps,
    tuning,
    result: { sent: 0, failed: 0, deactivated: 0, aborted: false },
    writes: createWriteTracker(deps.logger),
    halt: new AbortController(),
    chatIntervalMs: 1000 / tuning.perChatPerSecond + CHAT_MARGIN_MS,
  };
  const stop = () => halt(run);
  if (signal?.aborted) stop();
  signal?.addEventListener("abort", stop, { once: true });

  const jobs: ChatJob[] = [];
  for (const plan of plans) {
    if (plan.kind === "advance" || (plan.kind === "digest" && plan.items.length === 0)) {
      saveProgress(run, plan.chatId, finalProgress(plan));
      continue;
    }
    const fresh = { chatId: plan.chatId, plan, readyAt: 0, attempts: 0 };
    jobs.push({ ...fresh, position: { next: 0 }, durable: Promise.resolve(true) });
  }
  const concurrency =
    tuning.concurrency ??
    Math.min(MAX_WORKERS, Math.max(MIN_WORKERS, Math.ceil(tuning.perSecond * IN_FLIGHT_BUDGET_S)));
  try {
    await runTimedPool({
      jobs,
      concurrency,
      signal: run.halt.signal,
      step: (job, requeue) => sendStep(run, job, requeue),
      onStepError: (job, error) =>
        deps.logger.error({ err: error, chatId: job.chatId }, "push step failed"),
    });
  } finally {
    signal?.removeEventListener("abort", stop);
    await run.writes.settled();
  }
  return run.result;
}

function halt(run: Run): void {
  run.result.aborted = true;
  run.halt.abort();
}

/** The one place a message counts as failed. */
function countFailed(run: Run): void {
  run.result.failed += 1;
  run.deps.stats.count("failed", run.deps.clock.now());
}

function saveProgress(run: Run, chatId: number, progress: Progress): Promise<boolean> {
  return run.writes.track(run.deps.readers.update(chatId, withProgress(progress)));
}

function markGone(run: Run, chatId: number, reason: Exclude<InactiveReason, "stopped">): void {
  run.result.deactivated += 1;
  const now = run.deps.clock.now();
  const reader = run.deps.readers.get(chatId);
  if (reason === "removed" && reader?.active) void tellAdminChannelLost(run.deps, reader);
  run.writes.track(
    run.deps.readers.update(chatId, (reader) =>
      reader?.active ? deactivateReader(reader, reason, now) : undefined,
    ),
  );
}

/** Sends one message of `job`; returns when the job is requeued or finished. */
async function sendStep(run: Run, job: ChatJob, requeue: Requeue): Promise<void> {
  const { deps } = run;
  if (!(await job.durable)) {
    countFailed(run);
    return;
  }
  // A group that became a supergroup meanwhile: the rest of its pushes follow it.
  job.chatId = currentChatId(deps.readers, job.chatId);
  const reader = deps.readers.get(job.chatId);
  // Stopped, blocked or switched mode since the plan: the next run decides afresh.
  if (!reader?.active || reader.delivery.mode !== job.plan.kind) return;
  if (job.plan.kind === "instant" && isQuietAt(reader.delivery, deps.clock.now())) return;

  let outgoing: Outgoing;
  try {
    const next = chooseNextMessage(job.plan, job.position, reader, deps, deps.clock.now());
    job.position = next.position;
    if (next.kind === "done") {
      if (next.progress) job.durable = saveProgress(run, job.chatId, next.progress);
      return;
    }
    outgoing = next.outgoing;
  } catch (error) {
    skipUnrenderable(run, job, requeue, error);
    return;
  }

  if (run.halt.signal.aborted) return; // stopped while this step was choosing: nothing sent
  // The api's lane paces this send with every other message the bot sends.
  let failure: ReturnType<typeof classifySendError> | undefined;
  try {
    await deps.api.sendMessage(job.chatId, outgoing.html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: !reader.delivery.linkPreviews },
      ...sendTargetOptions(reader, outgoing.threadId),
      ...(outgoing.replyMarkup ? { reply_markup: outgoing.replyMarkup } : {}),
    });
  } catch (error) {
    failure = classifySendError(error);
  }
  const answeredAt = performance.now();
  if (failure?.kind === "transient") job.attempts += 1;
  const outcome = decideAfterSend(failure, job.attempts, run.tuning);
  if (outcome.kind === "migrated") {
    // Not a failure: the same message goes to the supergroup, with the progress moved there.
    await followMigration(deps.readers, job.chatId, outcome.toChatId, deps.clock.now());
    job.chatId = outcome.toChatId;
    requeue(job, answeredAt);
    return;
  }
  if (outcome.kind === "thread-gone" && outgoing.threadId !== undefined) {
    await fallBackToGeneral(deps, job.chatId, outgoing.threadId);
    requeue(job, answeredAt + run.chatIntervalMs);
    return;
  }
  afterSend(run, job, outgoing, outcome, answeredAt, requeue);
}

/** A rendering bug must not block this reader forever: the item (or day) is skipped. */
function skipUnrenderable(run: Run, job: ChatJob, requeue: Requeue, error: unknown): void {
  run.deps.logger.error({ err: error, chatId: job.chatId }, "push could not be rendered; skipped");
  countFailed(run);
  const { plan } = job;
  if (plan.kind === "digest") {
    // The day's digest cannot be built: mark the day served rather than fail daily.
    saveProgress(run, job.chatId, finalProgress(plan));
    return;
  }
  const item = plan.items[job.position.next];
  if (item === undefined) return;
  job.durable = saveProgress(run, job.chatId, { cursor: item.seq });
  job.position = { next: job.position.next + 1 };
  requeue(job, performance.now());
}

function afterSend(
  run: Run,
  job: ChatJob,
  outgoing: Outgoing,
  outcome: SendOutcome,
  answeredAt: number,
  requeue: Requeue,
): void {
  const { logger } = run.deps;
  const { chatId } = job;
  switch (outcome.kind) {
    case "delivered":
    case "skipped":
      if (outcome.kind === "delivered") {
        run.result.sent += 1;
        run.deps.stats.count("sent", run.deps.clock.now());
      } else {
        countFailed(run);
        logger.error(
          { chatId, detail: outcome.detail, kind: job.plan.kind },
          "Telegram rejected a push message (a rendering bug); it is skipped for this reader",
        );
      }
      job.durable = run.deps.journal.record(chatId, outgoing.progress);
      job.attempts = 0;
      if (hasMessageAfter(job.plan, job.position)) {
        job.position = { ...job.position, next: job.position.next + 1 };
        requeue(job, answeredAt + run.chatIntervalMs);
      }
      return;
    case "retry":
      requeue(job, answeredAt + outcome.delayMs);
      return;
    case "gone":
      logger.info({ chatId, detail: outcome.detail }, "reader unreachable; marked inactive");
      markGone(run, chatId, outcome.reason);
      break;
    case "migrated":
    case "thread-gone":
    case "give-up":
      logger.warn(
        { chatId, detail: outcome.detail, attempts: job.attempts },
        "push failed; the next run tries again",
      );
      break;
    case "stop":
      logger.error({ detail: outcome.detail }, "the Bot API refuses every push; run stopped");
      halt(run);
      break;
  }
  countFailed(run);
}
