import { Composer, InlineKeyboard } from "grammy";
import type { Article } from "../../articles/schema.js";
import { type Html, text } from "../../briefs/html.js";
import { isTopicId } from "../../topics/catalog.js";
import { normalizeTerm } from "../../watchlist/match.js";
import { describeTerms } from "../../watchlist/reader-terms.js";
import type { Context } from "../context.js";
import { articlesInScope, type BriefScope, scopeOfWords } from "../helpers/brief-search.js";
import { createCallbackData } from "../helpers/callback-data.js";
import { replyHtml } from "../helpers/reply.js";
import { describeProblems } from "../helpers/terms.js";
import { allTopicNames, followedTopics, topicNames } from "../helpers/topics.js";

export const LATEST_PAGE_SIZE = 5;
/** Paging /latest changes nothing: open to every member of a group. */
export const moreButton = createCallbackData("more", ["scope", "offset"]);
// No store holds this many articles; an offset beyond it is forged.
const MAX_OFFSET = 100_000;

// Marks a terms scope in button data; topic ids never start with it.
const TERMS_MARK = "~";

type Scope = BriefScope;

function encodeScope(scope: Scope): string {
  if (scope.kind === "topics") return scope.topics.join("+");
  if (scope.kind === "terms") return `${TERMS_MARK}${scope.terms.join("+")}`;
  return scope.kind;
}

function decodeScope(value: string): Scope | undefined {
  if (value === "all" || value === "mine") return { kind: value };
  if (value.startsWith(TERMS_MARK)) {
    const terms = value.slice(TERMS_MARK.length).split("+");
    // Forged data: only terms in the form /latest itself would have stored.
    const valid = terms.every((term) => term !== "" && normalizeTerm(term) === term);
    return valid ? { kind: "terms", terms } : undefined;
  }
  const topics = value.split("+");
  return topics.every(isTopicId) ? { kind: "topics", topics } : undefined;
}

function articlesIn(ctx: Context, scope: Scope): readonly Article[] {
  return articlesInScope(ctx.deps.articles.list(), scope, followedTopics(ctx), ctx.reader);
}

/** The "older" button, unless the scope does not fit in button data (long or odd terms). */
function moreKeyboard(ctx: Context, scope: Scope, offset: number): InlineKeyboard | undefined {
  try {
    const data = moreButton.pack({ scope: encodeScope(scope), offset });
    return new InlineKeyboard().text(ctx.t("latest-more"), data);
  } catch {
    return undefined;
  }
}

function headerOf(ctx: Context, scope: Scope): string {
  if (scope.kind === "topics") {
    return ctx.t("latest-header-topic", { topic: topicNames(ctx, scope.topics) });
  }
  if (scope.kind === "terms") {
    return ctx.t("latest-header-term", { terms: describeTerms(scope.terms) });
  }
  return ctx.t(scope.kind === "mine" ? "latest-header-yours" : "latest-header-all");
}

function emptyAnswer(ctx: Context, scope: Scope, offset: number): string {
  if (offset > 0) return ctx.t("latest-no-more");
  if (scope.kind === "topics") {
    return ctx.t("latest-empty-topic", { topic: topicNames(ctx, scope.topics) });
  }
  if (scope.kind === "terms") {
    return ctx.t("latest-empty-term", {
      terms: describeTerms(scope.terms),
      topics: allTopicNames(ctx),
    });
  }
  return ctx.t("latest-empty");
}

async function sendPage(ctx: Context, scope: Scope, offset: number): Promise<void> {
  const articles = articlesIn(ctx, scope);
  const page = articles.slice(offset, offset + LATEST_PAGE_SIZE);
  if (page.length === 0) {
    await ctx.reply(emptyAnswer(ctx, scope, offset));
    return;
  }
  const locale = (await ctx.i18n.getLocale()) === "fr" ? "fr" : "en";
  const timeZone = ctx.reader?.delivery.timeZone;
  const blocks: Html[] = [];
  if (offset === 0) blocks.push(text(headerOf(ctx, scope)));
  for (const article of page) blocks.push(ctx.deps.briefs(article, locale, timeZone));
  const next = offset + page.length;
  const more = next < articles.length ? moreKeyboard(ctx, scope, next) : undefined;
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
  const found = scopeOfWords(ctx.deps.topics, args);
  if (found.kind === "invalid") {
    await ctx.reply(
      found.problems.length > 0 ? describeProblems(ctx, found.problems) : ctx.t("term-none"),
    );
    return;
  }
  await sendPage(ctx, found.scope, 0);
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
