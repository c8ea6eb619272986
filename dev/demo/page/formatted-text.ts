/**
 * Telegram's formatted text (plain text plus entities at UTF-16 offsets) to DOM. Bot
 * text reaches the page only as text nodes inside elements chosen by entity type,
 * never as HTML.
 */
import type { MessageEntity } from "grammy/types";
import { el } from "./dom.js";

/** An entity clipped to the text, with the text it covers. */
type PlacedEntity = MessageEntity & { end: number; source: string };

interface EntityNodes {
  /** What goes into the parent. */
  outer: HTMLElement;
  /** Where the entity's text and nested entities go. */
  inner: HTMLElement;
}

export interface FormattedTextActions {
  /** A tap on a /command in the text sends it, as in Telegram. */
  sendCommand(command: string): void;
}

const SAFE_LINK_PROTOCOL = /^(https?|tg|mailto):$/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The URL if its scheme is one a link may open (never javascript: or data:), else null. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return SAFE_LINK_PROTOCOL.test(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link opening in a new tab, or a plain span when the address is not safe to open. */
export function linkTo(href: string): HTMLElement {
  const safe = safeHref(href);
  if (safe === null) return el("span", "entity");
  const a = el("a");
  a.href = safe;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  a.title = safe;
  return a;
}

function spoiler(): HTMLElement {
  const node = el("span", "spoiler");
  node.title = "Tap to reveal";
  node.addEventListener("click", () => node.classList.add("revealed"));
  return node;
}

function commandLink(command: string, actions: FormattedTextActions): HTMLElement {
  const node = el("a", "command");
  node.href = "#";
  node.addEventListener("click", (event) => {
    event.preventDefault();
    actions.sendCommand(command);
  });
  return node;
}

function preBlock(language: string | undefined): EntityNodes {
  const pre = el("pre");
  const code = el("code");
  if (language) code.setAttribute("data-language", language);
  pre.append(code);
  return { outer: pre, inner: code };
}

function inlineNode(entity: PlacedEntity, actions: FormattedTextActions): HTMLElement {
  const { source } = entity;
  switch (entity.type) {
    case "bold":
      return el("strong");
    case "italic":
      return el("em");
    case "underline":
      return el("u");
    case "strikethrough":
      return el("s");
    case "code":
      return el("code");
    case "blockquote":
    case "expandable_blockquote":
      return el("blockquote");
    case "spoiler":
      return spoiler();
    case "text_link":
      return linkTo(entity.url);
    case "url":
      return linkTo(HAS_SCHEME.test(source) ? source : `http://${source}`);
    case "email":
      return linkTo(`mailto:${source}`);
    case "bot_command":
      return commandLink(source, actions);
    default:
      return el("span", `entity entity-${String(entity.type).replace(/[^a-z_]/g, "")}`);
  }
}

function entityNodes(entity: PlacedEntity, actions: FormattedTextActions): EntityNodes {
  if (entity.type === "pre") return preBlock(entity.language);
  const node = inlineNode(entity, actions);
  return { outer: node, inner: node };
}

function byStart(a: PlacedEntity, b: PlacedEntity): number {
  return a.offset - b.offset || b.end - a.end;
}

function insertSorted(list: PlacedEntity[], from: number, item: PlacedEntity): void {
  let at = from;
  while (at < list.length && byStart(list[at] as PlacedEntity, item) <= 0) at += 1;
  list.splice(at, 0, item);
}

/** Entities that cover some of the text, clipped to it, outermost first at each offset. */
function placeEntities(text: string, entities: readonly MessageEntity[]): PlacedEntity[] {
  return entities
    .filter(
      (e) =>
        Number.isInteger(e.offset) &&
        Number.isInteger(e.length) &&
        e.length > 0 &&
        e.offset >= 0 &&
        e.offset < text.length,
    )
    .map((e) => {
      const end = Math.min(text.length, e.offset + e.length);
      return { ...e, end, source: text.slice(e.offset, end) };
    })
    .sort(byStart);
}

interface OpenNode {
  node: Node;
  end: number;
}

export function renderFormatted(
  text: string,
  entities: readonly MessageEntity[] | undefined,
  actions: FormattedTextActions,
): DocumentFragment {
  const root = document.createDocumentFragment();
  const pending = placeEntities(text, entities ?? []);
  const stack: OpenNode[] = [{ node: root, end: text.length }];
  let pos = 0;
  let i = 0;
  while (pos < text.length) {
    let top = stack[stack.length - 1] as OpenNode;
    while (stack.length > 1 && top.end <= pos) {
      stack.pop();
      top = stack[stack.length - 1] as OpenNode;
    }
    const entity = pending[i];
    if (entity !== undefined && entity.offset <= pos) {
      i += 1;
      if (entity.end <= pos) continue;
      let end = entity.end;
      if (end > top.end) {
        // Crosses the end of its parent: close it there and reopen the rest after.
        insertSorted(pending, i, { ...entity, offset: top.end });
        end = top.end;
      }
      const made = entityNodes(entity, actions);
      top.node.appendChild(made.outer);
      stack.push({ node: made.inner, end });
      continue;
    }
    const next = Math.min(top.end, entity !== undefined ? entity.offset : text.length);
    top.node.appendChild(document.createTextNode(text.slice(pos, next)));
    pos = next;
  }
  return root;
}
