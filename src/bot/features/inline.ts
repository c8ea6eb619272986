import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { Article } from "../../articles/schema.js";
import { pickBrief } from "../../briefs/render.js";
import { seqOfShareQuery } from "../../feedback/keyboard.js";
import { localeFromLanguageCode } from "../../locales.js";
import { truncateGraphemes } from "../../text/graphemes.js";
import type { Context } from "../context.js";
import { articleOfSeq } from "../helpers/article-seq.js";
import { articlesInScope, type BriefScope, scopeOfWords } from "../helpers/brief-search.js";

/** Telegram takes at most 50 results per answer; a picker shows far fewer at once. */
export const MAX_INLINE_RESULTS = 20;
/**
 * Short, and personal: the list follows the reader's mutes and votes, and a brief
 * published a minute ago should show up. Telegram's default is 300 s.
 */
export const INLINE_CACHE_TIME_S = 10;
// What the picker shows of a result; the message itself is the whole brief.
const MAX_RESULT_TITLE = 120; // graphemes
const MAX_RESULT_DESCRIPTION = 160; // graphemes

/** Result ids stay ASCII and short (Telegram allows 64 bytes): "b" and the seq. */
function resultIdOf(seq: number): string {
  return `b${seq}`;
}

function resultFor(ctx: Context, article: Article, seq: number): InlineQueryResultArticle {
  const locale = localeFromLanguageCode(ctx.from?.language_code);
  const { brief, locale: shown } = pickBrief(article, locale);
  // A brief in the other language says so in the list, as it does in the message.
  const flag = shown === locale ? "" : ` ${ctx.t(`brief-flag-${shown}`)}`;
  return {
    type: "article",
    id: resultIdOf(seq),
    title: `${truncateGraphemes(brief.title, MAX_RESULT_TITLE)}${flag}`,
    description: truncateGraphemes(brief.summary, MAX_RESULT_DESCRIPTION),
    url: article.url,
    input_message_content: {
      message_text: ctx.deps.briefs(article, locale).html,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
  };
}

/** The articles a query names: one brief (#seq), a search like /latest's, or the newest. */
function articlesFor(ctx: Context, query: string): readonly Article[] {
  const shared = seqOfShareQuery(query);
  if (shared !== undefined) {
    const article = articleOfSeq(ctx.deps, shared);
    return article ? [article] : [];
  }
  let scope: BriefScope = { kind: "all" };
  if (query !== "") {
    const found = scopeOfWords(ctx.deps.topics, query);
    if (found.kind === "invalid") return [];
    scope = found.scope;
  }
  // The person typing is a reader in their private chat with the bot, if they started it.
  const reader = ctx.from ? ctx.deps.readers.get(ctx.from.id) : undefined;
  return articlesInScope(ctx.deps.articles.list(), scope, [], reader);
}

const composer = new Composer<Context>();

composer.on("inline_query", async (ctx) => {
  const query = ctx.inlineQuery.query.trim();
  const results: InlineQueryResultArticle[] = [];
  for (const article of articlesFor(ctx, query)) {
    const seq = ctx.deps.ledger.entry(article.id)?.seq;
    if (seq === undefined) continue;
    results.push(resultFor(ctx, article, seq));
    if (results.length === MAX_INLINE_RESULTS) break;
  }
  await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_TIME_S, is_personal: true });
});

// A brief the reader picked into their own chat with the bot arrives as their message
// "via" the bot: it is a share, not a request, so it gets no "I did not understand".
composer.on("message", (ctx, next) => (ctx.msg.via_bot?.id === ctx.me.id ? undefined : next()));

export { composer as inlineFeature };
