import type { PushedBrief } from "../feedback/pushed-briefs.js";
import type { Votes } from "../feedback/votes.js";
import type { Locale } from "../locales.js";
import type { TopicId } from "../topics/catalog.js";
import type { TermList } from "../watchlist/term-list.js";
import type { ChatFields, ChatKind } from "./chat-fields.js";

/** Minutes after local midnight, 0–1439. */
export type MinuteOfDay = number;

export interface DeliverySettings {
  /** "instant": every push run; "digest": one message a day at `digestHour`. */
  mode: "instant" | "digest";
  /** Local hour (0–23) of the daily digest, in `timeZone`. */
  digestHour: number;
  /** IANA zone name, e.g. "Europe/Paris"; used for digests and quiet hours. */
  timeZone: string;
  /** Instant pushes are held inside this window (it may wrap midnight) and delivered when it ends. */
  quietHours: { start: MinuteOfDay; end: MinuteOfDay } | null;
  linkPreviews: boolean;
}

/** "removed": the bot was removed from a group or channel, or may no longer post there. */
export type InactiveReason = "stopped" | "blocked" | "chat-not-found" | "removed" | "migrated";

/** What the bot keeps about one chat it serves: private, group, supergroup or channel. */
export interface Reader extends ChatFields {
  chatId: number;
  locale: Locale;
  /** False after /stop or once Telegram refuses delivery (403, chat not found). */
  active: boolean;
  inactiveReason?: InactiveReason;
  /** ISO time the reader last became active or inactive. */
  since: string;
  /** Subscribed topics, each with the ISO time of subscription: only articles first seen later are pushed. */
  topics: Partial<Record<TopicId, string>>;
  delivery: DeliverySettings;
  /** Highest article sequence number this reader has been given (or deliberately skipped). */
  cursor: number;
  /** Local date (YYYY-MM-DD in `delivery.timeZone`) of the last digest sent. */
  lastDigestOn?: string;
  /** Watched terms (/watch): items that mention one are pushed even outside the topics. */
  watch?: TermList;
  /** Muted terms (/mute): items that mention one are never pushed nor listed in /latest. */
  mute?: TermList;
  /** 👍 / 👎 on pushed briefs, by article id: they order /latest and count in /stats. */
  feedback?: Votes;
  /** The last pushes delivered, [message id, ledger seq], newest last: a reaction on one is a vote. */
  pushed?: PushedBrief[];
}

export const DEFAULT_DELIVERY: DeliverySettings = {
  mode: "instant",
  digestHour: 8,
  timeZone: "UTC",
  quietHours: null,
  linkPreviews: false,
};

export function createReader(
  chatId: number,
  locale: Locale,
  now: Date,
  cursor: number,
  chatType: ChatKind = "private",
): Reader {
  return {
    chatId,
    // Private chats leave it out, as files written before groups existed do.
    ...(chatType === "private" ? {} : { chatType }),
    locale,
    active: true,
    since: now.toISOString(),
    topics: {},
    delivery: { ...DEFAULT_DELIVERY },
    cursor,
  };
}

/**
 * Turns pushes back on (after /stop or a block). Topic and watch times restart now:
 * what was published meanwhile is for /latest, not a burst of pushes on return.
 */
export function reactivateReader(reader: Reader, now: Date): Reader {
  if (reader.active) return reader;
  const at = now.toISOString();
  const restart = <T extends object>(times: T): T =>
    Object.fromEntries(Object.keys(times).map((key) => [key, at])) as T;
  return {
    ...reader,
    active: true,
    inactiveReason: undefined,
    since: at,
    topics: restart(reader.topics),
    ...(reader.watch ? { watch: restart(reader.watch) } : {}),
  };
}

export function deactivateReader(reader: Reader, reason: InactiveReason, now: Date): Reader {
  if (!reader.active && reader.inactiveReason === reason) return reader;
  return { ...reader, active: false, inactiveReason: reason, since: now.toISOString() };
}
