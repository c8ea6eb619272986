import {
  parseDigestHour,
  parseQuietHours,
  type QuietWindow,
} from "../../readers/delivery-settings.js";
import { canonicalZone } from "../../readers/local-time.js";
import { normalizeTopicText } from "../../topics/aliases.js";

/**
 * What a reader typed after /settings, in French or English:
 *   /settings tz America/Toronto · fuseau europe/paris
 *   /settings quiet 22h-7h · calme off
 *   /settings digest 18 · résumé · instant · immédiat
 *   /settings previews on · aperçus non
 */
export type SettingsArgs =
  | { kind: "tz"; zone: string }
  | { kind: "quiet"; window: QuietWindow | null }
  /** `hour` undefined: keep the current digest hour. */
  | { kind: "digest"; hour: number | undefined }
  | { kind: "instant" }
  | { kind: "previews"; on: boolean }
  /** A known subcommand with an argument it cannot read; `value` is the argument as typed. */
  | { kind: "invalid"; subcommand: "tz" | "quiet" | "digest" | "previews"; value: string }
  /** Not a subcommand; `value` is the whole input as typed. */
  | { kind: "unknown"; value: string };

const OFF_WORDS = new Set(["off", "non", "no", "aucune", "none", "desactiver", "stop"]);
const ON_WORDS = new Set(["on", "oui", "yes", "activer"]);

/** Subcommand words, normalized (lowercase, no accents). */
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

export function parseSettingsArgs(input: string): SettingsArgs {
  const [first = "", ...rest] = input.trim().split(/\s+/);
  const argument = rest.join(" ").trim();
  const word = normalizeTopicText(argument);
  switch (SUBCOMMANDS[normalizeTopicText(first)]) {
    case "tz": {
      const zone = canonicalZone(argument);
      return zone === undefined
        ? { kind: "invalid", subcommand: "tz", value: argument }
        : { kind: "tz", zone };
    }
    case "quiet": {
      if (OFF_WORDS.has(word)) return { kind: "quiet", window: null };
      const window = parseQuietHours(argument);
      return window === undefined
        ? { kind: "invalid", subcommand: "quiet", value: argument }
        : { kind: "quiet", window };
    }
    case "digest": {
      if (argument === "") return { kind: "digest", hour: undefined };
      const hour = parseDigestHour(argument);
      return hour === undefined
        ? { kind: "invalid", subcommand: "digest", value: argument }
        : { kind: "digest", hour };
    }
    case "instant":
      return { kind: "instant" };
    case "previews":
      if (ON_WORDS.has(word)) return { kind: "previews", on: true };
      if (OFF_WORDS.has(word)) return { kind: "previews", on: false };
      return { kind: "invalid", subcommand: "previews", value: argument };
    default:
      return { kind: "unknown", value: input.trim() };
  }
}
