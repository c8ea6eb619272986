import { createHash } from "node:crypto";
import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";
import { readTextFile } from "../json-file.js";
import type { Logger } from "../logger.js";
import { type Article, ArticleFileError, parseArticleFile } from "./schema.js";

/** The articles the bot serves. The bot only reads them; editors and `npm run ingest` write. */
export interface ArticleStore {
  /** Valid articles, newest published first. */
  list(): readonly Article[];
  get(id: string): Article | undefined;
  /** Called after every reload that changed something. */
  onChange(listener: (articles: readonly Article[]) => void): () => void;
}

export interface FileArticleStore extends ArticleStore {
  /** Reads the file again now; resolves with the problems found (empty when clean). */
  reload(): Promise<string[]>;
  close(): void;
}

export interface FileArticleStoreOptions {
  path: string;
  /** Shown in messages instead of the absolute path, e.g. "data/articles.json". */
  label?: string;
  logger: Logger;
  /** Watch the file and reload when editors save it. Default true. */
  watch?: boolean;
}

// Editors' tools save in bursts (truncate, write, rename); wait for the burst to end.
const RELOAD_DEBOUNCE_MS = 150;

function byNewest(a: Article, b: Article): number {
  return Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.id.localeCompare(b.id);
}

/**
 * Loads articles.json, validates it, and keeps the last good version: a broken file
 * changes nothing, and an item that turns invalid keeps its previous good version.
 */
export async function createFileArticleStore(
  options: FileArticleStoreOptions,
): Promise<FileArticleStore> {
  const label = options.label ?? options.path;
  const logger = options.logger.child({ store: label });
  let articles: Article[] = [];
  let byId = new Map<string, Article>();
  let lastHash = "";
  const listeners = new Set<(articles: readonly Article[]) => void>();

  async function reload(): Promise<string[]> {
    let text: string;
    try {
      text = await readTextFile(options.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const problem =
        code === "ENOENT"
          ? `${label}: file not found; serving ${articles.length} articles until it exists`
          : `${label}: cannot be read (${code}); serving the last good version`;
      logger.error({ problem }, "article store not loaded");
      return [problem];
    }
    const hash = createHash("sha256").update(text).digest("hex");
    if (hash === lastHash) return [];
    let result: ReturnType<typeof parseArticleFile>;
    try {
      result = parseArticleFile(text, label);
    } catch (error) {
      if (!(error instanceof ArticleFileError)) throw error;
      logger.error(
        { problem: error.message, serving: articles.length },
        "article file rejected; serving the last good version",
      );
      return [error.message];
    }
    lastHash = hash;
    const next = new Map(result.articles.map((article) => [article.id, article]));
    for (const id of result.rejectedIds) {
      const previous = byId.get(id);
      if (previous && !next.has(id)) next.set(id, previous);
    }
    for (const problem of result.problems) {
      logger.error({ problem }, "article item rejected");
    }
    for (const notice of result.notices) {
      logger.warn({ notice }, "article item shortened to fit one message");
    }
    byId = next;
    articles = [...next.values()].sort(byNewest);
    logger.info({ articles: articles.length, problems: result.problems.length }, "articles loaded");
    for (const listener of listeners) listener(articles);
    return result.problems;
  }

  await reload();

  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (options.watch !== false) {
    // Watch the folder, not the file: atomic saves replace the file's inode.
    const name = basename(options.path);
    watcher = watch(dirname(options.path), (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        reload().catch((error: unknown) => logger.error({ err: error }, "article reload failed"));
      }, RELOAD_DEBOUNCE_MS);
    });
    watcher.on("error", (error) =>
      logger.error({ err: error }, "watching the article file failed"),
    );
  }

  return {
    list: () => articles,
    get: (id) => byId.get(id),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
