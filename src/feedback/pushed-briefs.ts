import type { Transformer } from "grammy";
import type { ReaderStore } from "../readers/reader-store.js";
import type { CheckedList } from "../watchlist/term-list.js";
import { feedbackButton } from "./keyboard.js";

/**
 * Which brief each pushed message holds, so a reaction on it (whose update carries no
 * message text or buttons) can count as 👍 or 👎 on that brief. Kept with the reader,
 * so it survives restarts, and erased with them by /deletedata.
 */
export type PushedBrief = [messageId: number, seq: number];

/**
 * Pushes remembered per reader, newest last. A reaction comes on what is on screen:
 * only instant pushes carry a feedback row, and 30 of them is a few days of a busy feed.
 * At ~20 bytes each that is ~600 bytes per reader, ~60 MB of state at 100,000 readers
 * who all get pushes; 100 would triple the reader shards a /subscribe rewrites. A
 * reaction on an older push is ignored; its buttons still work, since they name the brief.
 */
export const MAX_PUSHED_BRIEFS = 30; // messages per reader

const MAX_ID = 1e12; // message ids and seqs above this are typos, not Telegram's

const isId = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) > 0 && (value as number) < MAX_ID;

/** The list with `messageId` → `seq` as its newest entry, the oldest dropped past the bound. */
export function recordPushedBrief(
  list: readonly PushedBrief[] | undefined,
  messageId: number,
  seq: number,
): PushedBrief[] {
  const kept = (list ?? []).filter(([id]) => id !== messageId);
  kept.push([messageId, seq]);
  return kept.slice(-MAX_PUSHED_BRIEFS);
}

/** The seq of the brief message `messageId` holds, if it is one of the remembered pushes. */
export function seqOfPushed(
  list: readonly PushedBrief[] | undefined,
  messageId: number,
): number | undefined {
  return list?.find(([id]) => id === messageId)?.[1];
}

/**
 * A hand-editable list checked on load: a bad entry is left out and reported, and past
 * the bound the oldest go, as recordPushedBrief would have done.
 */
export function checkPushedBriefs(value: unknown): CheckedList<PushedBrief[]> {
  if (value === undefined) return { list: undefined, problems: [] };
  if (!Array.isArray(value)) {
    return {
      list: undefined,
      problems: [`${JSON.stringify(value)} is not a list of [message id, seq]; left out`],
    };
  }
  const problems: string[] = [];
  const list: PushedBrief[] = [];
  for (const entry of value as unknown[]) {
    if (Array.isArray(entry) && entry.length === 2 && isId(entry[0]) && isId(entry[1])) {
      list.push([entry[0], entry[1]]);
    } else {
      problems.push(`${JSON.stringify(entry)} is not a [message id, seq] pair; left out`);
    }
  }
  if (list.length > MAX_PUSHED_BRIEFS) {
    problems.push(`holds ${list.length} pushes; keeping the ${MAX_PUSHED_BRIEFS} newest`);
  }
  return { list: list.slice(-MAX_PUSHED_BRIEFS), problems };
}

/**
 * Notes, in the reader's state, every delivered message that carries a feedback row.
 * Its transformer goes on the push engine's Api, so the send loop stays as it is.
 */
export interface PushedBriefRecorder {
  readonly transformer: Transformer;
  /** Writes what was gathered; resolves once it is on disk. */
  flush(): Promise<void>;
}

/**
 * Deliveries are gathered for GATHER_MS and then written in one tick, which the reader
 * store turns into one write per shard: a shard rewrite per send would cost what the
 * progress journal exists to avoid (see progress-journal.ts). A crash loses at most
 * that much, and a reaction on those pushes is then ignored; a person cannot react
 * that fast anyway. An unknown reader, such as one who erased their data while the
 * push was in flight, is not created.
 */
export const GATHER_MS = 500;

export function createPushedBriefRecorder(
  readers: ReaderStore,
  onError: (error: unknown) => void,
  gatherMs = GATHER_MS,
): PushedBriefRecorder {
  let pending = new Map<number, PushedBrief[]>();
  let timer: NodeJS.Timeout | undefined;
  const note = (chatId: number, messageId: number, seq: number) => {
    const list = pending.get(chatId) ?? [];
    list.push([messageId, seq]);
    pending.set(chatId, list);
    timer ??= setTimeout(() => void flush(), gatherMs).unref();
  };
  const flush = async () => {
    clearTimeout(timer);
    timer = undefined;
    const gathered = pending;
    pending = new Map();
    const writes = [...gathered].map(([chatId, pushes]) =>
      readers.update(chatId, (reader) => {
        if (reader === undefined) return undefined;
        let pushed = reader.pushed;
        for (const [messageId, seq] of pushes) pushed = recordPushedBrief(pushed, messageId, seq);
        return { ...reader, pushed };
      }),
    );
    await Promise.all(writes).catch(onError);
  };
  const transformer: Transformer = async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method !== "sendMessage" || !result.ok) return result;
    const seq = feedbackSeqOf((payload as { reply_markup?: unknown }).reply_markup);
    const sent = result.result as { message_id?: number; chat?: { id?: number } };
    if (seq !== undefined && sent.message_id !== undefined && sent.chat?.id !== undefined) {
      note(sent.chat.id, sent.message_id, seq);
    }
    return result;
  };
  return { transformer, flush };
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
