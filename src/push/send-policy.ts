import type { InactiveReason } from "../readers/reader.js";
import type { SendFailure } from "../telegram/send-errors.js";

export interface RetryTuning {
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
  /** Try the same message again after `delayMs`. */
  | { kind: "retry"; delayMs: number }
  /** The group became a supergroup: move its state there and send the same message to it. */
  | { kind: "migrated"; toChatId: number; detail: string }
  /** The forum thread refused it: route its topics to General and send it there. */
  | { kind: "thread-gone"; detail: string }
  /** The reader is gone: count it failed and mark the reader inactive. */
  | { kind: "gone"; reason: Exclude<InactiveReason, "stopped">; detail: string }
  /** Count it failed; the next run tries this chat again. */
  | { kind: "give-up"; detail: string }
  /** Nothing will work (wrong token): count it failed and stop the run. */
  | { kind: "stop"; detail: string };

/**
 * The push's answer to each send result. Flood control is not here: the outbound lane
 * (telegram/outbound-lane.ts) pauses on 429 and resends; a 429 that reaches the push
 * means the lane gave up. `attempts`: 5xx and network failures of this message so far,
 * the one just answered included.
 */
export function decideAfterSend(
  failure: SendFailure | undefined,
  attempts: number,
  tuning: RetryTuning,
): SendOutcome {
  if (failure === undefined) return { kind: "delivered" };
  switch (failure.kind) {
    case "rejected":
      return { kind: "skipped", detail: failure.detail };
    case "gone":
      return { kind: "gone", reason: failure.reason, detail: failure.detail };
    case "transient":
      return attempts < tuning.maxAttempts
        ? { kind: "retry", delayMs: tuning.retryBaseMs * 2 ** (attempts - 1) }
        : { kind: "give-up", detail: failure.detail };
    case "migrated":
      return { kind: "migrated", toChatId: failure.toChatId, detail: failure.detail };
    case "thread-gone":
      return { kind: "thread-gone", detail: failure.detail };
    case "rate-limited":
      return { kind: "give-up", detail: failure.detail };
    case "fatal":
      return { kind: "stop", detail: failure.detail };
  }
}
