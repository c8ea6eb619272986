/**
 * Telegram's HTML parse mode, modelled on tdlib's parse_html so the bot's markup is
 * refused here for the same reasons (and with the same wording) as on Telegram.
 * Offsets and lengths are UTF-16 code units, which is what JavaScript strings count.
 *
 * One deliberate difference: Telegram shows an unknown named entity such as "&nbsp;"
 * literally, which is always a bug in the sender, so the emulator refuses it.
 */
import type { MessageEntity } from "grammy/types";

export interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

/** A refusal; `reason` completes "Bad Request: can't parse entities: ". */
export class HtmlParseError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`can't parse entities: ${reason}`);
    this.name = "HtmlParseError";
    this.reason = reason;
  }
}

const SUPPORTED_TAGS = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

const MAX_CODE_POINT = 0x10ffff;

interface OpenTag {
  name: string;
  argument: string;
  expandable: boolean;
  /** UTF-16 offset in the output text where the tag's content starts. */
  offset: number;
  /** Index in the source, for error messages. */
  sourceIndex: number;
}

/** An entity under construction; `language` rides on "code" until an enclosing </pre>. */
type DraftEntity = MessageEntity & { language?: string };

export function parseTelegramHtml(html: string): ParsedText {
  return new HtmlParser(html).parse();
}

class HtmlParser {
  private readonly source: string;
  private text = "";
  private readonly entities: DraftEntity[] = [];
  private readonly open: OpenTag[] = [];
  private index = 0;

  constructor(source: string) {
    this.source = source;
  }

  parse(): ParsedText {
    const { source } = this;
    while (this.index < source.length) {
      const char = source[this.index];
      if (char === "<") {
        if (source[this.index + 1] === "/") this.endTag();
        else this.startTag();
      } else if (char === "&") {
        const decoded = this.decodeEntity();
        if (decoded === undefined) {
          this.text += "&";
          this.index += 1;
        } else {
          this.text += decoded;
        }
      } else {
        // Copy the run of plain characters at once: the common case for long briefs.
        let end = this.index + 1;
        while (end < source.length && source[end] !== "<" && source[end] !== "&") end += 1;
        this.text += source.slice(this.index, end);
        this.index = end;
      }
    }
    const unclosed = this.open.at(-1);
    if (unclosed !== undefined) {
      throw new HtmlParseError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
    }
    return { text: this.text, entities: sortEntities(this.entities.map(finishEntity)) };
  }

  /** Byte offset in the UTF-8 source, as Telegram reports it. */
  private byteOffset(sourceIndex: number): number {
    return Buffer.byteLength(this.source.slice(0, sourceIndex), "utf8");
  }

  private fail(reason: string): never {
    throw new HtmlParseError(reason);
  }

  private skipSpaces(): void {
    while (this.index < this.source.length && isSpace(this.source[this.index])) this.index += 1;
  }

  private startTag(): void {
    const { source } = this;
    const begin = this.index;
    this.index += 1;
    while (
      this.index < source.length &&
      !isSpace(source[this.index]) &&
      source[this.index] !== ">"
    ) {
      this.index += 1;
    }
    if (this.index >= source.length) {
      this.fail(`Unclosed start tag at byte offset ${this.byteOffset(begin)}`);
    }
    const name = source.slice(begin + 1, this.index).toLowerCase();
    if (!SUPPORTED_TAGS.has(name)) {
      this.fail(`Unsupported start tag "${name}" at byte offset ${this.byteOffset(begin)}`);
    }

    let argument = "";
    let expandable = false;
    while (source[this.index] !== ">") {
      this.skipSpaces();
      if (this.index >= source.length) {
        this.fail(`Unclosed start tag at byte offset ${this.byteOffset(begin)}`);
      }
      if (source[this.index] === ">") break;
      const attributeStart = this.index;
      while (
        this.index < source.length &&
        !isSpace(source[this.index]) &&
        source[this.index] !== "=" &&
        source[this.index] !== ">"
      ) {
        this.index += 1;
      }
      const attribute = source.slice(attributeStart, this.index).toLowerCase();
      if (attribute === "") {
        this.fail(
          `Empty attribute name in the tag "${name}" at byte offset ${this.byteOffset(begin)}`,
        );
      }
      this.skipSpaces();
      if (this.index >= source.length) {
        this.fail(`Unclosed start tag "${name}" at byte offset ${this.byteOffset(begin)}`);
      }
      if (source[this.index] !== "=") {
        if (name === "blockquote" && attribute === "expandable") {
          expandable = true;
          continue;
        }
        this.fail(
          `Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${this.byteOffset(begin)}`,
        );
      }
      this.index += 1;
      this.skipSpaces();
      if (this.index >= source.length) {
        this.fail(`Unclosed start tag "${name}" at byte offset ${this.byteOffset(begin)}`);
      }
      const value = this.attributeValue();
      if (this.index >= source.length) {
        this.fail(`Unclosed start tag at byte offset ${this.byteOffset(begin)}`);
      }
      if (name === "a" && attribute === "href") argument = value;
      else if (name === "code" && attribute === "class" && value.startsWith("language-")) {
        argument = value.slice("language-".length);
      } else if (name === "span" && attribute === "class" && value.startsWith("tg-")) {
        argument = value.slice("tg-".length);
      } else if (name === "tg-emoji" && attribute === "emoji-id") argument = value;
    }
    this.index += 1; // past ">"

    if (name === "span" && argument !== "spoiler") {
      this.fail(`Tag "span" must have class "tg-spoiler" at byte offset ${this.byteOffset(begin)}`);
    }
    this.open.push({ name, argument, expandable, offset: this.text.length, sourceIndex: begin });
  }

  private attributeValue(): string {
    const { source } = this;
    const quote = source[this.index];
    if (quote === '"' || quote === "'") {
      this.index += 1;
      let value = "";
      while (this.index < source.length && source[this.index] !== quote) {
        if (source[this.index] === "&") {
          const decoded = this.decodeEntity();
          if (decoded !== undefined) {
            value += decoded;
            continue;
          }
        }
        value += source[this.index];
        this.index += 1;
      }
      if (this.index < source.length) this.index += 1; // past the closing quote
      return value;
    }
    // An unquoted name token: letters, digits, periods and hyphens, case-insensitive.
    const tokenStart = this.index;
    while (this.index < source.length && /[A-Za-z0-9.-]/.test(source[this.index] ?? "")) {
      this.index += 1;
    }
    if (this.index < source.length && !isSpace(source[this.index]) && source[this.index] !== ">") {
      this.fail(`Unexpected end of name token at byte offset ${this.byteOffset(tokenStart)}`);
    }
    return source.slice(tokenStart, this.index).toLowerCase();
  }

  private endTag(): void {
    const { source } = this;
    const begin = this.index;
    const top = this.open.at(-1);
    if (top === undefined) {
      this.fail(`Unexpected end tag at byte offset ${this.byteOffset(begin)}`);
    }
    this.index += 2;
    while (
      this.index < source.length &&
      !isSpace(source[this.index]) &&
      source[this.index] !== ">"
    ) {
      this.index += 1;
    }
    const name = source.slice(begin + 2, this.index).toLowerCase();
    this.skipSpaces();
    if (source[this.index] !== ">") {
      this.fail(`Unclosed end tag at byte offset ${this.byteOffset(begin)}`);
    }
    if (name !== "" && name !== top.name) {
      this.fail(
        `Unmatched end tag at byte offset ${this.byteOffset(begin)}, expected "</${top.name}>", found "</${name}>"`,
      );
    }
    this.index += 1;
    this.open.pop();
    const length = this.text.length - top.offset;
    if (length > 0) this.closeEntity(top, length);
  }

  private closeEntity(tag: OpenTag, length: number): void {
    const offset = tag.offset;
    const simple = SIMPLE_ENTITY_TYPES[tag.name];
    if (simple !== undefined) {
      this.entities.push({ type: simple, offset, length });
      return;
    }
    switch (tag.name) {
      case "a": {
        const url = normalizeUrl(tag.argument === "" ? this.text.slice(offset) : tag.argument);
        // Telegram silently drops a link whose URL it cannot use; the text stays.
        if (url !== undefined) this.entities.push({ type: "text_link", offset, length, url });
        return;
      }
      case "code": {
        const last = this.entities.at(-1);
        if (last?.type === "pre" && last.offset === offset && last.length === length) {
          if (tag.argument !== "") last.language = tag.argument;
          return;
        }
        const entity: DraftEntity = { type: "code", offset, length };
        if (tag.argument !== "") entity.language = tag.argument;
        this.entities.push(entity);
        return;
      }
      case "pre": {
        const last = this.entities.at(-1);
        if (last?.type === "code" && last.offset === offset && last.length === length) {
          // <pre><code class="language-x">…</code></pre> is one pre block with a language.
          const merged: DraftEntity = { type: "pre", offset, length };
          if (last.language !== undefined) merged.language = last.language;
          this.entities[this.entities.length - 1] = merged;
          return;
        }
        this.entities.push({ type: "pre", offset, length });
        return;
      }
      case "blockquote":
        this.entities.push({
          type: tag.expandable ? "expandable_blockquote" : "blockquote",
          offset,
          length,
        });
        return;
      case "tg-emoji":
        if (!/^\d{1,19}$/.test(tag.argument)) {
          this.fail("Invalid custom emoji identifier specified");
        }
        this.entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: tag.argument });
        return;
      default:
        this.fail(`Unsupported start tag "${tag.name}"`);
    }
  }

  /**
   * Decodes the entity at the cursor and moves past it, or returns undefined (cursor
   * unchanged) when the "&" starts no entity and is kept as text, as Telegram does.
   */
  private decodeEntity(): string | undefined {
    const { source } = this;
    const start = this.index;
    let cursor = start + 1;
    if (source[cursor] === "#") {
      cursor += 1;
      const hex = source[cursor] === "x" || source[cursor] === "X";
      if (hex) cursor += 1;
      const digitsStart = cursor;
      const digit = hex ? /[0-9a-fA-F]/ : /[0-9]/;
      while (cursor < source.length && digit.test(source[cursor] ?? "")) cursor += 1;
      if (cursor === digitsStart) return undefined;
      const codePoint = Number.parseInt(source.slice(digitsStart, cursor), hex ? 16 : 10);
      if (!isUsableCodePoint(codePoint)) return undefined;
      if (source[cursor] === ";") cursor += 1;
      this.index = cursor;
      return String.fromCodePoint(codePoint);
    }
    while (cursor < source.length && /[A-Za-z0-9]/.test(source[cursor] ?? "")) cursor += 1;
    if (cursor === start + 1) return undefined;
    const name = source.slice(start + 1, cursor);
    const decoded = NAMED_ENTITIES[name];
    if (decoded === undefined) {
      if (source[cursor] === ";") {
        this.fail(
          `Unsupported HTML entity "&${name};" at byte offset ${this.byteOffset(start)}; only &lt; &gt; &amp; &quot; and numeric entities are supported`,
        );
      }
      return undefined;
    }
    if (source[cursor] === ";") cursor += 1;
    this.index = cursor;
    return decoded;
  }
}

const SIMPLE_ENTITY_TYPES: Record<string, MessageEntity.CommonMessageEntity["type"]> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
};

function isSpace(char: string | undefined): boolean {
  return (
    char === " " ||
    char === "\n" ||
    char === "\t" ||
    char === "\r" ||
    char === "\f" ||
    char === "\v"
  );
}

function isUsableCodePoint(codePoint: number): boolean {
  return (
    Number.isInteger(codePoint) &&
    codePoint > 0 &&
    codePoint <= MAX_CODE_POINT &&
    !(codePoint >= 0xd800 && codePoint <= 0xdfff)
  );
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ALLOWED_LINK_SCHEMES = new Set(["http:", "https:", "tg:", "ton:", "mailto:", "tel:"]);

/**
 * The URL Telegram stores for a text_link: a scheme-less link gets "http://", and an
 * http(s) URL without a path gets "/" (so "https://x.org" comes back as "https://x.org/").
 */
export function normalizeUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (trimmed === "") return undefined;
  const withScheme = URL_SCHEME.test(trimmed) ? trimmed : `http://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (!ALLOWED_LINK_SCHEMES.has(parsed.protocol)) return undefined;
  if (parsed.protocol === "http:" || parsed.protocol === "https:") {
    if (parsed.hostname === "") return undefined;
    return parsed.href;
  }
  return withScheme;
}

function finishEntity(draft: DraftEntity): MessageEntity {
  if (draft.type === "pre") {
    return draft.language === undefined
      ? { type: "pre", offset: draft.offset, length: draft.length }
      : { type: "pre", offset: draft.offset, length: draft.length, language: draft.language };
  }
  if (draft.type === "code") return { type: "code", offset: draft.offset, length: draft.length };
  return draft;
}

/** tdlib's order of entity types that share a range (lower comes first). */
const TYPE_PRIORITY: Record<string, number> = {
  blockquote: 0,
  expandable_blockquote: 0,
  pre: 11,
  code: 20,
  text_link: 49,
  text_mention: 49,
  bot_command: 50,
  bold: 90,
  italic: 91,
  underline: 92,
  strikethrough: 93,
  spoiler: 94,
  custom_emoji: 99,
};

/** Telegram returns entities by offset, longer first, then by type. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort(
    (a, b) =>
      a.offset - b.offset ||
      b.length - a.length ||
      (TYPE_PRIORITY[a.type] ?? 50) - (TYPE_PRIORITY[b.type] ?? 50),
  );
}
