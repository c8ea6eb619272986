import { join } from "node:path";

/**
 * Every file and folder the bot and its tools keep under DATA_DIR, in one place.
 * Editors own `articles` and `sources`; everything under `stateDir` and `readersDir`
 * is the bot's own bookkeeping, written atomically and safe to back up while running.
 */
export interface DataLayout {
  dataDir: string;
  /** The editors' article store; the bot reads it, `npm run ingest` and the newsroom write it. */
  articles: string;
  /** The editors' list of sources the newsroom follows. */
  sources: string;
  /** Reader state, sharded into several JSON files. */
  readersDir: string;
  stateDir: string;
  /** When each article was first seen, and its sequence number. */
  ledger: string;
  /** Push counters for /stats. */
  pushStats: string;
  /** The delivery log of the push run in progress. */
  pushProgress: string;
  /** Validators, health and the page cache of the newsroom. */
  newsroomState: string;
}

export const ARTICLES_FILE_NAME = "articles.json";
export const SOURCES_FILE_NAME = "sources.json";
export const NEWSROOM_STATE_FILE_NAME = "newsroom.json";

export function dataLayoutOf(dataDir: string): DataLayout {
  const stateDir = join(dataDir, "state");
  return {
    dataDir,
    articles: join(dataDir, ARTICLES_FILE_NAME),
    sources: join(dataDir, SOURCES_FILE_NAME),
    readersDir: join(dataDir, "readers"),
    stateDir,
    ledger: join(stateDir, "ledger.json"),
    pushStats: join(stateDir, "push-stats.json"),
    pushProgress: join(stateDir, "push-progress.log"),
    newsroomState: join(stateDir, NEWSROOM_STATE_FILE_NAME),
  };
}
