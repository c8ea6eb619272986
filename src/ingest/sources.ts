import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Clock } from "../clock.js";
import { decodeDocument } from "../newsroom/charset.js";
import { createPoliteFetcher, type PoliteFetcher } from "../newsroom/polite-fetcher.js";
import { IngestError, type SourceKind } from "./types.js";

/** How long one URL may take, connection to last byte. */
export const FETCH_TIMEOUT_MS = 20_000;
/** Larger than any article page or feed; a bigger answer is not what an editor meant. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;
// Bytes looked at to tell text from binary.
const SNIFF_BYTES = 8192;
export const INGEST_USER_AGENT = "Briefbot-ingest/0.1";
const ACCEPT_ANY_SOURCE =
  "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, text/plain;q=0.7, */*;q=0.5";

export interface SourceDocument {
  /** The argument as the editor typed it. */
  origin: string;
  kind: SourceKind;
  text: string;
  /** The address the text came from after redirects (http sources only). */
  fetchedUrl?: string;
}

export interface SourceReaders {
  readFile(path: string): Promise<Uint8Array>;
  fetch: typeof fetch;
}

/** What readSource uses: files, and http(s) through the newsroom's polite fetcher (one fetch rule). */
export interface DocumentReaders {
  readFile(path: string): Promise<Uint8Array>;
  fetcher: PoliteFetcher;
}

/** One polite fetcher for a whole ingest run, so per-host limits hold across its sources. */
export function createDocumentReaders(readers: SourceReaders, clock: Clock): DocumentReaders {
  return {
    readFile: readers.readFile,
    fetcher: createPoliteFetcher({
      fetch: readers.fetch,
      clock,
      userAgent: INGEST_USER_AGENT,
      timeoutMs: FETCH_TIMEOUT_MS,
      maxBytes: MAX_SOURCE_BYTES,
    }),
  };
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: "file not found",
  EISDIR: "is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

export function isUrlSource(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Reads a file path or fetches an http(s) URL, and says what kind of article source it is. */
export async function readSource(
  origin: string,
  readers: DocumentReaders,
): Promise<SourceDocument> {
  if (isUrlSource(origin)) return fetchSource(origin, readers.fetcher);
  let path = origin;
  if (/^file:\/\//i.test(origin)) path = fileURLToPath(origin);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(origin)) {
    throw new IngestError("unsupported address; give a file path or an http(s) URL");
  }
  let bytes: Uint8Array;
  try {
    bytes = await readers.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new IngestError(
      FILE_ERRORS[code] ?? `cannot be read (${code || (error as Error).message})`,
    );
  }
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    throw new IngestError(`file larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB; not an article`);
  }
  const text = decodeText(bytes, undefined, "file");
  return { origin, kind: detectKind(text, { extension: extname(path).toLowerCase() }), text };
}

async function fetchSource(url: string, fetcher: PoliteFetcher): Promise<SourceDocument> {
  const answer = await fetcher.get(url, { accept: ACCEPT_ANY_SOURCE });
  if (answer.kind === "failed") throw new IngestError(answer.error);
  // No validators were sent, so a 304 is the server's mistake.
  if (answer.kind === "not-modified") throw new IngestError("HTTP 304 to a plain GET");
  refuseNonText(answer.bytes, "answer");
  if (answer.text.trim() === "") throw new IngestError("empty answer; nothing to ingest");
  return {
    origin: url,
    kind: detectKind(answer.text, { contentType: answer.contentType }),
    text: answer.text,
    fetchedUrl: answer.url,
  };
}

/**
 * Bytes to text, refusing what is not text: nothing at all, NUL bytes or many
 * control characters (images, PDFs, archives). UTF-8 first; text that is not valid
 * UTF-8 is read as Windows-1252, the usual encoding of old editors' files.
 */
export function decodeText(
  bytes: Uint8Array,
  charset: string | undefined,
  what: "file" | "answer",
): string {
  refuseNonText(bytes, what);
  // The newsroom's decoder: declared charset (header, prolog, <meta>), else UTF-8, else windows-1252.
  const text = decodeDocument(bytes, charset ? `text/plain; charset=${charset}` : "");
  if (text.trim() === "") throw new IngestError(`empty ${what}; nothing to ingest`);
  return text;
}

/** Refuses what is not text: nothing at all, NUL bytes or many control characters (images, PDFs). */
export function refuseNonText(bytes: Uint8Array, what: "file" | "answer"): void {
  if (bytes.byteLength === 0) throw new IngestError(`empty ${what}; nothing to ingest`);
  const head = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const byte of head) {
    if (byte === 0)
      throw new IngestError(`binary ${what} (not text); give a feed, an HTML page or a text file`);
    if (byte < 9 || (byte > 13 && byte < 32)) controls += 1;
  }
  if (controls / head.byteLength > 0.05) {
    throw new IngestError(`binary ${what} (not text); give a feed, an HTML page or a text file`);
  }
}

/** Feed, HTML page or plain text, from the content first and the name or type second. */
export function detectKind(
  text: string,
  hints: { extension?: string; contentType?: string },
): SourceKind {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+)?html[\s>]/.test(head)) return "html";
  if (head.startsWith("<?xml") || /^<(rss|feed|rdf:rdf)[\s>]/.test(head)) return "feed";
  if (head.startsWith("<!doctype html") || /^(<!--[\s\S]*?-->\s*)*<html[\s>]/.test(head))
    return "html";
  const { extension = "", contentType = "" } = hints;
  if (/(rss|atom)\+xml|\/xml/.test(contentType) || [".xml", ".rss", ".atom"].includes(extension)) {
    return "feed";
  }
  if (contentType.includes("text/html") || [".html", ".htm", ".xhtml"].includes(extension)) {
    return "html";
  }
  if (/^<(head|body|article|main|div|p)[\s>]/.test(head)) return "html";
  if (/^[{[]/.test(head) && isJson(text)) {
    throw new IngestError(
      "JSON, not an article; give an RSS or Atom feed, an HTML page or a text file",
    );
  }
  return "text";
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
