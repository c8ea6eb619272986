import { InlineKeyboard } from "grammy";
import { createCallbackData } from "../bot/helpers/callback-data.js";
import type { Translate } from "../briefs/render.js";

/**
 * The row under a pushed brief: "fb:<up|down|why>:<seq>", and "fb:mute:<seq>" on the
 * source-mute offer. The article travels as its ledger sequence number: an id can be
 * longer than callback data allows, a number never is.
 */
export const feedbackButton = createCallbackData("fb", ["action", "seq"]);

export type FeedbackAction = "up" | "down" | "why" | "mute";

export function isFeedbackAction(value: string | undefined): value is FeedbackAction {
  return value === "up" || value === "down" || value === "why" || value === "mute";
}

/**
 * 👍 · 👎 · Why?, then Share on a row of its own, for the brief of ledger item `seq`
 * (broadcast attaches it to pushes). Share opens Telegram's chat picker with
 * "@bot #<seq>" typed in, which inline mode answers with this one brief.
 */
export function createFeedbackKeyboard(t: Translate, seq: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("feedback-button-up"), feedbackButton.pack({ action: "up", seq }))
    .text(t("feedback-button-down"), feedbackButton.pack({ action: "down", seq }))
    .text(t("feedback-button-why"), feedbackButton.pack({ action: "why", seq }))
    .row()
    .switchInlineChosen(t("feedback-button-share"), {
      query: shareQueryOf(seq),
      allow_user_chats: true,
      allow_group_chats: true,
      allow_channel_chats: true,
    });
}

/** The inline query that finds exactly the brief of ledger item `seq`: "#<seq>". */
export function shareQueryOf(seq: number): string {
  return `#${seq}`;
}

/** The ledger seq a Share query names (as digits), or undefined for any other query. */
export function seqOfShareQuery(query: string): string | undefined {
  return /^#(\d{1,12})$/.exec(query)?.[1];
}

export function createSourceMuteKeyboard(
  t: Translate,
  seq: number,
  source: string,
): InlineKeyboard {
  return new InlineKeyboard().text(
    t("feedback-mute-source-button", { source }),
    feedbackButton.pack({ action: "mute", seq }),
  );
}
