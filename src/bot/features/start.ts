import { Composer } from "grammy";
import { join, text, translatedHtml } from "../../briefs/html.js";
import { reactivateReader } from "../../readers/reader.js";
import type { Context } from "../context.js";
import { updateReader } from "../helpers/reader.js";
import { replyHtml } from "../helpers/reply.js";
import { allTopicNames, followedTopics } from "../helpers/topics.js";
import { createTopicsKeyboard } from "../keyboards/topics.js";

const composer = new Composer<Context>();
const feature = composer.chatType("private");

feature.command("start", async (ctx) => {
  const returning = ctx.reader !== undefined && !ctx.reader.active;
  const now = ctx.deps.clock.now();
  await updateReader(ctx, (reader) => reactivateReader(reader, now));
  await replyHtml(
    ctx,
    [
      join(
        [
          text(ctx.t("start-greeting", { name: ctx.from.first_name })),
          text(ctx.t(returning ? "start-resumed" : "start-intro")),
          text(ctx.t("start-commands")),
          text(ctx.t("start-pick-topics")),
        ],
        "\n\n",
      ),
    ],
    { reply_markup: createTopicsKeyboard(ctx.t, followedTopics(ctx)) },
  );
});

feature.command("help", async (ctx) => {
  await replyHtml(ctx, [translatedHtml(ctx.t, "help", { topics: allTopicNames(ctx) })]);
});

export { composer as startFeature };
