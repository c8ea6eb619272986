import { mkdtemp, readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Article } from "../../src/articles/schema.js";
import type { Provenance } from "../../src/ingest/merge.js";
import { parsePlainText } from "../../src/ingest/parse-text.js";
import type { Candidate } from "../../src/ingest/types.js";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const FIXTURES = join(REPO_ROOT, "tests/fixtures/ingest");
/** The product's first story exactly as it was scraped (promo line, logo caption and all). */
export const SEED_ARTICLE = join(FIXTURES, "seed-article.txt");

export const fixture = (name: string) => join(FIXTURES, name);
export const readFixture = (name: string) => readFile(fixture(name), "utf8");
export const readSeed = () => readFile(SEED_ARTICLE, "utf8");
export const parseSeed = async () => parsePlainText(await readSeed(), SEED_ARTICLE);

export async function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "briefbot-ingest-"));
}

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (tests never reach the internet). */
export async function startLocalServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

/** A port nothing listens on: opened, then closed again. */
export async function closedPortUrl(): Promise<string> {
  const server = await startLocalServer(() => undefined);
  await server.close();
  return `${server.url}/feed.xml`;
}

/** A store item as the tests read it back: the bot's Article plus the pipeline's bookkeeping. */
export type StoredItem = Article & { ingest?: Provenance; note?: string };

export function makeCandidate(overrides: Partial<Candidate> = {}): Candidate {
  return {
    id: "sec-approves-spot-bitcoin-etfs-abc123",
    key: "abc123def4567890abc123def4567890abc123def4567890abc123def4567890",
    url: "https://techfinance.example.com/2024/01/10/sec-approves-spot-bitcoin-etfs",
    hasOwnUrl: true,
    sourceKind: "feed",
    source: "Tech Finance Daily",
    publishedAt: "2024-01-10T23:00:00.000Z",
    topics: ["crypto", "regulation"],
    language: "en",
    briefs: {
      en: {
        title: "SEC approves the first spot bitcoin ETFs",
        summary:
          "The SEC approved 11 spot bitcoin exchange-traded products on January 10, 2024. Trading began the next day.",
      },
    },
    origin: "feeds/en.xml",
    label: 'feeds/en.xml item 1 "SEC approves the first spot bitcoin ETFs"',
    warnings: [],
    ...overrides,
  };
}
