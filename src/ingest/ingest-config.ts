import { join, relative } from "node:path";
import { ARTICLES_FILE_NAME, ConfigError, DEFAULT_DATA_DIR } from "../config.js";

export interface IngestConfig {
  dataDir: string;
  /** <DATA_DIR>/articles.json */
  storePath: string;
  /** How messages name the store: relative to the working folder when inside it. */
  storeLabel: string;
  translateUrl?: string;
}

/** The ingest command's settings from the environment; bad values throw ConfigError. */
export function createIngestConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): IngestConfig {
  const problems: string[] = [];
  const dataDir = env.DATA_DIR?.trim() || DEFAULT_DATA_DIR;
  const storePath = join(dataDir, ARTICLES_FILE_NAME);
  const fromCwd = relative(cwd, storePath);
  const storeLabel = fromCwd !== "" && !fromCwd.startsWith("..") ? fromCwd : storePath;

  let translateUrl: string | undefined = env.TRANSLATE_URL?.trim() || undefined;
  if (translateUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(translateUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      problems.push(
        `TRANSLATE_URL "${translateUrl}" is not an http(s) URL; give the LibreTranslate server, e.g. http://localhost:5000.`,
      );
      translateUrl = undefined;
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { dataDir, storePath, storeLabel, translateUrl };
}
