import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { Low } from "lowdb";
import { DataFile } from "lowdb/node";
import { z } from "zod";
import { LOCALES, type Locale } from "../locales.js";
import { TOPIC_IDS, type TopicId } from "../topics/catalog.js";

/**
 * $DATA_DIR/sources.json: the editors' list of what the newsroom follows.
 * Validated like the article store: a broken file is refused whole (the last good
 * list stays in force), a broken entry is named with its field and left out.
 */
export { SOURCES_FILE_NAME } from "../data-layout.js";
/** Polling interval bounds (minutes) for everyMinutes and for what feeds ask (<ttl>, sy:). */
export const MIN_EVERY_MINUTES = 5;
export const MAX_EVERY_MINUTES = 24 * 60;

export interface Source {
  url: string;
  name?: string;
  /** Added to what the topic lexicon finds. */
  topics?: TopicId[];
  /** A hint for the language detector. */
  language?: Locale;
  everyMinutes?: number;
  [extra: string]: unknown;
}

export interface SourcesFile {
  sources: Source[];
  [extra: string]: unknown;
}

export class SourcesFileError extends Error {
  override name = "SourcesFileError";
}

const sourceSchema = z.looseObject({
  url: z
    .string({ message: "is missing; give the feed's or page's http(s) address" })
    .url("must be an absolute URL")
    .refine((value) => /^https?:\/\//i.test(value), "must start with http:// or https://"),
  name: z.string().trim().min(1, "must not be empty").max(100).optional(),
  topics: z
    .array(z.enum(TOPIC_IDS, { message: `must be one of: ${TOPIC_IDS.join(", ")}` }))
    .optional(),
  language: z.enum(LOCALES, { message: `must be one of: ${LOCALES.join(", ")}` }).optional(),
  everyMinutes: z
    .number({ message: "must be a number of minutes" })
    .int("must be a whole number of minutes")
    .min(MIN_EVERY_MINUTES, `must be at least ${MIN_EVERY_MINUTES}`)
    .max(MAX_EVERY_MINUTES, `must be at most ${MAX_EVERY_MINUTES} (24 h)`)
    .optional(),
});

export interface SourcesValidation {
  sources: Source[];
  /** One line per refused entry: file, entry, field, what is wrong. */
  problems: string[];
}

/** Two addresses for the same source: case of scheme and host, trailing slash. */
export function sourceIdentity(url: string): string {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = "";
    return parsed.toString().replace(/\/+$/, "");
  } catch {
    return url.trim();
  }
}

export function validateSourcesFile(raw: unknown, label: string): SourcesValidation {
  if (
    typeof raw !== "object" ||
    raw === null ||
    !Array.isArray((raw as { sources?: unknown }).sources)
  ) {
    throw new SourcesFileError(`${label}: expected an object {"sources": [ … ]}`);
  }
  const sources: Source[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  (raw as { sources: unknown[] }).sources.forEach((entry, index) => {
    const url =
      typeof entry === "object" && entry !== null && typeof (entry as Source).url === "string"
        ? (entry as Source).url
        : undefined;
    const where = `${label}: source ${index + 1}${url ? ` (${url})` : ""}`;
    const parsed = sourceSchema.safeParse(entry);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => {
        const field = issue.path.length > 0 ? issue.path.join(".") : "(entry)";
        return `${field}: ${issue.code === "invalid_type" && issue.path.length === 0 ? "must be an object" : issue.message}`;
      });
      problems.push(`${where}: ${issues.join("; ")}`);
      return;
    }
    const source = parsed.data as Source;
    const identity = sourceIdentity(source.url);
    if (seen.has(identity)) {
      problems.push(`${where}: url: listed twice; this entry is ignored`);
      return;
    }
    seen.add(identity);
    sources.push(source);
  });
  return { sources, problems };
}

/** Parses the file's text; a UTF-8 byte-order mark (Windows editors) is fine. */
export function parseSourcesFile(text: string, label: string): SourcesValidation {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new SourcesFileError(`${label}: not valid JSON (${(error as Error).message})`);
  }
  return validateSourcesFile(raw, label);
}

export interface SourcesSnapshot {
  /** The file as stored, entries not yet validated; `{ sources: [] }` when there is none. */
  file: { sources: unknown[]; [extra: string]: unknown };
  validation: SourcesValidation;
}

/** Reads sources.json; a missing file means no sources. */
export async function readSourcesFile(path: string, label: string): Promise<SourcesSnapshot> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { file: { sources: [] }, validation: { sources: [], problems: [] } };
    }
    throw new SourcesFileError(`${label}: cannot be read (${(error as Error).message})`);
  }
  const validation = parseSourcesFile(text, label);
  return { file: JSON.parse(text.replace(/^\uFEFF/, "")), validation };
}

const jsonWithNewline = {
  parse: JSON.parse,
  stringify: (data: unknown) => `${JSON.stringify(data, null, 2)}\n`,
};

/** Whole file, atomically (steno: temporary file then rename). */
export async function writeJsonAtomically(path: string, data: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const db = new Low<unknown>(new DataFile<unknown>(path, jsonWithNewline), {});
  db.data = data;
  await db.write();
}
