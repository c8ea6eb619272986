/**
 * The web as the newsroom benchmark sees it: 300 sources on 30 loopback hosts
 * (ports), each of 10 sources. Feeds and article pages built from true stories
 * (tests/newsroom/stories.ts), with an ETag; some sources change between passes,
 * some answer 304, some are slow, some fail.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type LocalServer, startLocalServer } from "../tests/ingest/ingest-helpers.js";
import { articlePage, type FeedItem, rssFeed } from "../tests/newsroom/loopback-sites.js";
import {
  AI_ACT,
  ARCEP_5G_PARAGRAPHS,
  ARCEP_5G_TITLE,
  DIGITAL_POUND,
  MICA,
  NVIDIA_PAGE_PARAGRAPHS,
  NVIDIA_TEASER,
} from "../tests/newsroom/stories.js";

export const SOURCES = 300;
const HOSTS = 30;
const ITEMS_PER_FEED = 10;
/** A slow source answers after this long. */
export const SLOW_MS = 2000;

export type SourceRole =
  | "changing-feed"
  | "teaser-feed"
  | "unchanged-feed"
  | "page"
  | "slow"
  | "failing";

/** Which sources do what in the measured pass (index → role). */
export function roleOf(index: number): SourceRole {
  if (index < 140) return "changing-feed";
  if (index < 150) return "teaser-feed";
  if (index < 200) return "unchanged-feed";
  if (index < 250) return "page";
  if (index < 275) return "slow";
  return "failing";
}

const STORIES = [AI_ACT, DIGITAL_POUND, MICA];

function itemsOf(source: number, version: number, teaser: boolean): FeedItem[] {
  // Each version adds 5 items on top; items keep their links across versions.
  const count = ITEMS_PER_FEED + (version - 1) * 5;
  return Array.from({ length: count }, (_, k) => {
    const story = STORIES[(source + k) % STORIES.length] as FeedItem;
    const base = teaser ? NVIDIA_TEASER : story;
    return {
      ...base,
      title: `${base.title} (${source}-${k})`,
      link: teaser ? `/s${source}/page-${k}` : `/s${source}/item-${k}`,
    };
  }).reverse();
}

// A long article page: many paragraphs, as news sites serve them (about 30 KB).
const LONG_PARAGRAPHS = Array.from({ length: 8 }, () => [...NVIDIA_PAGE_PARAGRAPHS]).flat();

// Bodies are built once: serving must cost the measuring process next to nothing.
const bodies = new Map<string, string>();
function cached(key: string, build: () => string): string {
  let body = bodies.get(key);
  if (body === undefined) {
    body = build();
    bodies.set(key, body);
  }
  return body;
}

export interface BenchSites {
  urls: string[];
  /** Version served from now on: 1 for the warm-up pass, 2 for the measured one. */
  setVersion(version: number): void;
  requests(): number;
  close(): Promise<void>;
}

export async function startBenchSites(): Promise<BenchSites> {
  let version = 1;
  let requests = 0;
  const servers: LocalServer[] = [];
  const urls: string[] = [];
  for (let host = 0; host < HOSTS; host += 1) {
    const server = await startLocalServer((request, response) => {
      requests += 1;
      const match = /^\/s(\d+)\/(\w+)(?:-(\d+))?/.exec(request.url ?? "");
      const source = Number(match?.[1]);
      const role = roleOf(source);
      const kind = match?.[2];
      const answer = async () => {
        if (role === "slow") await sleep(SLOW_MS);
        if (role === "failing" && version > 1) {
          response.writeHead(500).end();
          return;
        }
        if (kind === "page") {
          // A teaser's article page.
          const page = `${source}-${match?.[3]}`;
          response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
            cached(`page ${page}`, () =>
              articlePage({
                title: `${NVIDIA_TEASER.title} (${page})`,
                paragraphs: LONG_PARAGRAPHS,
                lang: "en",
              }),
            ),
          );
          return;
        }
        const changes = role === "changing-feed" || role === "teaser-feed" || role === "page";
        const served = changes ? version : 1;
        const etag = `"s${source}-v${served}"`;
        if (request.headers["if-none-match"] === etag) {
          response.writeHead(304, { etag }).end();
          return;
        }
        const base = servers[host]?.url ?? "";
        const body = cached(etag, () =>
          role === "page"
            ? articlePage({
                title: `${ARCEP_5G_TITLE} (${source}-v${served})`,
                paragraphs: [...ARCEP_5G_PARAGRAPHS, ...LONG_PARAGRAPHS],
                lang: "fr",
              })
            : rssFeed(
                base,
                `Bench source ${source}`,
                itemsOf(source, served, role === "teaser-feed"),
              ),
        );
        const type = role === "page" ? "text/html; charset=utf-8" : "application/rss+xml";
        response.writeHead(200, { "content-type": type, etag }).end(body);
      };
      answer().catch(() => response.destroy());
    });
    servers.push(server);
  }
  for (let source = 0; source < SOURCES; source += 1) {
    const server = servers[source % HOSTS] as LocalServer;
    urls.push(`${server.url}/s${source}/${roleOf(source) === "page" ? "article" : "feed"}`);
  }
  return {
    urls,
    setVersion: (next) => {
      version = next;
    },
    requests: () => requests,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
