import { Composer } from "grammy";
import { translatedHtml } from "../../briefs/html.js";
import { routeTopics } from "../../readers/forum-routes.js";
import { reactivateReader } from "../../readers/reader.js";
import { isTopicId, type TopicId } from "../../topics/catalog.js";
import type { Context } from "../context.js";
import { updateReader } from "../helpers/reader.js";
import { replyHtml } from "../helpers/reply.js";
import { allTopicNames, followedTopics, topicNames } from "../helpers/topics.js";
import { describeUnknown } from "../helpers/unknown-words.js";
import { createTopicsKeyboard, topicToggleButton } from "../keyboards/topics.js";

/**
 * Follows or leaves topics; following also turns pushes back on after /stop. In a
 * forum, following from inside a thread routes those topics there (`threadId`), and
 * following from General or leaving takes their route away.
 */
async function changeTopics(
  ctx: Context,
  topics: readonly TopicId[],
  follow: boolean,
  threadId?: number,
) {
  const now = ctx.deps.clock.now();
  return updateReader(ctx, (current) => {
    const reader = follow ? reactivateReader(current, now) : current;
    const next = { ...reader.topics };
    for (const topic of topics) {
      if (!follow) delete next[topic];
      // Keep the original time: re-following must not re-open older articles.
      else next[topic] ??= now.toISOString();
    }
    const routed = reader.threads !== undefined || threadId !== undefined;
    const threads = routeTopics(reader.threads, topics, follow ? threadId : undefined);
    return { ...reader, topics: next, ...(routed ? { threads } : {}) };
  });
}

/** The forum thread a message was written in; undefined in General and outside forums. */
function threadOf(ctx: Context): number | undefined {
  return ctx.msg?.is_topic_message ? ctx.msg.message_thread_id : undefined;
}

const composer = new Composer<Context>();
// Groups too: there the group administrators change the group's settings (group-admins.ts).
const feature = composer.chatType(["private", "group", "supergroup"]);

feature.command("topics", async (ctx) => {
  await replyHtml(ctx, [translatedHtml(ctx.t, "topics-title")], {
    reply_markup: createTopicsKeyboard(ctx.t, followedTopics(ctx)),
  });
});

feature.callbackQuery(topicToggleButton.filter, async (ctx) => {
  const topic = topicToggleButton.unpack(ctx.callbackQuery.data)?.id;
  if (!isTopicId(topic)) {
    await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
    return;
  }
  const follow = !followedTopics(ctx).includes(topic);
  await changeTopics(ctx, [topic], follow, threadOf(ctx));
  const name = ctx.t(`topic-${topic}`);
  await ctx.answerCallbackQuery({
    text: ctx.t(follow ? "topic-followed" : "topic-left", { name }),
  });
  // Same message, new ticks: the keyboard is edited in place.
  await ctx.editMessageReplyMarkup({
    reply_markup: createTopicsKeyboard(ctx.t, followedTopics(ctx)),
  });
});

for (const [command, follow] of [
  ["subscribe", true],
  ["unsubscribe", false],
] as const) {
  feature.command(command, async (ctx) => {
    const args = ctx.match.trim();
    const followed = followedTopics(ctx);
    if (args === "") {
      const topics = follow ? allTopicNames(ctx) : topicNames(ctx, followed) || "—";
      await ctx.reply(ctx.t(`${command}-usage`, { topics }));
      return;
    }
    const { topics, unknown } = ctx.deps.topics.parse(args);
    if (unknown.length > 0 || topics.length === 0) {
      await ctx.reply(
        ctx.t("subscribe-unknown", { words: describeUnknown(unknown), topics: allTopicNames(ctx) }),
      );
      return;
    }
    const wasActive = ctx.reader?.active ?? false;
    const threadId = threadOf(ctx);
    const rerouting = topics.some((topic) => ctx.reader?.threads?.[topic] !== threadId);
    const changing = topics.filter((topic) => followed.includes(topic) !== follow);
    if (changing.length === 0 && (wasActive || !follow) && !(follow && rerouting)) {
      const key = follow ? "subscribe-already" : "unsubscribe-not-following";
      await ctx.reply(ctx.t(key, { topics: topicNames(ctx, topics) }));
      return;
    }
    await changeTopics(ctx, follow ? topics : changing, follow, threadId);
    const done = follow
      ? threadId === undefined
        ? "subscribe-done"
        : "subscribe-done-thread"
      : "unsubscribe-done";
    await ctx.reply(
      ctx.t(done, {
        topics: topicNames(ctx, follow ? topics : changing),
      }),
    );
  });
}

export { composer as topicsFeature };
