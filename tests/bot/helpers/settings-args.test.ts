import { describe, expect, it } from "vitest";
import { parseSettingsArgs } from "../../../src/bot/helpers/settings-args.js";

describe("parseSettingsArgs", () => {
  it("should read a time zone in French or English words, canonically spelled", () => {
    expect(parseSettingsArgs("tz america/toronto")).toEqual({
      kind: "tz",
      zone: "America/Toronto",
    });
    expect(parseSettingsArgs("Fuseau Europe/Paris")).toEqual({ kind: "tz", zone: "Europe/Paris" });
    expect(parseSettingsArgs("zone Mars/Olympus")).toEqual({
      kind: "invalid",
      subcommand: "tz",
      value: "Mars/Olympus",
    });
    expect(parseSettingsArgs("tz")).toMatchObject({ kind: "invalid", subcommand: "tz" });
  });

  it("should read quiet hours as a window or off", () => {
    expect(parseSettingsArgs("quiet 22:00-07:00")).toEqual({
      kind: "quiet",
      window: { start: 1320, end: 420 },
    });
    expect(parseSettingsArgs("calme 22h à 7h30")).toEqual({
      kind: "quiet",
      window: { start: 1320, end: 450 },
    });
    expect(parseSettingsArgs("calmes aucune")).toEqual({ kind: "quiet", window: null });
    expect(parseSettingsArgs("quiet 7-7")).toMatchObject({ kind: "invalid", subcommand: "quiet" });
    expect(parseSettingsArgs("quiet 25-7")).toMatchObject({ kind: "invalid", subcommand: "quiet" });
  });

  it("should read a digest hour, whole hours only", () => {
    expect(parseSettingsArgs("digest 18")).toEqual({ kind: "digest", hour: 18 });
    expect(parseSettingsArgs("résumé 7h")).toEqual({ kind: "digest", hour: 7 });
    expect(parseSettingsArgs("digest")).toEqual({ kind: "digest", hour: undefined });
    expect(parseSettingsArgs("digest 18:30")).toEqual({
      kind: "invalid",
      subcommand: "digest",
      value: "18:30",
    });
  });

  it("should read instant mode and link previews", () => {
    expect(parseSettingsArgs("immédiat")).toEqual({ kind: "instant" });
    expect(parseSettingsArgs("aperçus oui")).toEqual({ kind: "previews", on: true });
    expect(parseSettingsArgs("previews off")).toEqual({ kind: "previews", on: false });
    expect(parseSettingsArgs("previews maybe")).toMatchObject({
      kind: "invalid",
      subcommand: "previews",
    });
  });

  it("should hand back the whole input when the first word is not a subcommand", () => {
    expect(parseSettingsArgs("  colour blue ")).toEqual({ kind: "unknown", value: "colour blue" });
  });
});
