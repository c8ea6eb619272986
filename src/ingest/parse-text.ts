import { basename, extname } from "node:path";
import { isFurnitureLine } from "./clean.js";
import { collapseSpaces } from "./html-text.js";
import { hostName, isHttpUrl, toIsoDate } from "./metadata.js";
import type { RawArticle, TextBlock } from "./types.js";

// A subheading is a short line with no closing punctuation ("Le gouvernement chinois adopte la blockchain").
const SUBHEADING_MAX_CHARS = 120;
// A headline has at least this many words; "Tencent logo" or "Menu" do not.
const HEADLINE_MIN_WORDS = 3;
const HEADLINE_MAX_CHARS = 300;

// Optional lines an editor can put above the headline: "URL: https://…", "Source: Reuters", "Date: 2020-05-26".
const HEADER_LINE = /^(url|lien|link|source|date|published|publié le|publie le)\s*:\s*(.+)$/i;

function isSubheading(text: string): boolean {
  return text.length <= SUBHEADING_MAX_CHARS && !/[.!?…:;,»"”)]$/.test(text);
}

function looksLikeHeadline(line: string): boolean {
  const words = line.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  return words.length >= HEADLINE_MIN_WORDS && line.length <= HEADLINE_MAX_CHARS;
}

/**
 * A plain-text article as editors paste or scrape it: maybe promo or logo lines
 * first, optional "URL:"/"Source:"/"Date:" lines, the headline (the first
 * substantial line that is not furniture), then paragraphs separated by blank lines
 * or one per line. Short unpunctuated lines in the body are subheadings.
 */
export function parsePlainText(text: string, origin: string, fetchedUrl?: string): RawArticle {
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const header: { url?: string; source?: string; date?: string } = {};
  let index = 0;
  let title = "";
  for (; index < lines.length; index++) {
    const line = collapseSpaces(lines[index] ?? "");
    if (line === "" || isFurnitureLine(line)) continue;
    const field = HEADER_LINE.exec(line);
    if (field) {
      const name = (field[1] ?? "").toLowerCase();
      const value = (field[2] ?? "").trim();
      if (name === "source") header.source = value;
      else if (["url", "lien", "link"].includes(name)) header.url = value;
      else header.date = value;
      continue;
    }
    if (isHttpUrl(line)) {
      header.url ??= line;
      continue;
    }
    if (looksLikeHeadline(line)) {
      title = line;
      index += 1;
      break;
    }
  }

  // Blank lines separate paragraphs when the text has them; otherwise every line is one.
  const bodyLines = lines.slice(index);
  const hasBlankLines = bodyLines.some(
    (line, at) => line.trim() === "" && at > 0 && at < bodyLines.length - 1,
  );
  const parts = hasBlankLines ? bodyLines.join("\n").split(/\n\s*\n/) : bodyLines;
  const blocks: TextBlock[] = [];
  for (const part of parts) {
    const lineCount = part.trim().split("\n").length;
    const paragraph = collapseSpaces(part);
    if (paragraph === "" || isFurnitureLine(paragraph)) continue;
    blocks.push({
      kind: lineCount === 1 && isSubheading(paragraph) ? "heading" : "paragraph",
      text: paragraph,
    });
  }

  const url = header.url ?? fetchedUrl;
  const fileName = basename(origin);
  return {
    kind: "text",
    origin,
    label: origin,
    title,
    blocks,
    url,
    publishedAt: header.date ? toIsoDate(header.date) : undefined,
    sourceName: header.source ?? hostName(url) ?? basename(fileName, extname(fileName)),
    keywords: [],
  };
}
