import { createHash } from "node:crypto";
import { ARTICLE_ID_PATTERN } from "../articles/schema.js";
import { normalizeTopicText } from "../topics/aliases.js";

// Words that make an id longer without making it easier to recognise.
const SLUG_STOPWORDS = new Set(
  (
    "a an the of in on at to for and or by with from as is are its it this that " +
    "le la les l un une des de du d et ou en dans sur pour par au aux a avec sans ce cette son sa ses qui que " +
    "va vont sera est sont"
  ).split(" "),
);
const SLUG_MAX_WORDS = 6;
const SLUG_MAX_CHARS = 60;
/** Hex characters of the key hash in an id: 16.7 million values behind a readable slug. */
const ID_HASH_CHARS = 6;

// Tracking parameters say who shared a link, not which article it is.
const TRACKING_PARAMETER = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref)$/i;

/** An http(s) URL without its fragment and tracking parameters, or undefined. */
export function canonicalUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  url.hash = "";
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
  }
  return url.toString();
}

/**
 * What two URLs of the same article share: no scheme, no "www.", no trailing
 * slash, no tracking parameters. Undefined when `value` is not an http(s) URL.
 */
export function urlIdentity(value: string | undefined): string | undefined {
  const url = canonicalUrl(value);
  if (!url) return undefined;
  return url.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/+(?=$|\?)/, "");
}

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Text reduced to its words, so spacing and punctuation changes keep the same hash. */
function contentFingerprint(text: string): string {
  return normalizeTopicText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * What makes an article the same article across runs: its canonical URL, else its
 * feed guid, else a hash of its words. Returned as a hex digest.
 */
export function articleKey(source: { url?: string; guid?: string; content: string }): string {
  const identity = urlIdentity(source.url);
  if (identity) return sha256(`url:${identity}`);
  const guid = source.guid?.trim();
  if (guid) return sha256(`guid:${guid}`);
  return sha256(`text:${contentFingerprint(source.content)}`);
}

/** The words of a title that tell it apart: lowercase ASCII, no accents, no filler words. */
export function titleWords(title: string): string[] {
  return normalizeTopicText(title)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((word) => word !== "" && !SLUG_STOPWORDS.has(word));
}

/** A readable slug of the title. */
export function slugify(title: string): string {
  const words = titleWords(title);
  let slug = "";
  for (const word of words.slice(0, SLUG_MAX_WORDS)) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > SLUG_MAX_CHARS) break;
    slug = next;
  }
  return slug === "" ? "article" : slug;
}

/** "tencent-70-milliards-dollars-investit-fintech-3f9a1c": slug, then the key's first hex digits. */
export function createArticleId(title: string, key: string): string {
  const id = `${slugify(title)}-${key.slice(0, ID_HASH_CHARS)}`;
  if (!ARTICLE_ID_PATTERN.test(id))
    throw new Error(`internal: id "${id}" breaks ARTICLE_ID_PATTERN`);
  return id;
}
