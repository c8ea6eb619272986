import type { Transformer } from "grammy";
import { feedbackButton } from "./keyboard.js";

/**
 * Which brief each pushed message holds, so a reaction on it (whose update carries no
 * message text or buttons) can count as 👍 or 👎 on that brief. Kept in memory and
 * bounded: past MAX_PUSHED_BRIEFS the oldest pushes are forgotten, and a restart
 * forgets them all; a reaction on a forgotten push is ignored (the buttons still work).
 */
export const MAX_PUSHED_BRIEFS = 50_000; // messages (~5 MB at ~100 bytes per entry)

export interface PushedBriefs {
  /** Notes that message `messageId` of `chatId` holds the brief of ledger item `seq`. */
  record(chatId: number, messageId: number, seq: number): void;
  seqOf(chatId: number, messageId: number): number | undefined;
  /**
   * An Api transformer that records every sent message carrying a feedback row: the
   * push engine installs it, and its send loop stays as it is.
   */
  readonly transformer: Transformer;
}

export function createPushedBriefs(max = MAX_PUSHED_BRIEFS): PushedBriefs {
  // A Map keeps insertion order: the first key is the oldest push.
  const seqs = new Map<string, number>();
  const keyOf = (chatId: number, messageId: number) => `${chatId}:${messageId}`;
  const briefs: PushedBriefs = {
    record(chatId, messageId, seq) {
      const key = keyOf(chatId, messageId);
      seqs.delete(key);
      seqs.set(key, seq);
      if (seqs.size > max) {
        const oldest = seqs.keys().next().value;
        if (oldest !== undefined) seqs.delete(oldest);
      }
    },
    seqOf: (chatId, messageId) => seqs.get(keyOf(chatId, messageId)),
    transformer: async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (method !== "sendMessage" || !result.ok) return result;
      const seq = feedbackSeqOf((payload as { reply_markup?: unknown }).reply_markup);
      const sent = result.result as { message_id?: number; chat?: { id?: number } };
      if (seq !== undefined && sent.message_id !== undefined && sent.chat?.id !== undefined) {
        briefs.record(sent.chat.id, sent.message_id, seq);
      }
      return result;
    },
  };
  return briefs;
}

/** The seq a feedback row names ("fb:up:<seq>"), from a keyboard as sent or as received. */
export function feedbackSeqOf(markup: unknown): number | undefined {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return undefined;
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    for (const button of row) {
      const data = (button as { callback_data?: unknown })?.callback_data;
      if (typeof data !== "string") continue;
      const unpacked = feedbackButton.unpack(data);
      if (unpacked?.action === "up" && /^\d{1,12}$/.test(unpacked.seq ?? "")) {
        return Number(unpacked.seq);
      }
    }
  }
  return undefined;
}
