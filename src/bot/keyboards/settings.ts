import { InlineKeyboard } from "grammy";
import type { Translate } from "../../briefs/render.js";
import { isDigestHour, type QuietWindow } from "../../readers/delivery-settings.js";
import { formatMinuteOfDay, localTimeIn } from "../../readers/local-time.js";
import type { DeliverySettings } from "../../readers/reader.js";
import { createCallbackData } from "../helpers/callback-data.js";

/** A settings button: "set:<kind>:<value>", e.g. "set:tz:Europe/Paris". */
export const settingsButton = createCallbackData("set", ["kind", "value"]);
const HOURS_PER_ROW = 6;
const ZONES_PER_ROW = 2;
const QUIET_WINDOWS_PER_ROW = 2;

export type SettingsView = "main" | "hour" | "zone" | "quiet";

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
const QUIET_CHOICES: readonly QuietWindow[] = [
  { start: 22 * 60, end: 7 * 60 },
  { start: 23 * 60, end: 7 * 60 },
  { start: 22 * 60, end: 8 * 60 },
  { start: 23 * 60, end: 8 * 60 },
  { start: 21 * 60, end: 6 * 60 },
  { start: 0, end: 7 * 60 },
];

export const hourLabel = (hour: number) => formatMinuteOfDay(hour * 60);
const quietValue = (window: QuietWindow) => `${window.start}-${window.end}`;

function selected(t: Translate, label: string, isSelected: boolean): string {
  return isSelected ? t("settings-button-selected", { label }) : label;
}

function withBackButton(t: Translate, keyboard: InlineKeyboard): InlineKeyboard {
  return keyboard
    .row()
    .text(t("settings-button-back"), settingsButton.pack({ kind: "view", value: "main" }));
}

export function createSettingsKeyboard(t: Translate, delivery: DeliverySettings): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(
      selected(t, t("settings-button-instant"), delivery.mode === "instant"),
      settingsButton.pack({ kind: "mode", value: "instant" }),
    )
    .text(
      selected(t, t("settings-button-digest"), delivery.mode === "digest"),
      settingsButton.pack({ kind: "mode", value: "digest" }),
    )
    .row();
  if (delivery.mode === "digest") {
    keyboard
      .text(
        t("settings-button-hour", { hour: hourLabel(delivery.digestHour) }),
        settingsButton.pack({ kind: "view", value: "hour" }),
      )
      .row();
  }
  return keyboard
    .text(t("settings-button-quiet"), settingsButton.pack({ kind: "view", value: "quiet" }))
    .text(t("settings-button-zone"), settingsButton.pack({ kind: "view", value: "zone" }))
    .row()
    .text(
      t(delivery.linkPreviews ? "settings-button-previews-on" : "settings-button-previews-off"),
      settingsButton.pack({ kind: "previews", value: delivery.linkPreviews ? "off" : "on" }),
    );
}

export function createDigestHourKeyboard(t: Translate, delivery: DeliverySettings): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (let hour = 0; hour < 24; hour += 1) {
    if (hour > 0 && hour % HOURS_PER_ROW === 0) keyboard.row();
    keyboard.text(
      selected(t, hourLabel(hour), hour === delivery.digestHour),
      settingsButton.pack({ kind: "hour", value: hour }),
    );
  }
  return withBackButton(t, keyboard);
}

/** One button per offered zone, labelled with its city and the time there `now`. */
export function createZoneKeyboard(
  t: Translate,
  delivery: DeliverySettings,
  now: Date,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  ZONE_CHOICES.forEach((zone, index) => {
    if (index > 0 && index % ZONES_PER_ROW === 0) keyboard.row();
    const city = (zone.split("/").at(-1) ?? zone).replace(/_/g, " ");
    const time = formatMinuteOfDay(localTimeIn(now, zone).minuteOfDay);
    keyboard.text(
      selected(t, `${city} · ${time}`, zone === delivery.timeZone),
      settingsButton.pack({ kind: "tz", value: zone }),
    );
  });
  return withBackButton(t, keyboard);
}

export function createQuietHoursKeyboard(t: Translate, delivery: DeliverySettings): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(
    selected(t, t("settings-button-quiet-off"), delivery.quietHours === null),
    settingsButton.pack({ kind: "quiet", value: "off" }),
  );
  QUIET_CHOICES.forEach((window, index) => {
    if (index % QUIET_WINDOWS_PER_ROW === 1) keyboard.row();
    const label = `${formatMinuteOfDay(window.start)}–${formatMinuteOfDay(window.end)}`;
    const isCurrent =
      delivery.quietHours?.start === window.start && delivery.quietHours.end === window.end;
    keyboard.text(
      selected(t, label, isCurrent),
      settingsButton.pack({ kind: "quiet", value: quietValue(window) }),
    );
  });
  return withBackButton(t, keyboard);
}

export type SettingsTap =
  | { kind: "view"; view: SettingsView }
  | { kind: "change"; change: (delivery: DeliverySettings) => DeliverySettings };

/**
 * Reads a settings button's data; undefined when it is not one we sent (stale or
 * forged data, e.g. a zone no longer offered).
 */
export function decodeSettingsButton(data: string | undefined): SettingsTap | undefined {
  const { kind, value } = settingsButton.unpack(data) ?? {};
  switch (kind) {
    case "view":
      return value === "main" || value === "hour" || value === "zone" || value === "quiet"
        ? { kind: "view", view: value }
        : undefined;
    case "mode":
      return value === "instant" || value === "digest"
        ? { kind: "change", change: (delivery) => ({ ...delivery, mode: value }) }
        : undefined;
    case "hour": {
      const hour = Number(value);
      return value !== undefined && /^\d{1,2}$/.test(value) && isDigestHour(hour)
        ? { kind: "change", change: (delivery) => ({ ...delivery, digestHour: hour }) }
        : undefined;
    }
    case "tz":
      return value !== undefined && (ZONE_CHOICES as readonly string[]).includes(value)
        ? { kind: "change", change: (delivery) => ({ ...delivery, timeZone: value }) }
        : undefined;
    case "quiet": {
      if (value === "off") {
        return { kind: "change", change: (delivery) => ({ ...delivery, quietHours: null }) };
      }
      const window = QUIET_CHOICES.find((choice) => quietValue(choice) === value);
      return window
        ? { kind: "change", change: (delivery) => ({ ...delivery, quietHours: window }) }
        : undefined;
    }
    case "previews":
      return value === "on" || value === "off"
        ? { kind: "change", change: (delivery) => ({ ...delivery, linkPreviews: value === "on" }) }
        : undefined;
    default:
      return undefined;
  }
}
