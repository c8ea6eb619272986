import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { Api } from "grammy";
import type { Config } from "../config.js";

/** A push that gets no answer in this time is retried (or left for the next run). */
const PUSH_TIMEOUT_S = 30;
// Connections kept to the Bot API. Enough for ~1,000 sends/s at 50 ms; without a cap a
// burst opens hundreds at once, and a refused connect is retried by TCP a second later.
const MAX_SOCKETS = 64;

/**
 * The Api the push engine sends with: no auto-retry transformer, since the engine
 * paces, pauses on 429 and retries itself, and a transformer retrying underneath
 * would break the bot-wide pacing; and its own connection pool.
 */
export function createPushApi(config: Pick<Config, "botToken" | "apiRoot">): Api {
  const Agent = config.apiRoot.startsWith("https:") ? HttpsAgent : HttpAgent;
  const agent = new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  return new Api(config.botToken, {
    apiRoot: config.apiRoot,
    timeoutSeconds: PUSH_TIMEOUT_S,
    baseFetchConfig: { agent },
  });
}
