import { Composer, type InlineKeyboard } from "grammy";
import { join, translatedHtml } from "../../briefs/html.js";
import { withDelivery } from "../../readers/delivery-settings.js";
import { formatMinuteOfDay, localTimeIn } from "../../readers/local-time.js";
import { DEFAULT_DELIVERY, type DeliverySettings, type Reader } from "../../readers/reader.js";
import { truncateGraphemes } from "../../text/graphemes.js";
import type { Context } from "../context.js";
import { updateReader } from "../helpers/reader.js";
import { parseSettingsArgs } from "../helpers/settings-args.js";
import {
  createDigestHourKeyboard,
  createQuietHoursKeyboard,
  createSettingsKeyboard,
  createZoneKeyboard,
  decodeSettingsButton,
  hourLabel,
  type SettingsView,
  settingsButton,
} from "../keyboards/settings.js";

/**
 * /settings: how pushes are delivered. Buttons for the common choices, and words for
 * the rest (any IANA zone, quiet hours to the minute): /settings tz America/Toronto.
 */

/** How much of a reader's unreadable argument the answer echoes back, in visible characters. */
const MAX_ECHOED_GRAPHEMES = 40;

function deliveryOf(ctx: Context): DeliverySettings {
  return ctx.reader?.delivery ?? DEFAULT_DELIVERY;
}

function panelText(ctx: Context): string {
  const delivery = deliveryOf(ctx);
  const now = ctx.deps.clock.now();
  const local = formatMinuteOfDay(localTimeIn(now, delivery.timeZone).minuteOfDay);
  const t = ctx.t.bind(ctx);
  const lines = [
    translatedHtml(t, "settings-title"),
    delivery.mode === "digest"
      ? translatedHtml(t, "settings-mode-digest", { hour: hourLabel(delivery.digestHour) })
      : translatedHtml(t, "settings-mode-instant"),
    translatedHtml(t, "settings-zone", { zone: delivery.timeZone, time: local }),
    delivery.quietHours
      ? translatedHtml(t, "settings-quiet-on", {
          start: formatMinuteOfDay(delivery.quietHours.start),
          end: formatMinuteOfDay(delivery.quietHours.end),
        })
      : translatedHtml(t, "settings-quiet-off"),
    translatedHtml(t, delivery.linkPreviews ? "settings-previews-on" : "settings-previews-off"),
  ];
  if (ctx.reader && !ctx.reader.active) lines.push(translatedHtml(t, "settings-stopped-note"));
  lines.push(translatedHtml(t, "settings-hint"));
  return join(lines, "\n").html;
}

function viewOf(ctx: Context, view: SettingsView): { text: string; keyboard: InlineKeyboard } {
  const delivery = deliveryOf(ctx);
  const t = ctx.t.bind(ctx);
  switch (view) {
    case "main":
      return { text: panelText(ctx), keyboard: createSettingsKeyboard(t, delivery) };
    case "hour":
      return {
        text: t("settings-hour-title", { zone: delivery.timeZone }),
        keyboard: createDigestHourKeyboard(t, delivery),
      };
    case "zone":
      return {
        text: t("settings-zone-title"),
        keyboard: createZoneKeyboard(t, delivery, ctx.deps.clock.now()),
      };
    case "quiet":
      return { text: t("settings-quiet-title"), keyboard: createQuietHoursKeyboard(t, delivery) };
  }
}

function changeDelivery(
  ctx: Context,
  change: (delivery: DeliverySettings) => DeliverySettings,
): Promise<Reader> {
  const now = ctx.deps.clock.now();
  return updateReader(ctx, (reader) => withDelivery(reader, change(reader.delivery), now));
}

/** Applies `/settings <words>` and returns the answer. */
async function applyWords(ctx: Context, input: string): Promise<string> {
  const args = parseSettingsArgs(input);
  switch (args.kind) {
    case "tz": {
      const { zone } = args;
      await changeDelivery(ctx, (delivery) => ({ ...delivery, timeZone: zone }));
      const time = formatMinuteOfDay(localTimeIn(ctx.deps.clock.now(), zone).minuteOfDay);
      return ctx.t("settings-zone-set", { zone, time });
    }
    case "quiet": {
      const { window } = args;
      await changeDelivery(ctx, (delivery) => ({ ...delivery, quietHours: window }));
      if (window === null) return ctx.t("settings-quiet-cleared");
      return ctx.t("settings-quiet-set", {
        start: formatMinuteOfDay(window.start),
        end: formatMinuteOfDay(window.end),
      });
    }
    case "digest": {
      const reader = await changeDelivery(ctx, (delivery) => ({
        ...delivery,
        mode: "digest",
        digestHour: args.hour ?? delivery.digestHour,
      }));
      return ctx.t("settings-digest-set", {
        hour: hourLabel(reader.delivery.digestHour),
        zone: reader.delivery.timeZone,
      });
    }
    case "instant":
      await changeDelivery(ctx, (delivery) => ({ ...delivery, mode: "instant" }));
      return ctx.t("settings-instant-set");
    case "previews": {
      const { on } = args;
      await changeDelivery(ctx, (delivery) => ({ ...delivery, linkPreviews: on }));
      return ctx.t(on ? "settings-previews-set-on" : "settings-previews-set-off");
    }
    case "invalid": {
      const value = truncateGraphemes(args.value, MAX_ECHOED_GRAPHEMES);
      switch (args.subcommand) {
        case "tz":
          return ctx.t("settings-zone-unknown", { value });
        case "quiet":
          return ctx.t("settings-quiet-invalid", { value });
        case "digest":
          return ctx.t("settings-hour-invalid", { value });
        case "previews":
          return ctx.t("settings-previews-invalid");
      }
      break;
    }
    case "unknown":
      return ctx.t("settings-usage", {
        value: truncateGraphemes(args.value, MAX_ECHOED_GRAPHEMES),
      });
  }
}

async function showView(ctx: Context, view: SettingsView): Promise<void> {
  const { text, keyboard } = viewOf(ctx, view);
  await ctx
    .editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard })
    .catch((error: unknown) => {
      // A tap that changes nothing leaves the message as it was; Telegram says so.
      if (!String((error as Error).message).includes("message is not modified")) throw error;
    });
}

const composer = new Composer<Context>();
// Groups too: there the group administrators change the group's settings (group-admins.ts).
const feature = composer.chatType(["private", "group", "supergroup"]);

feature.command("settings", async (ctx) => {
  const words = ctx.match.trim();
  if (words !== "") {
    await ctx.reply(await applyWords(ctx, words));
    return;
  }
  const { text, keyboard } = viewOf(ctx, "main");
  await ctx.reply(text, {
    parse_mode: "HTML",
    reply_markup: keyboard,
    link_preview_options: { is_disabled: true },
  });
});

feature.callbackQuery(settingsButton.filter, async (ctx) => {
  const tap = decodeSettingsButton(ctx.callbackQuery.data);
  if (tap === undefined) {
    await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
    return;
  }
  if (tap.kind === "view") {
    await ctx.answerCallbackQuery();
    await showView(ctx, tap.view);
    return;
  }
  await changeDelivery(ctx, tap.change);
  await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
  await showView(ctx, "main");
});

export { composer as settingsFeature };
