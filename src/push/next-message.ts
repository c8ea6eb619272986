import type { InlineKeyboard } from "grammy";
import type { ArticleLedger } from "../articles/article-ledger.js";
import type { ArticleStore } from "../articles/article-store.js";
import { type BriefRenderer, type Translator, translateFor } from "../briefs/render.js";
import { createFeedbackKeyboard } from "../feedback/keyboard.js";
import { chatKindOf } from "../readers/chat-fields.js";
import { threadFor } from "../readers/forum-routes.js";
import type { Reader } from "../readers/reader.js";
import { watchReasons, withWatchReason } from "../watchlist/reader-terms.js";
import { isPushFor, type PushItem, type ReaderPlan } from "./plan.js";
import type { Progress } from "./progress-journal.js";
import { type DigestPart, renderDigest } from "./push-messages.js";

export type SendingPlan = Extract<ReaderPlan, { kind: "instant" | "digest" }>;

/** Where a chat is in its plan: the next item (instant) or part (digest) to send. */
export interface ChatPosition {
  next: number;
  /** A digest's parts, rendered at its first send. */
  parts?: readonly DigestPart[];
}

export interface Outgoing {
  html: string;
  /** Progress to store once delivered (or skipped as undeliverable). */
  progress: Progress;
  /** The forum thread it goes to; General when absent. */
  threadId?: number;
  /** Buttons under the message: a private reader's 👍 · 👎 · Why? row under a brief. */
  replyMarkup?: InlineKeyboard;
}

export type NextMessage =
  | { kind: "send"; outgoing: Outgoing; position: ChatPosition }
  /**
   * Nothing more for this chat. `progress`: what to store although nothing was sent
   * (a digest whose every item stopped being owed still serves its day).
   */
  | { kind: "done"; position: ChatPosition; progress?: Progress };

export interface MessageSources {
  ledger: ArticleLedger;
  articles: ArticleStore;
  briefs: BriefRenderer;
  i18n: Translator;
}

/**
 * Re-checked at send time, not only at plan time: the reader may have left the topic,
 * been given it, or got the item some other way since the plan was made.
 */
export function isStillOwed(item: PushItem, reader: Reader, ledger: ArticleLedger): boolean {
  const entry = ledger.entry(item.article.id);
  return item.seq > reader.cursor && entry !== undefined && isPushFor(reader, item.article, entry);
}

/** The progress that marks this plan finished (the digest's day served). */
export function finalProgress(
  plan: SendingPlan | Extract<ReaderPlan, { kind: "advance" }>,
): Progress {
  return plan.kind === "digest"
    ? { cursor: plan.finalCursor, digestDate: plan.localDate }
    : { cursor: plan.finalCursor };
}

/** Which message this chat gets next, without sending or storing anything. */
export function chooseNextMessage(
  plan: SendingPlan,
  position: ChatPosition,
  reader: Reader,
  sources: MessageSources,
  now: Date,
): NextMessage {
  return plan.kind === "instant"
    ? nextInstant(plan, position, reader, sources)
    : nextDigestPart(plan, position, reader, sources, now);
}

function nextInstant(
  plan: Extract<ReaderPlan, { kind: "instant" }>,
  position: ChatPosition,
  reader: Reader,
  sources: MessageSources,
): NextMessage {
  for (let next = position.next; next < plan.items.length; next += 1) {
    const item = plan.items[next] as PushItem;
    if (!isStillOwed(item, reader, sources.ledger)) continue;
    const article = sources.articles.get(item.article.id) ?? item.article;
    const last = next === plan.items.length - 1;
    const threadId = threadFor(reader.threads, reader.topics, article.topics);
    const firstSeenAt = sources.ledger.entry(item.article.id)?.firstSeenAt ?? "";
    const brief = sources.briefs(article, reader.locale, reader.delivery.timeZone);
    // Feedback is one person's: groups and channels get the brief without the row.
    const personal = chatKindOf(reader) === "private";
    return {
      kind: "send",
      position: { next },
      outgoing: {
        html: withWatchReason(
          brief,
          watchReasons(reader, article, firstSeenAt),
          reader,
          sources.i18n,
        ).html,
        progress: { cursor: last ? plan.finalCursor : item.seq },
        ...(threadId === undefined ? {} : { threadId }),
        ...(personal
          ? {
              replyMarkup: createFeedbackKeyboard(
                translateFor(sources.i18n, reader.locale),
                item.seq,
              ),
            }
          : {}),
      },
    };
  }
  return { kind: "done", position: { next: plan.items.length } };
}

function nextDigestPart(
  plan: Extract<ReaderPlan, { kind: "digest" }>,
  position: ChatPosition,
  reader: Reader,
  sources: MessageSources,
  now: Date,
): NextMessage {
  let parts = position.parts;
  if (parts === undefined) {
    const owed = plan.items.filter((item) => isStillOwed(item, reader, sources.ledger));
    parts = owed.length === 0 ? [] : renderDigest(owed, reader, sources.i18n, now);
    if (parts.length === 0) {
      return { kind: "done", position: { next: 0, parts }, progress: finalProgress(plan) };
    }
  }
  const part = parts[position.next];
  if (part === undefined) return { kind: "done", position: { next: position.next, parts } };
  const last = position.next === parts.length - 1;
  return {
    kind: "send",
    position: { next: position.next, parts },
    outgoing: {
      html: part.html,
      progress: last ? finalProgress(plan) : { cursor: part.lastSeq },
    },
  };
}

/** True when the plan has a message after the one at `position`. */
export function hasMessageAfter(plan: SendingPlan, position: ChatPosition): boolean {
  const total = plan.kind === "instant" ? plan.items.length : (position.parts?.length ?? 0);
  return position.next + 1 < total;
}
