import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../src/ingest/cli-args.js";

describe("parseCliArgs", () => {
  it("should read sources and --dry-run in any order", () => {
    expect(parseCliArgs(["a.xml", "--dry-run", "https://example.com/feed"])).toEqual({
      kind: "run",
      sources: ["a.xml", "https://example.com/feed"],
      dryRun: true,
    });
  });

  it("should take everything after -- as a source, even if it starts with a dash", () => {
    expect(parseCliArgs(["--", "-odd-name.txt"])).toEqual({
      kind: "run",
      sources: ["-odd-name.txt"],
      dryRun: false,
    });
  });

  it("should refuse unknown options and an empty list", () => {
    expect(parseCliArgs(["--verbose", "a.xml"])).toMatchObject({ kind: "usage-error" });
    expect(parseCliArgs(["--dry-run"])).toMatchObject({ kind: "usage-error" });
  });

  it("should answer help", () => {
    expect(parseCliArgs(["a.xml", "-h"])).toEqual({ kind: "help" });
  });
});
