import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import {
  ARTICLE_ID_PATTERN,
  type Article,
  ArticleFileError,
  parseArticleFile,
  validateArticleFile,
} from "../../src/articles/schema.js";
import type { SampleArticle } from "./sample-articles.js";

// Room left in the 128-character id for the "-<stamp>" suffix.
const MAX_BASE_ID_LENGTH = 100;

/**
 * A copy of `sample` that is new to the bot: an id no article in the store has yet,
 * published now.
 */
export function createSampleCopy(
  sample: SampleArticle,
  now: Date,
  takenIds: ReadonlySet<string>,
): Article {
  const base = sample.id.slice(0, MAX_BASE_ID_LENGTH);
  const stamp = now.getTime().toString(36);
  let id = `${base}-${stamp}`;
  for (let attempt = 2; takenIds.has(id); attempt += 1) id = `${base}-${stamp}-${attempt}`;
  if (!ARTICLE_ID_PATTERN.test(id)) {
    throw new ArticleFileError(`sample "${sample.id}" does not make a valid article id ("${id}")`);
  }
  return { ...sample, id, publishedAt: now.toISOString() };
}

/**
 * Appends a fresh copy of `sample` to the article file, as an editor or `npm run ingest`
 * would: the new file is validated first, then written next to the old one and renamed
 * over it, so the bot's file watcher never reads a half-written store.
 * Callers must not run two of these at once on the same file (the last rename would win).
 */
export async function publishSampleArticle(options: {
  storePath: string;
  sample: SampleArticle;
  now: Date;
}): Promise<Article> {
  const { storePath, sample, now } = options;
  const label = basename(storePath);
  const text = await readFile(storePath, "utf8");
  // Throws ArticleFileError when the file is not JSON or not {"articles": [...]}.
  const before = parseArticleFile(text, label);
  const raw = JSON.parse(text) as { articles: unknown[]; [extra: string]: unknown };
  const takenIds = new Set(
    raw.articles.flatMap((item) =>
      typeof item === "object" && item !== null && typeof (item as Article).id === "string"
        ? [(item as Article).id]
        : [],
    ),
  );
  const article = createSampleCopy(sample, now, takenIds);
  const next = { ...raw, articles: [...raw.articles, article] };
  const after = validateArticleFile(next, label);
  if (!after.articles.some((kept) => kept.id === article.id)) {
    const problem = after.problems.find((line) => line.includes(`"${article.id}"`));
    throw new ArticleFileError(`the sample article is not valid: ${problem ?? "unknown problem"}`);
  }
  if (after.problems.length > before.problems.length) {
    throw new ArticleFileError(`publishing would add problems: ${after.problems.join("; ")}`);
  }
  const temporary = join(dirname(storePath), `.${label}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, "utf8");
    await rename(temporary, storePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return article;
}
