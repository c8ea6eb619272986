import { relative } from "node:path";
import { ConfigError, DEFAULT_DATA_DIR } from "../config.js";
import { dataLayoutOf } from "../data-layout.js";
import { type Env, envValue, readHttpUrl } from "../env-readers.js";

export interface IngestConfig {
  dataDir: string;
  /** <DATA_DIR>/articles.json */
  storePath: string;
  /** How messages name the store: relative to the working folder when inside it. */
  storeLabel: string;
  translateUrl?: string;
}

/** The ingest command's settings from the environment; bad values throw ConfigError. */
export function createIngestConfig(env: Env, cwd: string): IngestConfig {
  const problems: string[] = [];
  const dataDir = envValue(env, "DATA_DIR") ?? DEFAULT_DATA_DIR;
  const storePath = dataLayoutOf(dataDir).articles;
  const fromCwd = relative(cwd, storePath);
  const storeLabel = fromCwd !== "" && !fromCwd.startsWith("..") ? fromCwd : storePath;

  const rawTranslateUrl = envValue(env, "TRANSLATE_URL");
  const translateUrl =
    rawTranslateUrl === undefined
      ? undefined
      : readHttpUrl("TRANSLATE_URL", rawTranslateUrl, problems, {
          example: "http://localhost:5000 (a LibreTranslate server)",
        });
  if (problems.length > 0) throw new ConfigError(problems);
  return { dataDir, storePath, storeLabel, translateUrl };
}
