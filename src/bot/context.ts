import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Context as BaseContext } from "grammy";
import type { ArticleLedger } from "../articles/article-ledger.js";
import type { ArticleStore } from "../articles/article-store.js";
import type { BriefRenderer } from "../briefs/render.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { SourcesDesk } from "../newsroom/sources-desk.js";
import type { PushStatsSource } from "../push/push-stats.js";
import type { Reader } from "../readers/reader.js";
import type { ReaderStore } from "../readers/reader-store.js";
import type { TopicMatcher } from "../topics/aliases.js";

/** Everything the bot's features need, passed in by main.ts (or a test, the demo, a benchmark). */
export interface BotDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  i18n: I18n<Context>;
  articles: ArticleStore;
  /** Briefs as HTML, rendered once per article, language and time zone. */
  briefs: BriefRenderer;
  readers: ReaderStore;
  ledger: ArticleLedger;
  topics: TopicMatcher;
  pushStats: PushStatsSource;
  /** Which brief each pushed message holds, for reactions and /why replies. */
  /** sources.json and its health, for the admin commands. */
  sources: SourcesDesk;
}

interface ExtrasFlavor {
  deps: BotDeps;
  /** Child logger carrying update_id and chat_id. */
  logger: Logger;
  /** The reader's stored state, when this chat has any. */
  reader: Reader | undefined;
  /** Whether this update's callback query has been answered (see track-callback-answer.ts). */
  callbackAnswered: boolean;
}

export type Context = BaseContext & ExtrasFlavor & I18nFlavor;
