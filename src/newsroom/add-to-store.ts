import { ArticleFileError, validateArticleFile } from "../articles/schema.js";
import { mergeArticles } from "../ingest/merge.js";
import { newProblems, readStore, writeStore } from "../ingest/store-file.js";
import type { Candidate } from "../ingest/types.js";

export type StoreCommit =
  | { ok: true; added: Candidate[]; wrote: boolean }
  | { ok: false; error: string };

/**
 * The pass's articles into the store, by the ingest merge rules (new items appended,
 * known ones updated only in the fields the pipeline owns), validated and written
 * atomically; the running bot reloads it. A store an editor left broken is not touched.
 */
export async function addToStore(
  candidates: readonly Candidate[],
  options: { storePath: string; storeLabel: string; now: Date },
): Promise<StoreCommit> {
  const { storePath, storeLabel } = options;
  let snapshot: Awaited<ReturnType<typeof readStore>>;
  try {
    snapshot = await readStore(storePath, storeLabel);
  } catch (error) {
    if (!(error instanceof ArticleFileError)) throw error;
    return { ok: false, error: `${error.message}; nothing was added` };
  }
  const stored = snapshot.file.articles;
  const invalid = new Set(
    stored.flatMap((item, index) =>
      validateArticleFile({ articles: [item] }, storeLabel).problems.length > 0 ? [index] : [],
    ),
  );
  const merged = mergeArticles(stored, candidates, options.now.toISOString(), { invalid });
  const added = merged.outcomes.flatMap((outcome) =>
    outcome.status === "added" ? [outcome.candidate] : [],
  );
  if (!merged.changed) return { ok: true, added, wrote: false };
  const next = { ...snapshot.file, articles: merged.articles };
  const problems = newProblems(next, snapshot, storeLabel);
  if (problems.length > 0) {
    return { ok: false, error: `the new store would not validate: ${problems.join("; ")}` };
  }
  try {
    await writeStore(storePath, next);
  } catch (error) {
    return { ok: false, error: `${storeLabel} could not be written (${(error as Error).message})` };
  }
  return { ok: true, added, wrote: true };
}
