import { Composer } from "grammy";
import type { Article } from "../../articles/schema.js";
import {
  createSourceMuteKeyboard,
  feedbackButton,
  isFeedbackAction,
} from "../../feedback/keyboard.js";
import { recentDislikes, recordVote, SOURCE_MUTE_OFFER_AFTER } from "../../feedback/votes.js";
import { truncateGraphemes } from "../../text/graphemes.js";
import { matchArticle, normalizeTerm } from "../../watchlist/match.js";
import { describeTerms } from "../../watchlist/reader-terms.js";
import { addTerms } from "../../watchlist/term-list.js";
import type { Context } from "../context.js";
import { updateReader } from "../helpers/reader.js";
import { TERM_LIMITS } from "../helpers/terms.js";
import { followedTopics, topicNames } from "../helpers/topics.js";

// Telegram shows at most 200 characters in a callback answer.
const MAX_ALERT_LENGTH = 200; // characters

/** The stored article a button names by ledger sequence number. */
function articleOfSeq(ctx: Context, seq: string | undefined): Article | undefined {
  if (seq === undefined || !/^\d{1,12}$/.test(seq)) return undefined;
  const wanted = Number(seq);
  return ctx.deps.articles
    .list()
    .find((article) => ctx.deps.ledger.entry(article.id)?.seq === wanted);
}

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

async function vote(ctx: Context, article: Article, kind: "up" | "down", seq: number) {
  const now = ctx.deps.clock.now();
  const reader = await updateReader(ctx, (current) => ({
    ...current,
    feedback: recordVote(current.feedback, article, kind, now),
  }));
  await ctx.answerCallbackQuery({ text: ctx.t(`feedback-noted-${kind}`) });
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
  const article = articleOfSeq(ctx, data?.seq);
  if (!isFeedbackAction(action) || !article) {
    await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
    return;
  }
  if (action === "why") {
    await ctx.answerCallbackQuery({ text: whyText(ctx, article), show_alert: true });
  } else if (action === "mute") {
    await muteSource(ctx, article);
  } else {
    await vote(ctx, article, action, Number(data?.seq));
  }
});

export { composer as feedbackFeature };
