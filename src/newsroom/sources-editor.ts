import { parseFeedText } from "../ingest/parse-feed.js";
import { parseHtmlPage } from "../ingest/parse-html.js";
import { detectKind } from "../ingest/sources.js";
import type { Locale } from "../locales.js";
import type { TopicId } from "../topics/catalog.js";
import { advertisedFeeds, OpmlError, parseOpml } from "./discover.js";
import type { PoliteFetcher } from "./polite-fetcher.js";
import {
  readSourcesFile,
  type Source,
  SourcesFileError,
  type SourcesSnapshot,
  sourceIdentity,
  writeJsonAtomically,
} from "./sources-file.js";

/**
 * Edits of sources.json shared by `npm run sources` and the admin commands: each
 * checks first, writes the whole file atomically, and leaves it untouched on refusal.
 */
export type EditRefusal =
  | "invalid-url"
  | "unreachable"
  | "not-a-feed"
  | "duplicate"
  | "not-found"
  | "broken-file";

export type AddResult =
  | {
      ok: true;
      source: Source;
      kind: "feed" | "page" /** The page that advertised the feed. */;
      via?: string;
    }
  | { ok: false; refusal: EditRefusal; detail: string };

export type RemoveResult =
  | { ok: true; source: Source }
  | { ok: false; refusal: EditRefusal; detail: string };

export interface ImportResult {
  added: Source[];
  /** Outlines left out, with why. */
  skipped: { url: string; reason: string }[];
}

export interface SourcesEditorDeps {
  path: string;
  /** How messages name the file, e.g. "data/sources.json". */
  label: string;
  fetcher: PoliteFetcher;
}

export interface AddOptions {
  name?: string;
  topics?: TopicId[];
  language?: Locale;
  everyMinutes?: number;
}

const ACCEPT_FEED_OR_PAGE =
  "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

type Probe =
  | { ok: true; url: string; kind: "feed" | "page"; name?: string; via?: string }
  | { ok: false; refusal: EditRefusal; detail: string };

function readFeedName(text: string, url: string): string | undefined {
  const items = parseFeedText(text, { origin: url, baseUrl: url });
  return items[0]?.sourceName;
}

/** Fetches the address and says what it is: a feed, a page advertising one, an article page. */
export async function probeSource(url: string, fetcher: PoliteFetcher): Promise<Probe> {
  const answer = await fetcher.get(url, { accept: ACCEPT_FEED_OR_PAGE });
  if (answer.kind !== "ok") {
    return {
      ok: false,
      refusal: "unreachable",
      detail: answer.kind === "failed" ? answer.error : "no content",
    };
  }
  let kind: ReturnType<typeof detectKind>;
  try {
    kind = detectKind(answer.text, { contentType: answer.contentType });
  } catch (error) {
    return { ok: false, refusal: "not-a-feed", detail: (error as Error).message };
  }
  if (kind === "feed") {
    try {
      return {
        ok: true,
        url: answer.url,
        kind: "feed",
        name: readFeedName(answer.text, answer.url),
      };
    } catch (error) {
      return { ok: false, refusal: "not-a-feed", detail: (error as Error).message };
    }
  }
  if (kind === "html") {
    for (const feedUrl of advertisedFeeds(answer.text, answer.url)) {
      const feed = await fetcher.get(feedUrl, { accept: ACCEPT_FEED_OR_PAGE });
      if (feed.kind !== "ok") continue;
      try {
        if (detectKind(feed.text, { contentType: feed.contentType }) !== "feed") continue;
        const name = readFeedName(feed.text, feed.url);
        return { ok: true, url: feed.url, kind: "feed", name, via: answer.url };
      } catch {
        // An advertised feed that does not parse: try the next one, else keep the page.
      }
    }
    const page = parseHtmlPage(answer.text, url, { fetchedUrl: answer.url });
    if (page.title.trim() !== "" && page.blocks.length > 0) {
      return { ok: true, url: answer.url, kind: "page", name: page.sourceName };
    }
  }
  return {
    ok: false,
    refusal: "not-a-feed",
    detail: "neither an RSS/Atom feed nor an HTML page with an article or a feed link",
  };
}

async function readForEdit(
  deps: SourcesEditorDeps,
): Promise<
  { ok: true; snapshot: SourcesSnapshot } | { ok: false; refusal: EditRefusal; detail: string }
> {
  try {
    return { ok: true, snapshot: await readSourcesFile(deps.path, deps.label) };
  } catch (error) {
    if (!(error instanceof SourcesFileError)) throw error;
    return { ok: false, refusal: "broken-file", detail: `${error.message}; fix it first` };
  }
}

function isListed(snapshot: SourcesSnapshot, url: string): boolean {
  const identity = sourceIdentity(url);
  return snapshot.file.sources.some(
    (entry) =>
      typeof entry === "object" &&
      entry !== null &&
      typeof (entry as Source).url === "string" &&
      sourceIdentity((entry as Source).url) === identity,
  );
}

export async function addSource(
  url: string,
  options: AddOptions,
  deps: SourcesEditorDeps,
): Promise<AddResult> {
  const trimmed = url.trim();
  if (!isHttpUrl(trimmed)) {
    return { ok: false, refusal: "invalid-url", detail: `"${trimmed}" is not an http(s) URL` };
  }
  const before = await readForEdit(deps);
  if (!before.ok) return before;
  if (isListed(before.snapshot, trimmed)) {
    return { ok: false, refusal: "duplicate", detail: `${trimmed} is already in ${deps.label}` };
  }
  const probe = await probeSource(trimmed, deps.fetcher);
  if (!probe.ok) return probe;
  // Read again: the file may have changed during the fetch.
  const current = await readForEdit(deps);
  if (!current.ok) return current;
  if (isListed(current.snapshot, probe.url)) {
    return { ok: false, refusal: "duplicate", detail: `${probe.url} is already in ${deps.label}` };
  }
  const name = options.name ?? probe.name;
  const source: Source = {
    url: probe.url,
    ...(name ? { name: name.slice(0, 100) } : {}),
    ...(options.topics && options.topics.length > 0 ? { topics: options.topics } : {}),
    ...(options.language ? { language: options.language } : {}),
    ...(options.everyMinutes ? { everyMinutes: options.everyMinutes } : {}),
  };
  const file = { ...current.snapshot.file, sources: [...current.snapshot.file.sources, source] };
  await writeJsonAtomically(deps.path, file);
  return { ok: true, source, kind: probe.kind, ...(probe.via ? { via: probe.via } : {}) };
}

export async function removeSource(url: string, deps: SourcesEditorDeps): Promise<RemoveResult> {
  const current = await readForEdit(deps);
  if (!current.ok) return current;
  const identity = sourceIdentity(url);
  const index = current.snapshot.file.sources.findIndex(
    (entry) =>
      typeof (entry as Source)?.url === "string" &&
      sourceIdentity((entry as Source).url) === identity,
  );
  if (index < 0) {
    return { ok: false, refusal: "not-found", detail: `${url.trim()} is not in ${deps.label}` };
  }
  const sources = [...current.snapshot.file.sources];
  const [removed] = sources.splice(index, 1);
  await writeJsonAtomically(deps.path, { ...current.snapshot.file, sources });
  return { ok: true, source: removed as Source };
}

/** Adds every feed of an OPML export that is not listed yet; no fetch (the newsroom checks them). */
export async function importOpml(
  opmlText: string,
  deps: SourcesEditorDeps,
): Promise<ImportResult | { ok: false; refusal: EditRefusal; detail: string }> {
  let outlines: ReturnType<typeof parseOpml>;
  try {
    outlines = parseOpml(opmlText);
  } catch (error) {
    if (!(error instanceof OpmlError)) throw error;
    return { ok: false, refusal: "not-a-feed", detail: error.message };
  }
  const current = await readForEdit(deps);
  if (!current.ok) return current;
  const known = new Set(
    current.snapshot.file.sources.flatMap((entry) =>
      typeof (entry as Source)?.url === "string" ? [sourceIdentity((entry as Source).url)] : [],
    ),
  );
  const added: Source[] = [];
  const skipped: ImportResult["skipped"] = [];
  for (const outline of outlines) {
    if (!isHttpUrl(outline.url)) {
      skipped.push({ url: outline.url, reason: "not an http(s) URL" });
      continue;
    }
    const identity = sourceIdentity(outline.url);
    if (known.has(identity)) {
      skipped.push({ url: outline.url, reason: "already listed" });
      continue;
    }
    known.add(identity);
    added.push({ url: outline.url, ...(outline.name ? { name: outline.name.slice(0, 100) } : {}) });
  }
  if (added.length > 0) {
    await writeJsonAtomically(deps.path, {
      ...current.snapshot.file,
      sources: [...current.snapshot.file.sources, ...added],
    });
  }
  return { added, skipped };
}
