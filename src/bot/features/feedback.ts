import { Composer } from "grammy";
import type { Message } from "grammy/types";
import type { Article } from "../../articles/schema.js";
import {
  createSourceMuteKeyboard,
  feedbackButton,
  isFeedbackAction,
} from "../../feedback/keyboard.js";
import { feedbackSeqOf, seqOfPushed } from "../../feedback/pushed-briefs.js";
import { voteOfReactions } from "../../feedback/reactions.js";
import {
  recentDislikes,
  recordVote,
  removeVote,
  SOURCE_MUTE_OFFER_AFTER,
} from "../../feedback/votes.js";
import { truncateGraphemes } from "../../text/graphemes.js";
import { matchArticle, normalizeTerm } from "../../watchlist/match.js";
import { describeTerms } from "../../watchlist/reader-terms.js";
import { addTerms } from "../../watchlist/term-list.js";
import type { Context } from "../context.js";
import { articleOfSeq } from "../helpers/article-seq.js";
import { updateReader } from "../helpers/reader.js";
import { TERM_LIMITS } from "../helpers/terms.js";
import { followedTopics, topicNames } from "../helpers/topics.js";

// Telegram shows at most 200 characters in a callback answer.
const MAX_ALERT_LENGTH = 200; // characters

/** Why the reader got this brief: the topics, watched terms and source behind it. */
function whyText(ctx: Context, article: Article): string {
  const topics = followedTopics(ctx).filter((topic) => article.topics.includes(topic));
  const watched = matchArticle(article, Object.keys(ctx.reader?.watch ?? {}));
  const lines: string[] = [];
  if (topics.length > 0) lines.push(ctx.t("why-topics", { topics: topicNames(ctx, topics) }));
  if (watched.length > 0) lines.push(ctx.t("why-watch", { terms: describeTerms(watched) }));
  if (lines.length === 0) lines.push(ctx.t("why-nothing"));
  lines.push(ctx.t("why-source", { source: article.source }));
  return truncateGraphemes(lines.join("\n"), MAX_ALERT_LENGTH - 1);
}

/**
 * Stores the reader's vote (or takes it back) and, on the 👎 that reaches the
 * threshold, offers to mute the source. Buttons and reactions both come here.
 */
async function recordFeedback(
  ctx: Context,
  article: Article,
  kind: "up" | "down" | undefined,
  seq: number,
  acknowledge: () => Promise<unknown>,
) {
  const now = ctx.deps.clock.now();
  const reader = await updateReader(ctx, (current) => ({
    ...current,
    feedback:
      kind === undefined
        ? removeVote(current.feedback, article.id)
        : recordVote(current.feedback, article, kind, now),
  }));
  await acknowledge();
  if (kind !== "down") return;
  const sourceTerm = normalizeTerm(`source:${article.source}`);
  const muted = reader.mute?.[sourceTerm] !== undefined;
  // Offered once, on the vote that reaches the threshold, not on every later one.
  if (!muted && recentDislikes(reader.feedback, article.source, now) === SOURCE_MUTE_OFFER_AFTER) {
    await ctx.reply(
      ctx.t("feedback-mute-offer", { source: article.source, count: SOURCE_MUTE_OFFER_AFTER }),
      { reply_markup: createSourceMuteKeyboard(ctx.t, seq, article.source) },
    );
  }
}

async function muteSource(ctx: Context, article: Article) {
  const term = normalizeTerm(`source:${article.source}`);
  const now = ctx.deps.clock.now();
  let full = false;
  await updateReader(ctx, (reader) => {
    const added = addTerms(reader.mute, [term], now);
    full = added.full;
    return full ? reader : { ...reader, mute: added.list };
  });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(
    full
      ? ctx.t("mute-full", {
          max: TERM_LIMITS.max,
          count: Object.keys(ctx.reader?.mute ?? {}).length,
        })
      : ctx.t("feedback-source-muted", { source: article.source }),
  );
}

const composer = new Composer<Context>();
const feature = composer.chatType("private");

feature.callbackQuery(feedbackButton.filter, async (ctx) => {
  const data = feedbackButton.unpack(ctx.callbackQuery.data);
  const action = data?.action;
  const article = articleOfSeq(ctx.deps, data?.seq);
  if (!isFeedbackAction(action) || !article) {
    await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
    return;
  }
  if (action === "why") {
    await ctx.answerCallbackQuery({ text: whyText(ctx, article), show_alert: true });
  } else if (action === "mute") {
    await muteSource(ctx, article);
  } else {
    await recordFeedback(ctx, article, action, Number(data?.seq), () =>
      ctx.answerCallbackQuery({ text: ctx.t(`feedback-noted-${action}`) }),
    );
  }
});

// A reaction is quiet feedback: it counts, and the bot says nothing (but the mute offer).
feature.on("message_reaction", async (ctx) => {
  const { message_id, old_reaction, new_reaction } = ctx.messageReaction;
  const seq = seqOfPushed(ctx.reader?.pushed, message_id);
  const article = articleOfSeq(ctx.deps, seq);
  if (seq === undefined || !article) return;
  const kind = voteOfReactions(old_reaction, new_reaction);
  const current = ctx.reader?.feedback?.[article.id]?.vote;
  if (kind === current) return;
  await recordFeedback(ctx, article, kind, seq, async () => undefined);
});

/** The brief a message holds: as recorded at push time, or read off its 👍 button. */
function seqOfMessage(ctx: Context, message: Message | undefined): number | undefined {
  if (message === undefined || message.from?.id !== ctx.me.id) return undefined;
  return seqOfPushed(ctx.reader?.pushed, message.message_id) ?? feedbackSeqOf(message.reply_markup);
}

// "/why" in reply to a pushed brief: the answer the Why? button gives, as a message.
feature.command("why", async (ctx) => {
  const article = articleOfSeq(ctx.deps, seqOfMessage(ctx, ctx.message?.reply_to_message));
  await ctx.reply(article ? whyText(ctx, article) : ctx.t("feedback-reply-why-none"));
});

export { composer as feedbackFeature };
