/**
 * Injected failures: per-chat states (blocked, deactivated, missing) and one-off or
 * random faults per method. "*" in failNext/dropConnection means any method except
 * getUpdates, so a wildcard fault hits the bot's calls rather than stalling its
 * polling loop (grammY sleeps 3 s after a failed getUpdates); name getUpdates
 * explicitly to fault it.
 */
import { ApiError, badRequest, injectedError } from "./api-error.js";
import { createSeededRandom } from "./seeded-random.js";
import type { EmulatorFaults } from "./types.js";

export const ANY_METHOD = "*";
const POLLING_METHOD = "getupdates";

export type ChatFaultState = "blocked" | "deactivated" | "not_found";

interface PendingFault {
  status: number;
  description: string | undefined;
  retryAfter: number | undefined;
  remaining: number;
}

export interface FaultInjector {
  readonly faults: EmulatorFaults;
  /** True (and consumes one) when this call's socket must be destroyed. */
  takeDrop(method: string): boolean;
  /** The injected answer for this call, if any (consumes a failNext). */
  takeFailure(method: string, isSend: boolean): ApiError | undefined;
  /** The refusal for a call addressed to this chat, if it is blocked/deactivated/missing. */
  chatError(chatId: number): ApiError | undefined;
  chatState(chatId: number): ChatFaultState | undefined;
}

export function createFaultInjector(seed: number): FaultInjector {
  const chats = new Map<number, ChatFaultState>();
  const failures = new Map<string, PendingFault[]>();
  const drops = new Map<string, number>();
  const random = createSeededRandom(seed);
  let randomFault: { probability: number; status: number } | undefined;

  function applies(key: string, method: string): boolean {
    return key === method || (key === ANY_METHOD && method !== POLLING_METHOD);
  }

  function takeFrom<T>(map: Map<string, T>, method: string): [string, T] | undefined {
    const lower = method.toLowerCase();
    for (const key of [lower, ANY_METHOD]) {
      const value = map.get(key);
      if (value !== undefined && applies(key, lower)) return [key, value];
    }
    return undefined;
  }

  const faults: EmulatorFaults = {
    block: (chatId) => void chats.set(chatId, "blocked"),
    deactivate: (chatId) => void chats.set(chatId, "deactivated"),
    chatNotFound: (chatId) => void chats.set(chatId, "not_found"),
    restore: (chatId) => void chats.delete(chatId),
    failNext(method, fault) {
      const times = fault.times ?? 1;
      if (!Number.isInteger(times) || times < 1) {
        throw new RangeError(`failNext: times must be a positive integer, got ${times}`);
      }
      if (!Number.isInteger(fault.status) || fault.status < 400 || fault.status > 599) {
        throw new RangeError(
          `failNext: status must be an HTTP error (400–599), got ${fault.status}`,
        );
      }
      const key = method.toLowerCase();
      const queue = failures.get(key) ?? [];
      queue.push({
        status: fault.status,
        description: fault.description,
        retryAfter: fault.retryAfter,
        remaining: times,
      });
      failures.set(key, queue);
    },
    failRandomly(probability, status = 500) {
      if (!(probability >= 0 && probability <= 1)) {
        throw new RangeError(`failRandomly: probability must be within 0..1, got ${probability}`);
      }
      randomFault = probability === 0 ? undefined : { probability, status };
    },
    dropConnection(method, times = 1) {
      if (!Number.isInteger(times) || times < 1) {
        throw new RangeError(`dropConnection: times must be a positive integer, got ${times}`);
      }
      const key = method.toLowerCase();
      drops.set(key, (drops.get(key) ?? 0) + times);
    },
    clear() {
      chats.clear();
      failures.clear();
      drops.clear();
      randomFault = undefined;
    },
  };

  return {
    faults,
    takeDrop(method) {
      const found = takeFrom(drops, method);
      if (found === undefined) return false;
      const [key, remaining] = found;
      if (remaining <= 1) drops.delete(key);
      else drops.set(key, remaining - 1);
      return true;
    },
    takeFailure(method, isSend) {
      const found = takeFrom(failures, method);
      if (found !== undefined) {
        const [key, queue] = found;
        const fault = queue[0];
        if (fault !== undefined) {
          fault.remaining -= 1;
          if (fault.remaining <= 0) queue.shift();
          if (queue.length === 0) failures.delete(key);
          return injectedError(fault.status, fault.description, fault.retryAfter);
        }
      }
      if (isSend && randomFault !== undefined && random() < randomFault.probability) {
        return injectedError(randomFault.status);
      }
      return undefined;
    },
    chatError(chatId) {
      switch (chats.get(chatId)) {
        case "blocked":
          return new ApiError(403, "Forbidden: bot was blocked by the user");
        case "deactivated":
          return new ApiError(403, "Forbidden: user is deactivated");
        case "not_found":
          return badRequest("chat not found");
        default:
          return undefined;
      }
    },
    chatState: (chatId) => chats.get(chatId),
  };
}
