import { Composer, InlineKeyboard, InputFile } from "grammy";
import { exportReader } from "../../readers/reader-export.js";
import type { Context } from "../context.js";
import { createCallbackData } from "../helpers/callback-data.js";
import { chatIdOf } from "../helpers/reader.js";

/** The /deletedata confirmation: "erase:yes" or "erase:no". */
const eraseButton = createCallbackData("erase", ["answer"]);
const EXPORT_FILE_NAME = "briefbot-my-data.json";

const composer = new Composer<Context>();
const feature = composer.chatType("private");

feature.command("export", async (ctx) => {
  if (!ctx.reader) {
    await ctx.reply(ctx.t("export-nothing"));
    return;
  }
  const data = exportReader(ctx.reader, ctx.deps.clock.now());
  // A file, not messages: it keeps its shape whatever its size, and opens in any JSON tool.
  const file = new InputFile(
    Buffer.from(`${JSON.stringify(data, null, 2)}\n`, "utf8"),
    EXPORT_FILE_NAME,
  );
  await ctx.replyWithDocument(file, { caption: ctx.t("export-intro") });
});

feature.command("deletedata", async (ctx) => {
  if (!ctx.reader) {
    await ctx.reply(ctx.t("deletedata-nothing"));
    return;
  }
  const keyboard = new InlineKeyboard()
    .text(ctx.t("deletedata-button-yes"), eraseButton.pack({ answer: "yes" }))
    .text(ctx.t("deletedata-button-no"), eraseButton.pack({ answer: "no" }));
  await ctx.reply(ctx.t("deletedata-confirm"), { reply_markup: keyboard });
});

feature.callbackQuery(eraseButton.filter, async (ctx) => {
  const answer = eraseButton.unpack(ctx.callbackQuery.data)?.answer;
  if (answer !== "yes") {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("deletedata-cancelled"));
    return;
  }
  const erased = await ctx.deps.readers.remove(chatIdOf(ctx));
  ctx.reader = undefined;
  await ctx.answerCallbackQuery();
  // The question goes, so an old "yes" cannot be tapped again by mistake.
  await ctx.editMessageText(ctx.t(erased ? "deletedata-done" : "deletedata-nothing"));
  ctx.logger.info("reader erased their data");
});

export { composer as myDataFeature };
