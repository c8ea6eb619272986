/**
 * POSTs updates to the bot's webhook like Telegram: JSON body, the secret in
 * X-Telegram-Bot-Api-Secret-Token, up to max_connections requests at once but one at
 * a time per chat (so a user's messages arrive in order), retries on non-2xx.
 */
import { Agent, request } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Update } from "grammy/types";
import { updateChatId } from "./update-queue.js";

/** Telegram gives up on a webhook that has not answered within about a minute. */
const WEBHOOK_TIMEOUT_MS = 60_000;
/** Bodies of webhook replies beyond this are not read for a method call. */
const MAX_REPLY_BYTES = 1_000_000;

export interface WebhookTarget {
  url: string;
  secretToken: string | undefined;
  maxConnections: number;
}

export interface WebhookError {
  /** Unix seconds. */
  date: number;
  message: string;
}

export interface WebhookDispatcherOptions {
  target: WebhookTarget;
  retryDelaysMs: readonly number[];
  nowSeconds: () => number;
  onError: (error: WebhookError) => void;
  /** A 2xx answer whose JSON body names a method: Telegram runs it (a "webhook reply"). */
  onReply: (method: string, payload: Record<string, unknown>) => void;
  /** An update this dispatcher could not finish because it was stopped. */
  onOrphan: (update: Update) => void;
}

export interface WebhookDispatcher {
  enqueue(update: Update): void;
  /** Updates queued or being delivered. */
  readonly pending: number;
  /**
   * Stops taking updates and returns the queued ones. In-flight deliveries finish
   * (or, with `abort`, are cut); any that fail from then on go to onOrphan.
   */
  stop(abort: boolean): Update[];
}

type QueueKey = number | "none";

export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { target } = options;
  const url = new URL(target.url);
  const secure = url.protocol === "https:";
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: target.maxConnections })
    : new Agent({ keepAlive: true, maxSockets: target.maxConnections });
  const queues = new Map<QueueKey, Update[]>();
  const busy = new Set<QueueKey>();
  const ready: QueueKey[] = [];
  /** Retry pauses, so stop() can end them at once. */
  const sleepers = new Map<NodeJS.Timeout, () => void>();
  let readyHead = 0;
  let queued = 0;
  let inFlight = 0;
  let stopped = false;

  function enqueue(update: Update): void {
    const key: QueueKey = updateChatId(update) ?? "none";
    let queue = queues.get(key);
    if (queue === undefined) {
      queue = [];
      queues.set(key, queue);
    }
    queue.push(update);
    queued += 1;
    if (queue.length === 1 && !busy.has(key)) ready.push(key);
    pump();
  }

  function pump(): void {
    while (!stopped && inFlight < target.maxConnections && readyHead < ready.length) {
      const key = ready[readyHead] as QueueKey;
      readyHead += 1;
      if (readyHead > 1024 && readyHead * 2 > ready.length) {
        ready.splice(0, readyHead);
        readyHead = 0;
      }
      const queue = queues.get(key);
      const update = queue?.shift();
      if (queue === undefined || update === undefined) continue;
      queued -= 1;
      busy.add(key);
      inFlight += 1;
      void deliver(update, 0).finally(() => {
        inFlight -= 1;
        busy.delete(key);
        if (queue.length > 0) ready.push(key);
        else if (queues.get(key) === queue) queues.delete(key);
        if (stopped && inFlight === 0) agent.destroy();
        pump();
      });
    }
  }

  async function deliver(update: Update, attempt: number): Promise<void> {
    if (stopped) {
      options.onOrphan(update);
      return;
    }
    const error = await post(update);
    if (error === undefined) return;
    if (stopped) {
      options.onOrphan(update);
      return;
    }
    options.onError({ date: options.nowSeconds(), message: error });
    const delay = options.retryDelaysMs[attempt];
    if (delay === undefined) return; // Out of retries: the update is dropped, as reported.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleepers.delete(timer);
        resolve();
      }, delay);
      sleepers.set(timer, resolve);
    });
    await deliver(update, attempt + 1);
  }

  /** Resolves with an error message, or undefined when the webhook took the update. */
  function post(update: Update): Promise<string | undefined> {
    const body = JSON.stringify(update);
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    };
    if (target.secretToken !== undefined) {
      headers["x-telegram-bot-api-secret-token"] = target.secretToken;
    }
    return new Promise((resolve) => {
      const send = secure ? httpsRequest : request;
      const outgoing = send(url, { method: "POST", headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_REPLY_BYTES) chunks.push(chunk);
        });
        response.on("error", () => resolve("Connection reset by peer"));
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          if (status < 200 || status > 299) {
            resolve(`Wrong response from the webhook: ${status} ${response.statusMessage ?? ""}`);
            return;
          }
          runReply(Buffer.concat(chunks).toString("utf8"), response.headers["content-type"]);
          resolve(undefined);
        });
      });
      outgoing.setTimeout(WEBHOOK_TIMEOUT_MS, () => {
        outgoing.destroy(new Error("Timeout expired"));
      });
      outgoing.on("error", (error: NodeJS.ErrnoException) => {
        resolve(error.code === "ECONNREFUSED" ? "Connection refused" : error.message);
      });
      outgoing.end(body);
    });
  }

  function runReply(body: string, contentType: string | undefined): void {
    if (body === "" || !contentType?.includes("application/json")) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof parsed !== "object" || parsed === null) return;
    const { method, ...payload } = parsed as Record<string, unknown>;
    if (typeof method === "string") options.onReply(method, payload);
  }

  return {
    enqueue,
    get pending() {
      return queued + inFlight;
    },
    stop(abort) {
      stopped = true;
      for (const [timer, wake] of sleepers) {
        clearTimeout(timer);
        wake();
      }
      sleepers.clear();
      if (abort || inFlight === 0) agent.destroy();
      const left: Update[] = [];
      for (const queue of queues.values()) left.push(...queue);
      queues.clear();
      queued = 0;
      return left.sort((a, b) => a.update_id - b.update_id);
    },
  };
}
