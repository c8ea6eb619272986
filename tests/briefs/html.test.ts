import { describe, expect, it } from "vitest";
import {
  bold,
  escapeHtml,
  join,
  link,
  text,
  translatedHtml,
  trusted,
} from "../../src/briefs/html.js";

describe("escapeHtml", () => {
  it("should escape exactly the characters Telegram's HTML mode needs", () => {
    expect(escapeHtml(`AT&T <b> "quoted" 'single' ©`)).toBe(
      "AT&amp;T &lt;b&gt; &quot;quoted&quot; 'single' ©",
    );
  });
});

describe("Html builder", () => {
  it("should count visible characters, not markup", () => {
    const message = join([
      bold("S&P 500"),
      text(" < 5 % "),
      link("read", "https://x.test/?a=1&b=2"),
    ]);
    expect(message.html).toBe(
      '<b>S&amp;P 500</b> &lt; 5 % <a href="https://x.test/?a=1&amp;b=2">read</a>',
    );
    expect(message.length).toBe("S&P 500 < 5 % read".length);
  });

  it("should count emoji in UTF-16 units as Telegram does", () => {
    expect(text("🚀 AI").length).toBe(5);
  });

  it("should measure trusted locale markup by its visible text", () => {
    expect(trusted("<b>Topics</b> &amp; more").length).toBe("Topics & more".length);
  });

  it("should escape variables put into a translation that carries markup", () => {
    const t = (_key: string, vars?: Record<string, string | number>) => `<b>Hi</b> ${vars?.name}`;
    expect(translatedHtml(t, "greeting", { name: "<script>" }).html).toBe(
      "<b>Hi</b> &lt;script&gt;",
    );
  });
});
