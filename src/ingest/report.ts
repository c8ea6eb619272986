export type RowStatus = "added" | "updated" | "unchanged" | "skipped" | "failed";

/** One line of the closing table: an article (by id) or a source or item (by label). */
export interface ReportRow {
  status: RowStatus;
  subject: string;
  detail: string;
}

export interface IngestReport {
  rows: ReportRow[];
  storeLabel: string;
  dryRun: boolean;
  /** True when the store file was written. */
  wrote: boolean;
  /** A problem that stopped the whole run (unreadable store, failed write). */
  fatal?: string;
}

const STATUS_ORDER: readonly RowStatus[] = ["added", "updated", "unchanged", "skipped", "failed"];
// Long ids and feed item labels are cut so the detail column stays on screen.
const SUBJECT_MAX_CHARS = 80;

function cut(value: string, limit: number): string {
  return value.length <= limit ? value : `${value.slice(0, limit - 1)}…`;
}

/** Exit code for the run: 1 when any source or item failed or the store could not be written. */
export function exitCodeOf(report: IngestReport): 0 | 1 {
  return report.fatal !== undefined || report.rows.some((row) => row.status === "failed") ? 1 : 0;
}

/** The closing table and a one-line total, as plain text for stdout. */
export function formatReport(report: IngestReport): string {
  const lines: string[] = [];
  if (report.dryRun) {
    lines.push(`Dry run: nothing was written to ${report.storeLabel}. This is what would change:`);
  }
  if (report.rows.length > 0) {
    const subjects = report.rows.map((row) => cut(row.subject, SUBJECT_MAX_CHARS));
    const width = Math.max("ARTICLE / SOURCE".length, ...subjects.map((subject) => subject.length));
    const statusWidth = Math.max(...STATUS_ORDER.map((status) => status.length));
    const line = (status: string, subject: string, detail: string) =>
      `${status.padEnd(statusWidth)}  ${subject.padEnd(width)}  ${detail}`.trimEnd();
    lines.push(line("STATUS", "ARTICLE / SOURCE", "DETAIL"));
    report.rows.forEach((row, index) => {
      lines.push(line(row.status, subjects[index] ?? "", row.detail));
    });
  }
  const counts = STATUS_ORDER.map(
    (status) => `${report.rows.filter((row) => row.status === status).length} ${status}`,
  ).join(", ");
  lines.push(`${report.dryRun ? "Would be: " : ""}${counts}.`);
  if (report.fatal !== undefined) lines.push(`Error: ${report.fatal}`);
  else if (report.dryRun) lines.push("Nothing written (dry run).");
  else if (report.wrote) lines.push(`Wrote ${report.storeLabel}.`);
  else lines.push(`${report.storeLabel} left as it was (nothing to change).`);
  return `${lines.join("\n")}\n`;
}
