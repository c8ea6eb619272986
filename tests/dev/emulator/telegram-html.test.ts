import type { MessageEntity } from "grammy/types";
import { describe, expect, test } from "vitest";
import { HtmlParseError, parseTelegramHtml } from "../../../dev/emulator/index.js";

describe("parseTelegramHtml accepts Telegram's HTML subset", () => {
  const accepted: { html: string; text: string; entities: MessageEntity[] }[] = [
    {
      html: "<b>Bold</b> and plain",
      text: "Bold and plain",
      entities: [{ type: "bold", offset: 0, length: 4 }],
    },
    {
      html: "<b>a<i>b<u>c</u></i></b>",
      text: "abc",
      entities: [
        { type: "bold", offset: 0, length: 3 },
        { type: "italic", offset: 1, length: 2 },
        { type: "underline", offset: 2, length: 1 },
      ],
    },
    {
      html: "<strong>1</strong><em>2</em><ins>3</ins><s>4</s><strike>5</strike><del>6</del>",
      text: "123456",
      entities: [
        { type: "bold", offset: 0, length: 1 },
        { type: "italic", offset: 1, length: 1 },
        { type: "underline", offset: 2, length: 1 },
        { type: "strikethrough", offset: 3, length: 1 },
        { type: "strikethrough", offset: 4, length: 1 },
        { type: "strikethrough", offset: 5, length: 1 },
      ],
    },
    {
      html: '<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler>',
      text: "xy",
      entities: [
        { type: "spoiler", offset: 0, length: 1 },
        { type: "spoiler", offset: 1, length: 1 },
      ],
    },
    {
      html: '<a href="https://example.com/a?x=1&amp;y=2">link</a>',
      text: "link",
      entities: [{ type: "text_link", offset: 0, length: 4, url: "https://example.com/a?x=1&y=2" }],
    },
    {
      html: "<code>x = 1</code>",
      text: "x = 1",
      entities: [{ type: "code", offset: 0, length: 5 }],
    },
    {
      html: '<pre><code class="language-python">print(1)</code></pre>',
      text: "print(1)",
      entities: [{ type: "pre", offset: 0, length: 8, language: "python" }],
    },
    { html: "<pre>block</pre>", text: "block", entities: [{ type: "pre", offset: 0, length: 5 }] },
    {
      html: "<blockquote>q</blockquote><blockquote expandable>long</blockquote>",
      text: "qlong",
      entities: [
        { type: "blockquote", offset: 0, length: 1 },
        { type: "expandable_blockquote", offset: 1, length: 4 },
      ],
    },
    {
      html: '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
      text: "👍",
      entities: [
        { type: "custom_emoji", offset: 0, length: 2, custom_emoji_id: "5368324170671202286" },
      ],
    },
    { html: "&lt;b&gt; &amp; &quot;q&quot;", text: '<b> & "q"', entities: [] },
    { html: "&#65;&#x1F600;", text: "A😀", entities: [] },
    { html: "AT&T R&D", text: "AT&T R&D", entities: [] },
    {
      html: "😀 <b>x</b>",
      text: "😀 x",
      entities: [{ type: "bold", offset: 3, length: 1 }],
    },
    { html: "<B>caps</B>", text: "caps", entities: [{ type: "bold", offset: 0, length: 4 }] },
    { html: "<b></b>empty tags vanish", text: "empty tags vanish", entities: [] },
  ];

  test.each(accepted)("$html", ({ html, text, entities }) => {
    expect(parseTelegramHtml(html)).toEqual({ text, entities });
  });
});

describe("parseTelegramHtml refuses what Telegram refuses", () => {
  const refused: { html: string; reason: string }[] = [
    { html: "line<br>next", reason: 'Unsupported start tag "br" at byte offset 4' },
    // Byte offsets are in UTF-8: "é" takes two bytes.
    { html: "é<br/>", reason: 'Unsupported start tag "br/" at byte offset 2' },
    { html: "<div>x</div>", reason: 'Unsupported start tag "div" at byte offset 0' },
    { html: "1 < 2", reason: 'Unsupported start tag "" at byte offset 2' },
    { html: "x <b", reason: "Unclosed start tag at byte offset 2" },
    { html: "<b>never closed", reason: 'Can\'t find end tag corresponding to start tag "b"' },
    {
      html: "<b><i>x</b></i>",
      reason: 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"',
    },
    { html: "x</b>", reason: "Unexpected end tag at byte offset 1" },
    {
      html: '<span class="red">x</span>',
      reason: 'Tag "span" must have class "tg-spoiler" at byte offset 0',
    },
    { html: "a&nbsp;b", reason: 'Unsupported HTML entity "&nbsp;" at byte offset 1' },
    { html: '<a href="x.org">x', reason: 'Can\'t find end tag corresponding to start tag "a"' },
    { html: '<a href="x.org"', reason: "Unclosed start tag at byte offset 0" },
  ];

  test.each(refused)("$html", ({ html, reason }) => {
    let caught: unknown;
    try {
      parseTelegramHtml(html);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HtmlParseError);
    expect((caught as HtmlParseError).reason).toContain(reason);
  });
});
