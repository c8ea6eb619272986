import { parseHTML } from "linkedom";
import { isFurnitureLine, removeFurnitureElements } from "./clean.js";
import type { TextBlock } from "./types.js";

const HEADING_TAGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6"]);
// Elements that start a new block of text; anything else is inline and joins its neighbours.
const BLOCK_TAGS = new Set([
  ...HEADING_TAGS,
  "ADDRESS",
  "ARTICLE",
  "BLOCKQUOTE",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TBODY",
  "TD",
  "TH",
  "THEAD",
  "TR",
  "UL",
]);
// Captions under pictures are credits and logo names, not article text.
const SKIPPED_TAGS = new Set([
  "FIGCAPTION",
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IMG",
  "SVG",
]);

export function collapseSpaces(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** Parses an HTML document or fragment with linkedom (no network, no scripts). */
export function parseHtmlDocument(html: string): Document {
  const looksLikeDocument = /<html[\s>]/i.test(html) || /<body[\s>]/i.test(html);
  const source = looksLikeDocument ? html : `<!doctype html><html><body>${html}</body></html>`;
  // linkedom's types are its own; at run time the object is a DOM Document.
  return parseHTML(source).document as unknown as Document;
}

/**
 * The readable blocks under `root`: one per paragraph, list item or heading, in
 * document order; <br><br> also separates paragraphs (common in feed bodies).
 * Furniture lines are dropped.
 */
export function htmlBlocks(root: Node): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = "";
  let breaks = 0;
  const flush = (kind: TextBlock["kind"] = "paragraph") => {
    const text = collapseSpaces(buffer);
    buffer = "";
    breaks = 0;
    if (text !== "" && !isFurnitureLine(text)) blocks.push({ kind, text });
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        buffer += child.textContent ?? "";
        if (/\S/.test(child.textContent ?? "")) breaks = 0;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag)) continue;
      if (tag === "BR") {
        breaks += 1;
        if (breaks >= 2) flush();
        else buffer += " ";
        continue;
      }
      if (HEADING_TAGS.has(tag)) {
        flush();
        buffer = element.textContent ?? "";
        flush("heading");
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        flush();
        walk(element);
        flush();
        continue;
      }
      walk(element);
    }
  };
  walk(root);
  flush();
  return blocks;
}

/** Blocks of an HTML fragment (a feed item's body), furniture removed. */
export function htmlFragmentBlocks(html: string): TextBlock[] {
  const document = parseHtmlDocument(html);
  removeFurnitureElements(document);
  return htmlBlocks(document.body ?? document);
}

/** Plain text of a short HTML string (a title that may hold tags or entities). */
export function htmlToPlainText(html: string): string {
  if (!/[<&]/.test(html)) return collapseSpaces(html);
  const document = parseHtmlDocument(html);
  return collapseSpaces(document.body?.textContent ?? document.textContent ?? "");
}

/** Plain text split into blocks at blank lines; single line breaks are soft wraps. */
export function plainTextBlocks(text: string): TextBlock[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((part) => collapseSpaces(part))
    .filter((part) => part !== "" && !isFurnitureLine(part))
    .map((part) => ({ kind: "paragraph" as const, text: part }));
}
