import type { InactiveReason } from "../readers/reader.js";
import type { SendFailure } from "../telegram/send-errors.js";

export interface RetryTuning {
  /** 429 answers one message may meet before it counts as failed for this run. */
  maxRateLimitWaits: number;
  /** Attempts per message on 5xx and network errors before it counts as failed. */
  maxAttempts: number;
  /** First retry delay; it doubles with each attempt. */
  retryBaseMs: number;
}

/** What the broadcast does with a chat after one send's answer. */
export type SendOutcome =
  /** Delivered: record the progress, go on with the chat. */
  | { kind: "delivered" }
  /** Telegram refused this message itself: count it failed, record the progress, go on. */
  | { kind: "skipped"; detail: string }
  /** Flood control: pause every push send for `pauseMs`, then send this one again. */
  | { kind: "flood-wait"; pauseMs: number }
  /** Try the same message again after `delayMs`. */
  | { kind: "retry"; delayMs: number }
  /** The reader is gone: count it failed and mark the reader inactive. */
  | { kind: "gone"; reason: Exclude<InactiveReason, "stopped">; detail: string }
  /** Count it failed; the next run tries this chat again. */
  | { kind: "give-up"; detail: string }
  /** Nothing will work (wrong token): count it failed and stop the run. */
  | { kind: "stop"; detail: string };

/** Failed tries of the message being sent, the one just answered included. */
export interface Tries {
  /** 5xx and network failures. */
  attempts: number;
  /** 429 answers. */
  rateLimitWaits: number;
}

/** The push's answer to each send result. */
export function decideAfterSend(
  failure: SendFailure | undefined,
  tries: Tries,
  tuning: RetryTuning,
): SendOutcome {
  if (failure === undefined) return { kind: "delivered" };
  switch (failure.kind) {
    case "rejected":
      return { kind: "skipped", detail: failure.detail };
    case "gone":
      return { kind: "gone", reason: failure.reason, detail: failure.detail };
    case "transient":
      return tries.attempts < tuning.maxAttempts
        ? { kind: "retry", delayMs: tuning.retryBaseMs * 2 ** (tries.attempts - 1) }
        : { kind: "give-up", detail: failure.detail };
    case "rate-limited":
      return tries.rateLimitWaits <= tuning.maxRateLimitWaits
        ? { kind: "flood-wait", pauseMs: failure.retryAfterMs }
        : { kind: "give-up", detail: failure.detail };
    case "fatal":
      return { kind: "stop", detail: failure.detail };
  }
}
