import { cpus, loadavg, platform, release } from "node:os";

/** One line of a benchmark's table: a figure, and the target it is judged by (if any). */
export interface ResultRow {
  metric: string;
  value: string;
  target?: string;
  /** undefined: informational, no target. */
  met?: boolean;
}

export interface BenchResult {
  title: string;
  /** What ran, in one or two sentences (sizes, limits, topology). */
  setup: string;
  rows: ResultRow[];
  /** Broken, not slow: pushes lost or duplicated, replies missing. Makes the run exit 1. */
  failures: string[];
}

export function describeMachine(now: Date = new Date()): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? "unknown CPU";
  // Other work on a shared machine is the main source of noise: show how busy it was.
  const load = loadavg()[0]?.toFixed(2) ?? "?";
  return `${model}, ${cores.length} cores, ${platform()} ${release()}, Node ${process.version}, ${now.toISOString().slice(0, 10)}, load average ${load} at start`;
}

function verdict(met: boolean | undefined, quick: boolean): string {
  if (met === undefined) return "—";
  // Smoke sizes are not the sizes a target is set for: show the figure, judge nothing.
  if (quick) return "(quick: not judged)";
  return met ? "met" : "**not met**";
}

export function renderTable(result: BenchResult, options: { quick: boolean }): string {
  const lines = [
    `### ${result.title}`,
    "",
    result.setup,
    "",
    "| Measure | Value | Target | Verdict |",
    "| --- | --- | --- | --- |",
    ...result.rows.map(
      (row) =>
        `| ${row.metric} | ${row.value} | ${row.target ?? "—"} | ${verdict(row.met, options.quick)} |`,
    ),
  ];
  for (const failure of result.failures) lines.push("", `**Broken:** ${failure}`);
  return lines.join("\n");
}

export function renderReport(results: readonly BenchResult[], options: { quick: boolean }): string {
  const mode = options.quick ? "quick (smoke sizes, not the targets' sizes)" : "full";
  return [
    `Machine: ${describeMachine()}. Mode: ${mode}.`,
    "",
    ...results.map((result) => `${renderTable(result, options)}\n`),
  ].join("\n");
}

/** Nearest-rank percentile (p in 0–100) of unsorted samples; NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  return ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "n/a";
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${Math.round(bytes)} B`;
}

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export function formatPercent(ratio: number): string {
  return Number.isFinite(ratio) ? `${(ratio * 100).toFixed(1)} %` : "n/a";
}
