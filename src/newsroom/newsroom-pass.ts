import type { Clock } from "../clock.js";
import { dataLayoutOf } from "../data-layout.js";
import type { Logger } from "../logger.js";
import { addToStore } from "./add-to-store.js";
import { createInlineDocumentReader, type DocumentReader } from "./document-reader.js";
import {
  emptySourceState,
  type NewsroomState,
  pruneState,
  readNewsroomState,
  type SourceState,
  writeNewsroomState,
} from "./newsroom-state.js";
import type { PoliteFetcher } from "./polite-fetcher.js";
import { readNewsroomSource, type SourceRead } from "./read-source.js";
import { ALERT_AFTER_MS, backoffMs, isDue, nextDueAfterSuccess } from "./source-schedule.js";
import { readSourcesFile, type Source, SourcesFileError, sourceIdentity } from "./sources-file.js";

/** What the admins are told about a source: failing for a day, then back. */
export interface SourceAlert {
  kind: "failing" | "recovered";
  source: Source;
  /** The last error (failing). */
  error?: string;
  /** When the failures began (failing). */
  since?: string;
}

export interface NewsroomDeps {
  dataDir: string;
  fetcher: PoliteFetcher;
  /** Parsing and extraction; worker threads in the bot, this thread by default. */
  reader?: DocumentReader;
  clock: Clock;
  logger: Logger;
  /** Private messages to ADMIN_IDS; a failure to send is logged, never stops a pass. */
  alert?: (alert: SourceAlert) => Promise<void>;
}

export interface PassReport {
  startedAt: string;
  sources: number;
  due: number;
  fetched: number;
  notModified: number;
  failed: number;
  added: number;
  /** Item-level notes: teaser pages that could not be read, and why. */
  problems: string[];
  /** The store could not take the new items (broken by an editor, not writable). */
  storeError?: string;
}

export interface Newsroom {
  /** One pass; a call while one is running waits for that one instead. */
  runPass(): Promise<PassReport>;
  /** Resolves when no pass is running (shutdown waits for the state to be written). */
  settled(): Promise<void>;
  statePath: string;
  sourcesPath: string;
}

export function createNewsroom(deps: NewsroomDeps): Newsroom {
  const logger = deps.logger.child({ component: "newsroom" });
  const layout = dataLayoutOf(deps.dataDir);
  const sourcesPath = layout.sources;
  const statePath = layout.newsroomState;
  const storePath = layout.articles;
  const reader = deps.reader ?? createInlineDocumentReader();
  // The last list that read cleanly stays in force while the file is broken.
  let lastGoodSources: Source[] = [];
  let running: Promise<PassReport> | undefined;

  async function readSources(): Promise<Source[]> {
    try {
      const { validation } = await readSourcesFile(sourcesPath, sourcesPath);
      for (const problem of validation.problems) logger.warn({ problem }, "source left out");
      lastGoodSources = validation.sources;
    } catch (error) {
      if (!(error instanceof SourcesFileError)) throw error;
      logger.error({ problem: error.message }, "sources file refused; the last good list is used");
    }
    return lastGoodSources;
  }

  async function readOne(
    source: Source,
    state: SourceState,
    pages: NewsroomState["pages"],
    now: Date,
  ) {
    try {
      return await readNewsroomSource(source, state, { fetcher: deps.fetcher, reader, pages, now });
    } catch (error) {
      // A library tripping over one site's odd answer must not stop the others.
      return {
        kind: "failed",
        error: `unexpected error: ${(error as Error)?.message ?? String(error)}`,
      } satisfies SourceRead;
    }
  }

  async function pass(): Promise<PassReport> {
    const startedAt = deps.clock.now();
    const sources = await readSources();
    const loaded = await readNewsroomState(statePath);
    if (loaded.problem) logger.warn({ problem: loaded.problem }, "newsroom state reset");
    const { state } = loaded;
    pruneState(state, startedAt);
    const entryOf = (source: Source) => {
      const key = sourceIdentity(source.url);
      state.sources[key] ??= emptySourceState();
      return state.sources[key];
    };
    const due = sources.filter((source) => isDue(entryOf(source), startedAt));
    const reads = await Promise.all(
      due.map(async (source) => ({
        source,
        read: await readOne(source, entryOf(source), state.pages, startedAt),
      })),
    );

    const candidates = reads.flatMap(({ read }) => (read.kind === "ok" ? read.candidates : []));
    const commit =
      candidates.length > 0
        ? await addToStore(candidates, { storePath, storeLabel: storePath, now: startedAt })
        : ({ ok: true, added: [], wrote: false } as const);
    if (!commit.ok) logger.error({ problem: commit.error }, "new items not added to the store");
    const addedBy = new Map<string, number>();
    if (commit.ok) {
      for (const candidate of commit.added) {
        addedBy.set(candidate.origin, (addedBy.get(candidate.origin) ?? 0) + 1);
      }
    }

    const now = deps.clock.now();
    const alerts: SourceAlert[] = [];
    const report: PassReport = {
      startedAt: startedAt.toISOString(),
      sources: sources.length,
      due: due.length,
      fetched: 0,
      notModified: 0,
      failed: 0,
      added: commit.ok ? commit.added.length : 0,
      problems: [],
      ...(commit.ok ? {} : { storeError: commit.error }),
    };
    for (const { source, read } of reads) {
      const entry = entryOf(source);
      entry.lastAttemptAt = now.toISOString();
      if (read.kind === "failed") {
        report.failed += 1;
        recordFailure(source, entry, read, now, alerts);
        continue;
      }
      if (read.kind === "ok") {
        report.fetched += 1;
        report.problems.push(...read.problems);
      } else report.notModified += 1;
      // Validators only once the items they cover are in the store: else a 304 would hide them.
      if (!commit.ok) continue;
      entry.validators = read.validators;
      if (read.kind === "ok") {
        if (read.feedIntervalMinutes !== undefined)
          entry.feedIntervalMinutes = read.feedIntervalMinutes;
        else delete entry.feedIntervalMinutes;
      }
      for (let i = 0; i < (addedBy.get(source.url) ?? 0); i += 1)
        entry.recentItems.push(now.toISOString());
      recordSuccess(source, entry, now, alerts);
    }
    await writeNewsroomState(statePath, state);
    for (const problem of report.problems) logger.warn({ problem }, "item not briefed");
    await sendAlerts(alerts);
    logger.info(
      {
        ...report,
        problems: report.problems.length,
        durationMs: deps.clock.now().getTime() - startedAt.getTime(),
      },
      "newsroom pass done",
    );
    return report;
  }

  function recordFailure(
    source: Source,
    entry: SourceState,
    read: Extract<SourceRead, { kind: "failed" }>,
    now: Date,
    alerts: SourceAlert[],
  ): void {
    entry.failures += 1;
    entry.failingSince ??= now.toISOString();
    entry.lastError = read.error;
    entry.nextDueAt = new Date(
      now.getTime() + backoffMs(entry.failures, read.retryAfterMs),
    ).toISOString();
    logger.warn(
      { source: source.url, error: read.error, failures: entry.failures },
      "source failed",
    );
    if (!entry.alertSent && now.getTime() - Date.parse(entry.failingSince) >= ALERT_AFTER_MS) {
      entry.alertSent = true;
      alerts.push({ kind: "failing", source, error: read.error, since: entry.failingSince });
    }
  }

  function recordSuccess(
    source: Source,
    entry: SourceState,
    now: Date,
    alerts: SourceAlert[],
  ): void {
    if (entry.alertSent) alerts.push({ kind: "recovered", source });
    entry.failures = 0;
    delete entry.failingSince;
    delete entry.lastError;
    delete entry.alertSent;
    entry.lastSuccessAt = now.toISOString();
    const next = nextDueAfterSuccess(source, entry, now);
    if (next) entry.nextDueAt = next;
    else delete entry.nextDueAt;
  }

  async function sendAlerts(alerts: readonly SourceAlert[]): Promise<void> {
    for (const alert of alerts) {
      try {
        await deps.alert?.(alert);
      } catch (error) {
        logger.error({ err: error, source: alert.source.url }, "admins not told about a source");
      }
    }
  }

  return {
    statePath,
    sourcesPath,
    runPass() {
      running ??= pass().finally(() => {
        running = undefined;
      });
      return running;
    },
    async settled() {
      await running?.catch(() => undefined);
    },
  };
}
