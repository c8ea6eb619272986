import { GrammyError, HttpError } from "grammy";
import type { InactiveReason } from "../readers/reader.js";

/** What the push engine does about a failed send. */
export type SendFailure =
  /** Flood control: pause every send for this long, then send again. */
  | { kind: "rate-limited"; retryAfterMs: number; detail: string }
  /** The reader is gone (blocked the bot, deleted account, no such chat): stop sending to them. */
  | { kind: "gone"; reason: Exclude<InactiveReason, "stopped">; detail: string }
  /** Telegram refused this message itself (too long, bad HTML): a rendering bug, skip it. */
  | { kind: "rejected"; detail: string }
  /** Server or network trouble: try again later, a bounded number of times. */
  | { kind: "transient"; detail: string }
  /** The group became a supergroup: the same message goes to its new id. */
  | { kind: "migrated"; toChatId: number; detail: string }
  /** The forum thread is closed or deleted: the message goes to General instead. */
  | { kind: "thread-gone"; detail: string }
  /** Nothing will work (wrong token, wrong API root): stop the run. */
  | { kind: "fatal"; detail: string };

const CHAT_GONE_PATTERN = /chat not found|user not found|peer_id_invalid/i;
/** Removed from a group or channel, or no longer allowed to post there. */
const REMOVED_PATTERN =
  /kicked from the (?:group|supergroup|channel)|not a member of the (?:group|supergroup|channel)|need administrator rights|chat_write_forbidden|not enough rights to send/i;
const THREAD_GONE_PATTERN = /topic_closed|topic_deleted|message thread not found/i;
/** Telegram says "retry after N"; answers without the number get a cautious default. */
const DEFAULT_RETRY_AFTER_S = 5;

/** Sorts an error thrown by an Api call; never includes the request URL (it holds the token). */
export function classifySendError(error: unknown): SendFailure {
  if (error instanceof GrammyError) {
    const detail = `${error.error_code}: ${error.description}`;
    const code = error.error_code;
    if (code === 429) {
      const seconds = error.parameters.retry_after ?? DEFAULT_RETRY_AFTER_S;
      return { kind: "rate-limited", retryAfterMs: seconds * 1000, detail };
    }
    const migrateTo = error.parameters.migrate_to_chat_id;
    if (migrateTo !== undefined) return { kind: "migrated", toChatId: migrateTo, detail };
    if (REMOVED_PATTERN.test(error.description)) return { kind: "gone", reason: "removed", detail };
    if (code === 403) return { kind: "gone", reason: "blocked", detail };
    if (code === 400 && THREAD_GONE_PATTERN.test(error.description)) {
      return { kind: "thread-gone", detail };
    }
    if (code === 400 && CHAT_GONE_PATTERN.test(error.description)) {
      return { kind: "gone", reason: "chat-not-found", detail };
    }
    if (code === 400) return { kind: "rejected", detail };
    if (code === 401 || code === 404) return { kind: "fatal", detail };
    return { kind: "transient", detail };
  }
  if (error instanceof HttpError) {
    // The cause's own message holds the request URL, and with it the token: keep its code only.
    const code = (error.error as { code?: unknown } | undefined)?.code;
    const detail = typeof code === "string" ? `${error.message} (${code})` : error.message;
    return { kind: "transient", detail };
  }
  return { kind: "transient", detail: error instanceof Error ? error.message : String(error) };
}
