/**
 * Every API call the bot made, with its answer, plus the counters behind `stats`.
 * Indexed by method and (for the last few) by chat, so readers never scan the log.
 */
import type { EmulatorStats, RecordedCall } from "./types.js";

/** How many recent calls per chat are kept to explain a waitForBotMessage timeout. */
const RECENT_CALLS_PER_CHAT = 5;

export interface CallLog {
  readonly calls: readonly RecordedCall[];
  record(call: RecordedCall, chatId: number | undefined, isSend: boolean): void;
  callsOf(method: string): RecordedCall[];
  recentForChat(chatId: number): readonly RecordedCall[];
  reset(): void;
  stats(): EmulatorStats;
  resetStats(): void;
}

export function createCallLog(): CallLog {
  let calls: RecordedCall[] = [];
  const byMethod = new Map<string, RecordedCall[]>();
  const byChat = new Map<number, RecordedCall[]>();
  let sent = 0;
  let byStatus: Record<number, number> = {};
  let tooManyRequests = 0;
  let dropped = 0;

  return {
    get calls() {
      return calls;
    },
    record(call, chatId, isSend) {
      calls.push(call);
      const key = call.method.toLowerCase();
      const forMethod = byMethod.get(key);
      if (forMethod === undefined) byMethod.set(key, [call]);
      else forMethod.push(call);
      if (chatId !== undefined) {
        const recent = byChat.get(chatId) ?? [];
        recent.push(call);
        if (recent.length > RECENT_CALLS_PER_CHAT) recent.shift();
        byChat.set(chatId, recent);
      }
      if (call.status === 0) {
        dropped += 1;
        return;
      }
      byStatus[call.status] = (byStatus[call.status] ?? 0) + 1;
      if (call.status === 429) tooManyRequests += 1;
      if (isSend && call.status === 200) sent += 1;
    },
    callsOf(method) {
      return [...(byMethod.get(method.toLowerCase()) ?? [])];
    },
    recentForChat: (chatId) => byChat.get(chatId) ?? [],
    reset() {
      calls = [];
      byMethod.clear();
      byChat.clear();
    },
    stats: () => ({ sent, byStatus: { ...byStatus }, tooManyRequests, dropped }),
    resetStats() {
      sent = 0;
      byStatus = {};
      tooManyRequests = 0;
      dropped = 0;
    },
  };
}
