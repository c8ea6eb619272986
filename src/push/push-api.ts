import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { Api, type Transformer } from "grammy";
import type { Config } from "../config.js";
import type { OutboundLane } from "../telegram/outbound-lane.js";

/** A push that gets no answer in this time is retried (or left for the next run). */
const PUSH_TIMEOUT_S = 30;
// Connections kept to the Bot API. Enough for ~1,000 sends/s at 50 ms; without a cap a
// burst opens hundreds at once, and a refused connect is retried by TCP a second later.
const MAX_SOCKETS = 64;
// Methods that take allow_paid_broadcast (Bot API 7.11): sends, not edits.
const PAID_BROADCAST_METHOD = /^(send|copy|forward)/;

/**
 * The Api the push engine sends with. Its calls go through the bot's outbound lane at
 * push priority: the bot's own Api carries replies, this one pushes, so the priority is
 * a property of the Api a call is made on, with no ambient state to leak across awaits
 * or timers (why not an AsyncLocalStorage). It has its own connection pool, and with
 * paid broadcasts on, every send carries allow_paid_broadcast.
 */
export function createPushApi(
  config: Pick<Config, "botToken" | "apiRoot" | "telegram">,
  lane: OutboundLane,
  watchSends?: Transformer,
): Api {
  const Agent = config.apiRoot.startsWith("https:") ? HttpsAgent : HttpAgent;
  const agent = new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const api = new Api(config.botToken, {
    apiRoot: config.apiRoot,
    timeoutSeconds: PUSH_TIMEOUT_S,
    baseFetchConfig: { agent },
  });
  if (config.telegram.paidBroadcast) api.config.use(paidBroadcast);
  api.config.use(lane.transformer("push"));
  // Installed last, so it runs first and sees the answer after the lane's retries.
  if (watchSends) api.config.use(watchSends);
  return api;
}

const paidBroadcast: Transformer = (prev, method, payload, signal) =>
  PAID_BROADCAST_METHOD.test(method)
    ? prev(method, { ...payload, allow_paid_broadcast: true }, signal)
    : prev(method, payload, signal);
