import { isLocale } from "../../locales.js";
import { truncateGraphemes } from "../../text/graphemes.js";
import { normalizeTopicText } from "../../topics/aliases.js";
import { isTopicId } from "../../topics/catalog.js";
import type { Context } from "../context.js";
import type { ChannelChange } from "./channel-settings.js";
import { LANGUAGE_WORDS } from "./language-words.js";
import { parseOnOff, parseSettingsArgs } from "./settings-args.js";
import { allTopicNames } from "./topics.js";
import { describeUnknown } from "./unknown-words.js";

/**
 * What a channel administrator asks for: the words after /channel <@name|id>, in
 * French or English, and the panel's buttons, both read into one ChannelChange.
 */

/** How much of an unreadable argument the answer echoes back, in visible characters. */
export const MAX_ECHOED_GRAPHEMES = 40;

// The /channel subcommands, normalized (lowercase, no accents); the delivery words
// (digest, instant, tz, previews) are /settings' own.
const SUBCOMMANDS: Record<string, "subscribe" | "unsubscribe" | "language" | "silent" | "off"> = {
  subscribe: "subscribe",
  abonner: "subscribe",
  suivre: "subscribe",
  unsubscribe: "unsubscribe",
  desabonner: "unsubscribe",
  quitter: "unsubscribe",
  language: "language",
  langue: "language",
  silent: "silent",
  silencieux: "silent",
  off: "off",
  arret: "off",
  stop: "off",
};

export type Parsed = { change: ChannelChange } | { answer: string };

/** Reads `/channel <ref> <words>` after the reference; an answer when the words are wrong. */
export function parseChange(ctx: Context, words: string): Parsed {
  const [first = "", ...rest] = words.trim().split(/\s+/);
  const argument = rest.join(" ");
  switch (SUBCOMMANDS[normalizeTopicText(first)]) {
    case "subscribe":
    case "unsubscribe": {
      const follow = SUBCOMMANDS[normalizeTopicText(first)] === "subscribe";
      const { topics, unknown } = ctx.deps.topics.parse(argument);
      if (unknown.length > 0 || topics.length === 0) {
        return {
          answer: ctx.t("subscribe-unknown", {
            words: describeUnknown(unknown),
            topics: allTopicNames(ctx),
          }),
        };
      }
      return { change: { kind: "topics", topics, follow } };
    }
    case "language": {
      const locale = LANGUAGE_WORDS[normalizeTopicText(argument)];
      if (locale === undefined) {
        return {
          answer: ctx.t("language-unknown", {
            value: truncateGraphemes(argument, MAX_ECHOED_GRAPHEMES),
          }),
        };
      }
      return { change: { kind: "language", locale } };
    }
    case "silent": {
      const on = parseOnOff(argument);
      return on === undefined
        ? { answer: ctx.t("channel-silent-invalid") }
        : { change: { kind: "silent", on } };
    }
    case "off":
      return { change: { kind: "off" } };
  }
  const args = parseSettingsArgs(words);
  switch (args.kind) {
    case "tz":
      return { change: { kind: "delivery", change: (d) => ({ ...d, timeZone: args.zone }) } };
    case "quiet":
      return { change: { kind: "delivery", change: (d) => ({ ...d, quietHours: args.window }) } };
    case "digest":
      return {
        change: {
          kind: "delivery",
          change: (d) => ({ ...d, mode: "digest", digestHour: args.hour ?? d.digestHour }),
        },
      };
    case "instant":
      return { change: { kind: "delivery", change: (d) => ({ ...d, mode: "instant" }) } };
    case "previews":
      return { change: { kind: "delivery", change: (d) => ({ ...d, linkPreviews: args.on }) } };
    case "invalid":
    case "unknown":
      return {
        answer: ctx.t("channel-usage", {
          value: truncateGraphemes(words.trim(), MAX_ECHOED_GRAPHEMES),
        }),
      };
  }
}

/** A button's action → the change it makes. */
export function buttonChange(action: string): ChannelChange | undefined {
  if (action.startsWith("t-")) {
    const topic = action.slice(2);
    return isTopicId(topic) ? { kind: "toggle-topic", topic } : undefined;
  }
  if (action.startsWith("l-")) {
    const locale = action.slice(2);
    return isLocale(locale) ? { kind: "language", locale } : undefined;
  }
  switch (action) {
    case "m-instant":
      return { kind: "delivery", change: (d) => ({ ...d, mode: "instant" }) };
    case "m-digest":
      return { kind: "delivery", change: (d) => ({ ...d, mode: "digest" }) };
    case "previews":
      return { kind: "delivery", change: (d) => ({ ...d, linkPreviews: !d.linkPreviews }) };
    case "silent":
      return { kind: "toggle-silent" };
    case "off":
      return { kind: "off" };
    default:
      return undefined;
  }
}
