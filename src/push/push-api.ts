import { Api } from "grammy";
import type { Config } from "../config.js";

/** A push that gets no answer in this time is retried (or left for the next run). */
const PUSH_TIMEOUT_S = 30;

/**
 * The Api the push engine sends with: no auto-retry transformer, since the engine
 * paces, pauses on 429 and retries itself, and a transformer retrying underneath
 * would break the bot-wide pacing.
 */
export function createPushApi(config: Pick<Config, "botToken" | "apiRoot">): Api {
  return new Api(config.botToken, { apiRoot: config.apiRoot, timeoutSeconds: PUSH_TIMEOUT_S });
}
