import type { MessageEntity } from "grammy/types";
import { parseHTML } from "linkedom";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderFormatted } from "../../../../dev/demo/page/formatted-text.js";

// The page's renderer runs against the browser's global document; linkedom stands in.
const window = parseHTML("<!doctype html><html><body></body></html>");
const sentCommands: string[] = [];
const actions = { sendCommand: (command: string) => sentCommands.push(command) };

beforeEach(() => {
  globalThis.document = window.document as unknown as Document;
  sentCommands.length = 0;
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, "document");
});

/** The markup a reader's browser would hold for this formatted text. */
function render(text: string, entities: MessageEntity[]): HTMLElement {
  const box = window.document.createElement("div") as unknown as HTMLElement;
  box.append(renderFormatted(text, entities, actions));
  return box;
}

describe("renderFormatted", () => {
  it("places entities at UTF-16 offsets, so text after an emoji is marked where Telegram marks it", () => {
    const box = render("👋 bold and italic", [
      { type: "bold", offset: 3, length: 4 },
      { type: "italic", offset: 12, length: 6 },
    ]);
    expect(box.innerHTML).toBe("👋 <strong>bold</strong> and <em>italic</em>");
  });

  it("nests an entity inside another, and splits one that crosses its parent's end", () => {
    expect(
      render("abcdefghi", [
        { type: "bold", offset: 0, length: 9 },
        { type: "code", offset: 3, length: 3 },
      ]).innerHTML,
    ).toBe("<strong>abc<code>def</code>ghi</strong>");
    expect(
      render("abcdefghi", [
        { type: "bold", offset: 0, length: 6 },
        { type: "italic", offset: 3, length: 6 },
      ]).innerHTML,
    ).toBe("<strong>abc<em>def</em></strong><em>ghi</em>");
  });

  it("shows bot text that looks like HTML as text, never as markup", () => {
    const box = render("<img src=x onerror=alert(1)> <b>hi</b>", [
      { type: "italic", offset: 0, length: 5 },
    ]);
    expect(box.querySelector("img")).toBeNull();
    expect(box.querySelector("b")).toBeNull();
    expect(box.textContent).toBe("<img src=x onerror=alert(1)> <b>hi</b>");
  });

  it("opens safe links in a new tab and never makes a link of javascript:", () => {
    const box = render("site trap t.me/briefbot", [
      { type: "text_link", offset: 0, length: 4, url: "https://example.org/brief" },
      { type: "text_link", offset: 5, length: 4, url: "javascript:alert(1)" },
      { type: "url", offset: 10, length: 13 },
    ]);
    const links = [...box.querySelectorAll("a")];
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["site", "https://example.org/brief"],
      ["t.me/briefbot", "http://t.me/briefbot"],
    ]);
    expect(links.every((a) => a.getAttribute("target") === "_blank")).toBe(true);
    expect(links.every((a) => a.getAttribute("rel") === "noopener noreferrer")).toBe(true);
    expect(box.textContent).toBe("site trap t.me/briefbot");
  });

  it("sends a /command when the reader taps it in the text", () => {
    const box = render("See /help", [{ type: "bot_command", offset: 4, length: 5 }]);
    box.querySelector("a.command")?.dispatchEvent(new window.Event("click") as unknown as Event);
    expect(sentCommands).toEqual(["/help"]);
  });

  it("keeps a code block's language and ignores entities outside the text", () => {
    const box = render("x = 1", [
      { type: "pre", offset: 0, length: 5, language: "python" },
      { type: "bold", offset: 40, length: 2 },
      { type: "italic", offset: 1, length: 0 },
    ]);
    expect(box.innerHTML).toBe('<pre><code data-language="python">x = 1</code></pre>');
  });
});
