import { sequentialize } from "@grammyjs/runner";
import { Bot, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotDeps, Context } from "./context.js";
import { channelsFeature } from "./features/channels.js";
import { feedbackFeature } from "./features/feedback.js";
import { groupsFeature } from "./features/groups.js";
import { inlineFeature } from "./features/inline.js";
import { languageFeature } from "./features/language.js";
import { latestFeature } from "./features/latest.js";
import { myDataFeature } from "./features/my-data.js";
import { settingsFeature } from "./features/settings.js";
import { sourcesFeature } from "./features/sources.js";
import { startFeature } from "./features/start.js";
import { statsFeature } from "./features/stats.js";
import { stopFeature } from "./features/stop.js";
import { topicsFeature } from "./features/topics.js";
import { unhandledFeature } from "./features/unhandled.js";
import { watchFeature } from "./features/watch.js";
import { errorHandler } from "./handlers/error.js";
import { attachDeps } from "./middlewares/attach-deps.js";
import { groupAdminsOnly } from "./middlewares/group-admins.js";
import { trackCallbackAnswer } from "./middlewares/track-callback-answer.js";

export interface CreateBotOptions {
  /** Known identity, so no getMe round trip is needed (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  /** Middleware that must see every update first (e.g. the shutdown in-flight counter). */
  before?: MiddlewareFn<Context>[];
}

export function createBot(deps: BotDeps, options: CreateBotOptions = {}): Bot<Context> {
  const bot = new Bot<Context>(deps.config.botToken, {
    client: { apiRoot: deps.config.apiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // No retry transformer here: app.ts installs the outbound lane, which paces every
  // reply with the pushes and owns the 429 rule (telegram/outbound-lane.ts).

  // Middlewares
  for (const middleware of options.before ?? []) bot.use(middleware);
  // Concurrent handling (runner, webhooks) but one chat's updates in order.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bot.use(attachDeps(deps));
  bot.use(trackCallbackAnswer);
  bot.use(deps.i18n);

  // Handlers, in the order they get a chance at an update
  const handlers = bot.errorBoundary(errorHandler);
  handlers.use(inlineFeature);
  handlers.use(groupsFeature);
  // Group settings are for group admins: checked before any feature changes them.
  handlers.use(groupAdminsOnly());
  handlers.use(startFeature);
  handlers.use(latestFeature);
  handlers.use(topicsFeature);
  handlers.use(languageFeature);
  handlers.use(stopFeature);
  handlers.use(settingsFeature);
  handlers.use(channelsFeature);
  handlers.use(watchFeature);
  handlers.use(myDataFeature);
  handlers.use(feedbackFeature);
  // admin-only; others fall through to the unknown-command hint below
  handlers.use(statsFeature);
  handlers.use(sourcesFeature);
  // must be the last handler
  handlers.use(unhandledFeature);

  bot.catch(errorHandler);
  return bot;
}
