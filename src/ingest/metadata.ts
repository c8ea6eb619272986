/** Small readers for what sources say about an article: dates, addresses, site names. */

/** A date as ISO 8601 (UTC), or undefined when missing or unreadable. */
export function toIsoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** `href` resolved against `base`, or undefined when it is not a URL. */
export function absoluteUrl(href: string | undefined, base?: string): string | undefined {
  if (!href || href.trim() === "") return undefined;
  try {
    return new URL(href.trim(), base).toString();
  } catch {
    return undefined;
  }
}

export function isHttpUrl(value: string | undefined): value is string {
  return value !== undefined && /^https?:\/\/\S+$/i.test(value.trim());
}

/** "www.example.com" → "example.com"; undefined for anything that is not a URL. */
export function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}
