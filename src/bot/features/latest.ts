import { Composer, InlineKeyboard } from "grammy";
import type { Article } from "../../articles/schema.js";
import { type Html, text } from "../../briefs/html.js";
import { isTopicId, type TopicId } from "../../topics/catalog.js";
import type { Context } from "../context.js";
import { createCallbackData } from "../helpers/callback-data.js";
import { replyHtml } from "../helpers/reply.js";
import { allTopicNames, followedTopics, topicNames } from "../helpers/topics.js";
import { describeUnknown } from "../helpers/unknown-words.js";

export const LATEST_PAGE_SIZE = 5;
/** Paging /latest changes nothing: open to every member of a group. */
export const moreButton = createCallbackData("more", ["scope", "offset"]);
// No store holds this many articles; an offset beyond it is forged.
const MAX_OFFSET = 100_000;

/** What a page lists: everything, the reader's topics, or the topics named in /latest. */
type Scope = { kind: "all" } | { kind: "mine" } | { kind: "topics"; topics: TopicId[] };

function encodeScope(scope: Scope): string {
  if (scope.kind === "topics") return scope.topics.join("+");
  return scope.kind;
}

function decodeScope(value: string): Scope | undefined {
  if (value === "all" || value === "mine") return { kind: value };
  const topics = value.split("+");
  return topics.every(isTopicId) ? { kind: "topics", topics } : undefined;
}

function articlesIn(ctx: Context, scope: Scope): readonly Article[] {
  const all = ctx.deps.articles.list();
  const wanted =
    scope.kind === "topics" ? scope.topics : scope.kind === "mine" ? followedTopics(ctx) : [];
  if (wanted.length === 0) return all;
  return all.filter((article) => article.topics.some((topic) => wanted.includes(topic)));
}

async function sendPage(ctx: Context, scope: Scope, offset: number): Promise<void> {
  const articles = articlesIn(ctx, scope);
  const page = articles.slice(offset, offset + LATEST_PAGE_SIZE);
  if (page.length === 0) {
    const key =
      offset > 0
        ? "latest-no-more"
        : scope.kind === "topics"
          ? "latest-empty-topic"
          : "latest-empty";
    const topic = scope.kind === "topics" ? topicNames(ctx, scope.topics) : "";
    await ctx.reply(ctx.t(key, { topic }));
    return;
  }
  const locale = (await ctx.i18n.getLocale()) === "fr" ? "fr" : "en";
  const timeZone = ctx.reader?.delivery.timeZone;
  const blocks: Html[] = [];
  if (offset === 0) {
    blocks.push(
      text(
        scope.kind === "topics"
          ? ctx.t("latest-header-topic", { topic: topicNames(ctx, scope.topics) })
          : ctx.t(scope.kind === "mine" ? "latest-header-yours" : "latest-header-all"),
      ),
    );
  }
  for (const article of page) blocks.push(ctx.deps.briefs(article, locale, timeZone));
  const next = offset + page.length;
  const more =
    next < articles.length
      ? new InlineKeyboard().text(
          ctx.t("latest-more"),
          moreButton.pack({ scope: encodeScope(scope), offset: next }),
        )
      : undefined;
  await replyHtml(ctx, blocks, more ? { reply_markup: more } : {});
}

const composer = new Composer<Context>();
const feature = composer.chatType(["private", "group", "supergroup"]);

feature.command("latest", async (ctx) => {
  const args = ctx.match.trim();
  if (args === "") {
    await sendPage(ctx, followedTopics(ctx).length > 0 ? { kind: "mine" } : { kind: "all" }, 0);
    return;
  }
  const { topics, unknown } = ctx.deps.topics.parse(args);
  if (unknown.length > 0 || topics.length === 0) {
    await ctx.reply(
      ctx.t("topic-unknown", { words: describeUnknown(unknown), topics: allTopicNames(ctx) }),
    );
    return;
  }
  await sendPage(ctx, { kind: "topics", topics }, 0);
});

feature.callbackQuery(moreButton.filter, async (ctx) => {
  const data = moreButton.unpack(ctx.callbackQuery.data);
  const scope = data && decodeScope(data.scope);
  const offset = /^\d{1,6}$/.test(data?.offset ?? "") ? Number(data?.offset) : Number.NaN;
  if (!scope || !(offset <= MAX_OFFSET)) {
    await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
    return;
  }
  await ctx.answerCallbackQuery();
  // The button has done its job; drop it so the older page cannot be asked for twice.
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  await sendPage(ctx, scope, offset);
});

export { composer as latestFeature };
