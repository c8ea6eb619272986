import { describe, expect, it } from "vitest";
import { exitCodeOf, formatReport, type IngestReport } from "../../src/ingest/report.js";

const report = (overrides: Partial<IngestReport> = {}): IngestReport => ({
  rows: [
    {
      status: "added",
      subject: "sec-approves-spot-bitcoin-etfs-3a4442",
      detail: "en; topics: crypto",
    },
    {
      status: "skipped",
      subject: 'feed.xml item 4 "Apple unveils the Vision Pro headset"',
      detail: "no catalog topic",
    },
    {
      status: "failed",
      subject: "http://127.0.0.1:9999/feed.xml",
      detail: "unreachable: connection refused (ECONNREFUSED)",
    },
  ],
  storeLabel: "data/articles.json",
  dryRun: false,
  wrote: true,
  ...overrides,
});

describe("formatReport", () => {
  it("should print one aligned row per article or source, then the totals", () => {
    const lines = formatReport(report()).trimEnd().split("\n");
    expect(lines[0]).toMatch(/^STATUS {5}ARTICLE \/ SOURCE {2,}DETAIL$/);
    const detailColumn = lines[0]?.indexOf("DETAIL");
    expect(lines[1]?.indexOf("en; topics")).toBe(detailColumn);
    expect(lines[3]?.indexOf("unreachable")).toBe(detailColumn);
    expect(lines.at(-2)).toBe("1 added, 0 updated, 0 unchanged, 1 skipped, 1 failed.");
    expect(lines.at(-1)).toBe("Wrote data/articles.json.");
  });

  it("should say plainly that a dry run wrote nothing", () => {
    const text = formatReport(report({ dryRun: true, wrote: false }));
    expect(text).toMatch(/^Dry run: nothing was written to data\/articles\.json/);
    expect(text).toContain("Would be: 1 added");
  });

  it("should fail the exit code on a failed row or a fatal error only", () => {
    expect(exitCodeOf(report())).toBe(1);
    expect(exitCodeOf(report({ rows: report().rows.slice(0, 2) }))).toBe(0);
    expect(exitCodeOf(report({ rows: [], fatal: "store is not valid JSON" }))).toBe(1);
  });
});
