import { Composer, InlineKeyboard } from "grammy";
import { join, translatedHtml } from "../../briefs/html.js";
import { isValidTimeZone } from "../../config.js";
import {
  formatMinuteOfDay,
  localTimeIn,
  parseMinuteOfDay,
  settleDigestDay,
} from "../../readers/local-time.js";
import { DEFAULT_DELIVERY, type DeliverySettings, type Reader } from "../../readers/reader.js";
import { normalizeTopicText } from "../../topics/aliases.js";
import type { Context } from "../context.js";
import { createCallbackData } from "../helpers/callback-data.js";
import { updateReader } from "../helpers/reader.js";

/**
 * /settings: how pushes are delivered. Buttons for the common choices, and words for
 * the rest (any IANA zone, quiet hours to the minute): /settings tz America/Toronto.
 */
/** A settings button: "set:<kind>:<value>", e.g. "set:tz:Europe/Paris". */
const settingsButton = createCallbackData("set", ["kind", "value"]);
const HOURS_PER_ROW = 6;
const ZONES_PER_ROW = 2;

/** Zones offered as buttons: where French and English readers mostly live. */
export const ZONE_CHOICES = [
  "UTC",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Istanbul",
  "Africa/Casablanca",
  "Africa/Abidjan",
  "Africa/Lagos",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
  "America/Sao_Paulo",
  "America/New_York",
  "America/Toronto",
  "America/Chicago",
  "America/Los_Angeles",
] as const;

/** Quiet-hour windows offered as buttons, in minutes after midnight. */
const QUIET_CHOICES: readonly { start: number; end: number }[] = [
  { start: 22 * 60, end: 7 * 60 },
  { start: 23 * 60, end: 7 * 60 },
  { start: 22 * 60, end: 8 * 60 },
  { start: 23 * 60, end: 8 * 60 },
  { start: 21 * 60, end: 6 * 60 },
  { start: 0, end: 7 * 60 },
];

type View = "main" | "hour" | "zone" | "quiet";

function deliveryOf(ctx: Context): DeliverySettings {
  return ctx.reader?.delivery ?? DEFAULT_DELIVERY;
}

const hourLabel = (hour: number) => formatMinuteOfDay(hour * 60);
const quietValue = (window: { start: number; end: number }) => `${window.start}-${window.end}`;

function selected(ctx: Context, label: string, isSelected: boolean): string {
  return isSelected ? ctx.t("settings-button-selected", { label }) : label;
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

function mainKeyboard(ctx: Context): InlineKeyboard {
  const delivery = deliveryOf(ctx);
  const keyboard = new InlineKeyboard()
    .text(
      selected(ctx, ctx.t("settings-button-instant"), delivery.mode === "instant"),
      settingsButton.pack({ kind: "mode", value: "instant" }),
    )
    .text(
      selected(ctx, ctx.t("settings-button-digest"), delivery.mode === "digest"),
      settingsButton.pack({ kind: "mode", value: "digest" }),
    )
    .row();
  if (delivery.mode === "digest") {
    keyboard
      .text(
        ctx.t("settings-button-hour", { hour: hourLabel(delivery.digestHour) }),
        settingsButton.pack({ kind: "view", value: "hour" }),
      )
      .row();
  }
  return keyboard
    .text(ctx.t("settings-button-quiet"), settingsButton.pack({ kind: "view", value: "quiet" }))
    .text(ctx.t("settings-button-zone"), settingsButton.pack({ kind: "view", value: "zone" }))
    .row()
    .text(
      ctx.t(delivery.linkPreviews ? "settings-button-previews-on" : "settings-button-previews-off"),
      settingsButton.pack({ kind: "previews", value: delivery.linkPreviews ? "off" : "on" }),
    );
}

function viewOf(ctx: Context, view: View): { text: string; keyboard: InlineKeyboard } {
  const delivery = deliveryOf(ctx);
  const keyboard = new InlineKeyboard();
  const back = () =>
    keyboard
      .row()
      .text(ctx.t("settings-button-back"), settingsButton.pack({ kind: "view", value: "main" }));
  switch (view) {
    case "main":
      return { text: panelText(ctx), keyboard: mainKeyboard(ctx) };
    case "hour":
      for (let hour = 0; hour < 24; hour += 1) {
        if (hour > 0 && hour % HOURS_PER_ROW === 0) keyboard.row();
        keyboard.text(
          selected(ctx, hourLabel(hour), hour === delivery.digestHour),
          settingsButton.pack({ kind: "hour", value: hour }),
        );
      }
      back();
      return { text: ctx.t("settings-hour-title", { zone: delivery.timeZone }), keyboard };
    case "zone": {
      const now = ctx.deps.clock.now();
      ZONE_CHOICES.forEach((zone, index) => {
        if (index > 0 && index % ZONES_PER_ROW === 0) keyboard.row();
        const city = (zone.split("/").at(-1) ?? zone).replace(/_/g, " ");
        const time = formatMinuteOfDay(localTimeIn(now, zone).minuteOfDay);
        keyboard.text(
          selected(ctx, `${city} · ${time}`, zone === delivery.timeZone),
          settingsButton.pack({ kind: "tz", value: zone }),
        );
      });
      back();
      return { text: ctx.t("settings-zone-title"), keyboard };
    }
    case "quiet":
      keyboard.text(
        selected(ctx, ctx.t("settings-button-quiet-off"), delivery.quietHours === null),
        settingsButton.pack({ kind: "quiet", value: "off" }),
      );
      QUIET_CHOICES.forEach((window, index) => {
        if (index % 2 === 1) keyboard.row();
        const label = `${formatMinuteOfDay(window.start)}–${formatMinuteOfDay(window.end)}`;
        const isCurrent =
          delivery.quietHours?.start === window.start && delivery.quietHours.end === window.end;
        keyboard.text(
          selected(ctx, label, isCurrent),
          settingsButton.pack({ kind: "quiet", value: quietValue(window) }),
        );
      });
      back();
      return { text: ctx.t("settings-quiet-title"), keyboard };
  }
}

/** Saves new delivery settings; a changed mode, hour or zone re-settles the digest day. */
async function changeDelivery(
  ctx: Context,
  change: (delivery: DeliverySettings) => DeliverySettings,
): Promise<Reader> {
  const now = ctx.deps.clock.now();
  return updateReader(ctx, (reader) => {
    const delivery = change(reader.delivery);
    const timing =
      delivery.mode !== reader.delivery.mode ||
      delivery.digestHour !== reader.delivery.digestHour ||
      delivery.timeZone !== reader.delivery.timeZone;
    const lastDigestOn = timing
      ? settleDigestDay(delivery, reader.lastDigestOn, now)
      : reader.lastDigestOn;
    return { ...reader, delivery, lastDigestOn };
  });
}

/** The zone's canonical IANA spelling ("europe/paris" → "Europe/Paris"), if it is one. */
function canonicalZone(value: string): string | undefined {
  if (value === "" || !isValidTimeZone(value)) return undefined;
  return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
}

/** "22:00-07:00", "22h-7h", "22 – 7" → a window; undefined when unreadable or empty. */
function parseQuietHours(value: string): { start: number; end: number } | undefined {
  const parts = value.split(/\s*[-–—]\s*|\s+(?:to|à|a)\s+/i);
  if (parts.length !== 2) return undefined;
  const start = parseMinuteOfDay(parts[0] ?? "");
  const end = parseMinuteOfDay(parts[1] ?? "");
  if (start === undefined || end === undefined || start === end) return undefined;
  return { start, end };
}

const OFF_WORDS = new Set(["off", "non", "no", "aucune", "none", "desactiver", "stop"]);
const ON_WORDS = new Set(["on", "oui", "yes", "activer"]);

/** What readers type after /settings, normalized (lowercase, no accents). */
const SUBCOMMANDS: Record<string, "tz" | "quiet" | "digest" | "instant" | "previews"> = {
  tz: "tz",
  timezone: "tz",
  zone: "tz",
  fuseau: "tz",
  quiet: "quiet",
  calme: "quiet",
  calmes: "quiet",
  digest: "digest",
  resume: "digest",
  instant: "instant",
  immediat: "instant",
  previews: "previews",
  preview: "previews",
  apercus: "previews",
  apercu: "previews",
};

async function applyWords(ctx: Context, input: string): Promise<string> {
  const [first = "", ...rest] = input.split(/\s+/);
  const argument = rest.join(" ").trim();
  const shown = argument.slice(0, 40);
  const subcommand = SUBCOMMANDS[normalizeTopicText(first)];
  switch (subcommand) {
    case "tz": {
      const zone = canonicalZone(argument);
      if (zone === undefined) return ctx.t("settings-zone-unknown", { value: shown });
      await changeDelivery(ctx, (delivery) => ({ ...delivery, timeZone: zone }));
      const time = formatMinuteOfDay(localTimeIn(ctx.deps.clock.now(), zone).minuteOfDay);
      return ctx.t("settings-zone-set", { zone, time });
    }
    case "quiet": {
      if (OFF_WORDS.has(normalizeTopicText(argument))) {
        await changeDelivery(ctx, (delivery) => ({ ...delivery, quietHours: null }));
        return ctx.t("settings-quiet-cleared");
      }
      const window = parseQuietHours(argument);
      if (window === undefined) return ctx.t("settings-quiet-invalid", { value: shown });
      await changeDelivery(ctx, (delivery) => ({ ...delivery, quietHours: window }));
      return ctx.t("settings-quiet-set", {
        start: formatMinuteOfDay(window.start),
        end: formatMinuteOfDay(window.end),
      });
    }
    case "digest": {
      const minute = argument === "" ? deliveryOf(ctx).digestHour * 60 : parseMinuteOfDay(argument);
      if (minute === undefined || minute % 60 !== 0) {
        return ctx.t("settings-hour-invalid", { value: shown });
      }
      const reader = await changeDelivery(ctx, (delivery) => ({
        ...delivery,
        mode: "digest",
        digestHour: minute / 60,
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
      const word = normalizeTopicText(argument);
      const on = ON_WORDS.has(word);
      if (!on && !OFF_WORDS.has(word)) return ctx.t("settings-previews-invalid");
      await changeDelivery(ctx, (delivery) => ({ ...delivery, linkPreviews: on }));
      return ctx.t(on ? "settings-previews-set-on" : "settings-previews-set-off");
    }
    default:
      return ctx.t("settings-usage", { value: input.slice(0, 40) });
  }
}

/** Reads a button's data into a change, or undefined when it is not one we sent. */
function changeFromButton(
  kind: string,
  value: string,
): ((delivery: DeliverySettings) => DeliverySettings) | undefined {
  switch (kind) {
    case "mode":
      return value === "instant" || value === "digest"
        ? (delivery) => ({ ...delivery, mode: value })
        : undefined;
    case "hour": {
      const hour = Number(value);
      return /^\d{1,2}$/.test(value) && hour < 24
        ? (delivery) => ({ ...delivery, digestHour: hour })
        : undefined;
    }
    case "tz":
      return (ZONE_CHOICES as readonly string[]).includes(value)
        ? (delivery) => ({ ...delivery, timeZone: value })
        : undefined;
    case "quiet": {
      if (value === "off") return (delivery) => ({ ...delivery, quietHours: null });
      const window = QUIET_CHOICES.find((choice) => quietValue(choice) === value);
      return window ? (delivery) => ({ ...delivery, quietHours: window }) : undefined;
    }
    case "previews":
      return value === "on" || value === "off"
        ? (delivery) => ({ ...delivery, linkPreviews: value === "on" })
        : undefined;
    default:
      return undefined;
  }
}

async function showView(ctx: Context, view: View): Promise<void> {
  const { text, keyboard } = viewOf(ctx, view);
  await ctx
    .editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard })
    .catch((error: unknown) => {
      // A tap that changes nothing leaves the message as it was; Telegram says so.
      if (!String((error as Error).message).includes("message is not modified")) throw error;
    });
}

const composer = new Composer<Context>();
const feature = composer.chatType("private");

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
  const { kind = "", value = "" } = settingsButton.unpack(ctx.callbackQuery.data) ?? {};
  if (kind === "view") {
    if (value !== "main" && value !== "hour" && value !== "zone" && value !== "quiet") {
      await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
      return;
    }
    await ctx.answerCallbackQuery();
    await showView(ctx, value);
    return;
  }
  const change = changeFromButton(kind, value);
  if (change === undefined) {
    await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
    return;
  }
  await changeDelivery(ctx, change);
  await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
  await showView(ctx, "main");
});

export { composer as settingsFeature };
