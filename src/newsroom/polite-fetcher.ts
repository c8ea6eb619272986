import type { Clock } from "../clock.js";
import { decodeDocument } from "./charset.js";

/**
 * HTTP the way a good feed reader does it: conditional GET, compression, a few
 * redirects, a deadline and a size cap, a User-Agent that says who we are, one
 * request at a time per host and a bounded number overall, and Retry-After kept.
 */
export const MAX_REDIRECTS = 5;
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_CONCURRENT = 8;
/** A Retry-After longer than this is read as "a day" rather than trusted as is. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
/** When a 429/503 gives no Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 30 * 60 * 1000;

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | {
      kind: "ok";
      /** Address after redirects. */
      url: string;
      text: string;
      /** The body as received (after content decoding), for callers that sniff binary. */
      bytes: Uint8Array;
      contentType: string;
      validators: Validators;
    }
  | { kind: "not-modified"; url: string; validators: Validators }
  | {
      kind: "failed";
      url: string;
      error: string;
      /** 429/503: the host asked us to wait this long (ms). */
      retryAfterMs?: number;
    };

export interface PoliteFetcherOptions {
  fetch: typeof fetch;
  clock: Clock;
  /** E.g. "Briefbot/0.1 (+https://t.me/briefbot)"; a function when the name is known later (getMe). */
  userAgent: string | (() => string);
  timeoutMs?: number;
  maxBytes?: number;
  maxConcurrent?: number;
}

export interface PoliteFetcher {
  get(url: string, options?: { validators?: Validators; accept?: string }): Promise<FetchOutcome>;
}

// What Node's fetch puts in error.cause.code, said the way an editor would.
const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed by the server",
  CERT_HAS_EXPIRED: "the site's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the site's TLS certificate is self-signed",
  ERR_TLS_CERT_ALTNAME_INVALID: "the site's TLS certificate is for another name",
};

function describeFetchError(error: unknown, timeoutMs: number): string {
  const failure = error as Error & { cause?: { code?: string; message?: string } };
  if (failure?.name === "TimeoutError" || failure?.name === "AbortError") {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const code = failure?.cause?.code;
  if (code) return `${NETWORK_ERRORS[code] ?? "network error"} (${code})`;
  return failure?.cause?.message ?? failure?.message ?? String(error);
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = at - now.getTime();
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** A counting semaphore: at most `limit` holders at once, the rest wait in order. */
function createLimiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

export function createPoliteFetcher(options: PoliteFetcherOptions): PoliteFetcher {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const overall = createLimiter(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
  const perHost = new Map<string, ReturnType<typeof createLimiter>>();
  // Hosts that answered 429/503: no request before this time (ms since epoch).
  const hostPausedUntil = new Map<string, number>();

  const onHost = <T>(host: string, work: () => Promise<T>): Promise<T> => {
    let limiter = perHost.get(host);
    if (!limiter) {
      limiter = createLimiter(1);
      perHost.set(host, limiter);
    }
    return limiter(work);
  };

  async function request(
    url: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Response> {
    const host = hostOf(url);
    return onHost(host, () =>
      overall(() => options.fetch(url, { redirect: "manual", signal, headers })),
    );
  }

  async function get(
    firstUrl: string,
    { validators = {}, accept = "*/*" }: { validators?: Validators; accept?: string } = {},
  ): Promise<FetchOutcome> {
    const signal = AbortSignal.timeout(timeoutMs);
    let url = firstUrl;
    const headers: Record<string, string> = {
      "user-agent": typeof options.userAgent === "string" ? options.userAgent : options.userAgent(),
      accept,
      "accept-encoding": "gzip, deflate, br",
    };
    if (validators.etag) headers["if-none-match"] = validators.etag;
    if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
    for (let redirects = 0; ; redirects += 1) {
      const pausedUntil = hostPausedUntil.get(hostOf(url)) ?? 0;
      const now = options.clock.now();
      if (pausedUntil > now.getTime()) {
        return {
          kind: "failed",
          url,
          error: "the site asked us to wait (Retry-After)",
          retryAfterMs: pausedUntil - now.getTime(),
        };
      }
      let response: Response;
      try {
        response = await request(url, headers, signal);
      } catch (error) {
        return {
          kind: "failed",
          url,
          error: `unreachable: ${describeFetchError(error, timeoutMs)}`,
        };
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get("location");
        if (!location) {
          return { kind: "failed", url, error: `HTTP ${response.status} without a Location` };
        }
        if (redirects >= MAX_REDIRECTS) {
          return { kind: "failed", url, error: `more than ${MAX_REDIRECTS} redirects` };
        }
        url = new URL(location, url).toString();
        continue;
      }
      const answered: Validators = {
        ...(response.headers.get("etag") ? { etag: response.headers.get("etag") as string } : {}),
        ...(response.headers.get("last-modified")
          ? { lastModified: response.headers.get("last-modified") as string }
          : {}),
      };
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: "not-modified", url, validators: { ...validators, ...answered } };
      }
      if (response.status === 429 || response.status === 503) {
        await response.body?.cancel().catch(() => undefined);
        const retryAfterMs =
          parseRetryAfter(response.headers.get("retry-after"), now) ?? DEFAULT_RETRY_AFTER_MS;
        hostPausedUntil.set(hostOf(url), now.getTime() + retryAfterMs);
        return {
          kind: "failed",
          url,
          error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
          retryAfterMs,
        };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return {
          kind: "failed",
          url,
          error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
        };
      }
      let bytes: Uint8Array | undefined;
      try {
        bytes = await readCapped(response, maxBytes);
      } catch (error) {
        return {
          kind: "failed",
          url,
          error: `unreachable: ${describeFetchError(error, timeoutMs)}`,
        };
      }
      if (bytes === undefined) {
        return {
          kind: "failed",
          url,
          error: `answer larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
        };
      }
      const contentType = response.headers.get("content-type") ?? "";
      return {
        kind: "ok",
        url,
        text: decodeDocument(bytes, contentType),
        bytes,
        contentType: contentType.toLowerCase(),
        validators: answered,
      };
    }
  }

  return { get };
}
