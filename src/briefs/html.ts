/**
 * Telegram HTML built from parts that know their visible length, so a message can
 * be measured exactly as Telegram counts it (UTF-16 units after entity parsing)
 * without re-parsing the markup.
 */
export interface Html {
  readonly html: string;
  /** Visible length in UTF-16 code units, what Telegram's 4,096 limit counts. */
  readonly length: number;
}

/**
 * Escapes text for Telegram's HTML mode. Only &lt; &gt; &amp; &quot; are named
 * entities Telegram accepts, so nothing else is named.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function text(value: string): Html {
  return { html: escapeHtml(value), length: value.length };
}

function wrap(tag: string, inner: Html, attributes = ""): Html {
  return { html: `<${tag}${attributes}>${inner.html}</${tag}>`, length: inner.length };
}

export const bold = (inner: Html | string): Html => wrap("b", asHtml(inner));
export const italic = (inner: Html | string): Html => wrap("i", asHtml(inner));

export function link(inner: Html | string, url: string): Html {
  return wrap("a", asHtml(inner), ` href="${escapeHtml(url)}"`);
}

export function join(parts: readonly (Html | string)[], separator: Html | string = ""): Html {
  const sep = asHtml(separator);
  let html = "";
  let length = 0;
  parts.forEach((part, index) => {
    const piece = asHtml(part);
    if (index > 0) {
      html += sep.html;
      length += sep.length;
    }
    html += piece.html;
    length += piece.length;
  });
  return { html, length };
}

/**
 * Trusted markup from our own locale files (e.g. "<b>Topics</b>"); its visible
 * length is measured by dropping tags and decoding the four named entities.
 */
export function trusted(html: string): Html {
  const visible = html
    .replace(/<[^>]*>/g, "")
    .replace(/&(lt|gt|amp|quot);/g, "_")
    .replace(/&#x?[0-9a-f]+;/gi, "_");
  return { html, length: visible.length };
}

function asHtml(value: Html | string): Html {
  return typeof value === "string" ? text(value) : value;
}

/**
 * A translation that carries markup of its own (e.g. "<b>Topics</b>: { $list }"):
 * the variables are escaped, the template's tags are kept.
 */
export function translatedHtml(
  translate: (key: string, variables?: Record<string, string | number>) => string,
  key: string,
  variables: Record<string, string | number> = {},
): Html {
  const escaped = Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      typeof value === "string" ? escapeHtml(value) : value,
    ]),
  );
  return trusted(translate(key, escaped));
}
