import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { type LocalServer, startLocalServer } from "../ingest/ingest-helpers.js";

/** What one path answers; tests change it between passes, as a site changes over time. */
export type Route =
  | { status: number; headers?: Record<string, string>; body?: string | Buffer }
  | ((request: IncomingMessage, response: ServerResponse) => void);

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A loopback web server of feeds and pages whose answers a test rewrites at will. */
export interface LoopbackSites {
  url: string;
  set(path: string, route: Route): void;
  /** Requests received so far, oldest first; for one path when given. */
  seen(path?: string): SeenRequest[];
  close(): Promise<void>;
}

export async function startLoopbackSites(): Promise<LoopbackSites> {
  const routes = new Map<string, Route>();
  const seen: SeenRequest[] = [];
  const server: LocalServer = await startLocalServer((request, response) => {
    const path = request.url ?? "/";
    seen.push({ path, headers: request.headers });
    const route = routes.get(path);
    if (route === undefined) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not here");
    } else if (typeof route === "function") {
      route(request, response);
    } else {
      response.writeHead(route.status, route.headers).end(route.body);
    }
  });
  return {
    url: server.url,
    set: (path, route) => routes.set(path, route),
    seen: (path) => (path === undefined ? [...seen] : seen.filter((entry) => entry.path === path)),
    close: () => server.close(),
  };
}

/**
 * A feed answering like a careful server: an ETag and Last-Modified on 200, and
 * 304 when the reader sends them back unchanged.
 */
export function conditionalFeed(body: string, version: string): Route {
  const etag = `"${version}"`;
  const lastModified = "Wed, 02 Dec 2026 08:00:00 GMT";
  return (request, response) => {
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response
      .writeHead(200, {
        "content-type": "application/rss+xml; charset=utf-8",
        etag,
        "last-modified": lastModified,
      })
      .end(body);
  };
}

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An RSS 2.0 feed of a site at `base`; item links are paths on it. */
export function rssFeed(
  base: string,
  title: string,
  items: readonly FeedItem[],
  extra: { language?: string; channelXml?: string } = {},
): string {
  const entries = items
    .map(
      (item) => `<item><title>${escapeXml(item.title)}</title><link>${base}${item.link}</link>
<description>${escapeXml(item.description)}</description><pubDate>${item.pubDate}</pubDate></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>${escapeXml(title)}</title><link>${base}/</link>
<language>${extra.language ?? "en"}</language>${extra.channelXml ?? ""}
${entries}
</channel></rss>`;
}

/** An article page the Readability path reads: a headline and a few paragraphs. */
export function articlePage(options: {
  title: string;
  paragraphs: readonly string[];
  lang: string;
  charsetMeta?: string;
  site?: string;
  /** Other language editions, hreflang → absolute URL, as <link rel="alternate" hreflang>. */
  editions?: Record<string, string>;
}): string {
  const charset = options.charsetMeta ? `<meta charset="${options.charsetMeta}">` : "";
  const editions = Object.entries(options.editions ?? {})
    .map(([lang, href]) => `<link rel="alternate" hreflang="${lang}" href="${href}">`)
    .join("");
  const meta = charset + editions;
  return `<!doctype html><html lang="${options.lang}"><head>${meta}<title>${options.title}</title>
<meta property="og:site_name" content="${options.site ?? "Loopback News"}"></head>
<body><header><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav></header>
<main><article><h1>${options.title}</h1>
${options.paragraphs.map((text) => `<p>${text}</p>`).join("\n")}
</article></main><footer>© Loopback News</footer></body></html>`;
}
