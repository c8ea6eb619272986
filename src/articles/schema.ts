import { z } from "zod";
import { parseJsonText } from "../json-file.js";
import { LOCALES, type Locale } from "../locales.js";
import { cutAtSentence } from "../text/sentences.js";
import { TOPIC_IDS, type TopicId } from "../topics/catalog.js";

/**
 * The article store's format: the contract with editors and with `npm run ingest`.
 * Extra fields are allowed and kept (an editor's notes, the pipeline's bookkeeping).
 */
export const ARTICLE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,127}$/;
/** Visible characters; far below Telegram's 4,096 so that a brief fits in one message. */
export const MAX_TITLE_LENGTH = 300;
/**
 * A longer summary is not a structural fault: it is cut at a sentence (with "…") when
 * the file is read, so the item still reaches readers and its brief fits one message.
 */
export const MAX_SUMMARY_LENGTH = 3000;

const briefSchema = z.looseObject({
  title: z.string().trim().min(1, "must not be empty").max(MAX_TITLE_LENGTH),
  summary: z.string().trim().min(1, "must not be empty"),
});

const httpUrl = z
  .string()
  .url("must be an absolute URL")
  .refine((value) => /^https?:\/\//i.test(value), "must start with http:// or https://");

/** Another outlet that ran the same story (written by the near-duplicate merge). */
const reportedBySchema = z.looseObject({
  source: z.string().trim().min(1, "must not be empty").max(100),
  url: httpUrl,
});

export const articleSchema = z.looseObject({
  id: z
    .string()
    .regex(ARTICLE_ID_PATTERN, "must be a lowercase ASCII slug (a-z, 0-9, -), at most 128 chars"),
  url: httpUrl,
  source: z.string().trim().min(1, "must not be empty").max(100),
  publishedAt: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }),
  topics: z
    .array(z.enum(TOPIC_IDS, { message: `must be one of: ${TOPIC_IDS.join(", ")}` }))
    .min(1, "must name at least one topic"),
  briefs: z
    .looseObject({ fr: briefSchema.optional(), en: briefSchema.optional() })
    .refine((briefs) => briefs.fr !== undefined || briefs.en !== undefined, {
      message: "needs at least one of fr or en",
    }),
  alsoReportedBy: z.array(reportedBySchema).optional(),
});

export type Brief = { title: string; summary: string };
export type ReportedBy = { source: string; url: string };
export type Article = {
  id: string;
  url: string;
  source: string;
  publishedAt: string;
  topics: TopicId[];
  briefs: Partial<Record<Locale, Brief>>;
  /** The same story from other sources, in the order they came in. */
  alsoReportedBy?: ReportedBy[];
  [extra: string]: unknown;
};

export type ArticleFile = { articles: Article[]; [extra: string]: unknown };

export class ArticleFileError extends Error {
  override name = "ArticleFileError";
}

export interface ArticleValidation {
  /** Valid articles, in file order, duplicates removed (the first one wins). */
  articles: Article[];
  /** One line per invalid item: file, item, field and what is wrong. */
  problems: string[];
  /** Ids of invalid items that had a readable id (their last good version can be kept). */
  rejectedIds: string[];
  /** One line per change made to a valid item so that it fits (a summary cut). */
  notices: string[];
}

/** Cuts over-long summaries in place; returns one notice per cut, for the log. */
function fitSummaries(article: Article, label: string): string[] {
  const notices: string[] = [];
  for (const locale of LOCALES) {
    const brief = article.briefs[locale];
    if (brief === undefined || brief.summary.length <= MAX_SUMMARY_LENGTH) continue;
    const cut = cutAtSentence(brief.summary, MAX_SUMMARY_LENGTH, locale);
    notices.push(
      `${label}: briefs.${locale}.summary has ${brief.summary.length} characters, over ${MAX_SUMMARY_LENGTH}; cut at a sentence to ${cut.length}`,
    );
    article.briefs[locale] = { ...brief, summary: cut };
  }
  return notices;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join(".") : "(item)";
  if (issue.code === "invalid_type") {
    // zod's default wording ("expected string, received undefined") is for developers.
    const missing = /received undefined$/.test(issue.message);
    return `${field}: ${missing ? "is missing" : `must be ${issue.expected === "string" ? "text" : `a ${issue.expected}`}`}`;
  }
  return `${field}: ${issue.message}`;
}

/**
 * Checks a parsed articles file. The file as a whole must be `{ "articles": [...] }`
 * (else ArticleFileError); each invalid item is reported and left out, the rest are kept.
 */
export function validateArticleFile(raw: unknown, fileLabel: string): ArticleValidation {
  if (typeof raw !== "object" || raw === null || !Array.isArray((raw as ArticleFile).articles)) {
    throw new ArticleFileError(`${fileLabel}: expected an object {"articles": [ … ]}`);
  }
  const items = (raw as { articles: unknown[] }).articles;
  const articles: Article[] = [];
  const problems: string[] = [];
  const rejectedIds: string[] = [];
  const notices: string[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const id =
      typeof item === "object" && item !== null && typeof (item as Article).id === "string"
        ? (item as Article).id
        : undefined;
    const label = `${fileLabel}: item ${index + 1}${id ? ` (id "${id}")` : ""}`;
    const parsed = articleSchema.safeParse(item);
    if (!parsed.success) {
      problems.push(`${label}: ${parsed.error.issues.map(describeIssue).join("; ")}`);
      if (id) rejectedIds.push(id);
      return;
    }
    const article = parsed.data as Article;
    if (seen.has(article.id)) {
      problems.push(`${label}: id: duplicate of an earlier item; this one is ignored`);
      return;
    }
    seen.add(article.id);
    notices.push(...fitSummaries(article, label));
    articles.push(article);
  });
  return { articles, problems, rejectedIds, notices };
}

/** Parses the text of an articles file; JSON syntax errors become ArticleFileError. */
export function parseArticleFile(text: string, fileLabel: string): ArticleValidation {
  let raw: unknown;
  try {
    raw = parseJsonText(text);
  } catch (error) {
    throw new ArticleFileError(`${fileLabel}: not valid JSON (${(error as Error).message})`);
  }
  return validateArticleFile(raw, fileLabel);
}
