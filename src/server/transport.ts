import { type RunnerHandle, run } from "@grammyjs/runner";
import { type Bot, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import type { Context } from "../bot/context.js";
import type { BotMode } from "../config.js";
import type { Logger } from "../logger.js";
import { type HttpServer, type RequestHandler, startHttpServer } from "./http-server.js";

/** The kinds of update the bot asks Telegram for (allowed_updates). */
export type UpdateKind = Exclude<keyof Update, "update_id">;

/** How updates reach the bot: Telegram posts them (webhook) or the bot asks (polling). */
export type Transport =
  | { kind: "webhook"; server: HttpServer }
  | { kind: "polling"; runner: RunnerHandle };

/**
 * Webhook mode: one HTTP server takes Telegram's posts on the webhook's path (checked
 * against the secret token) and answers the other handlers (/healthz); then the
 * webhook is registered.
 */
export async function startWebhook(
  bot: Bot<Context>,
  mode: Extract<BotMode, { kind: "webhook" }>,
  options: {
    allowedUpdates: readonly UpdateKind[];
    also: readonly RequestHandler[];
    logger: Logger;
  },
): Promise<Transport> {
  const path = new URL(mode.url).pathname;
  const callback = webhookCallback(bot, "http", { secretToken: mode.secret });
  const server = await startHttpServer(
    [
      ...options.also,
      async (request, response) => {
        if (request.method !== "POST" || request.url !== path) return false;
        await callback(request, response);
        return true;
      },
    ],
    { host: mode.host, port: mode.port },
  );
  await bot.api.setWebhook(mode.url, {
    secret_token: mode.secret,
    allowed_updates: [...options.allowedUpdates],
  });
  options.logger.info({ port: server.port, path }, "webhook mode: listening");
  return { kind: "webhook", server };
}

/** Long polling with @grammyjs/runner: updates handled concurrently, one chat's in order. */
export async function startPolling(
  bot: Bot<Context>,
  options: { allowedUpdates: readonly UpdateKind[]; logger: Logger },
): Promise<Transport> {
  const { logger } = options;
  await bot.api.deleteWebhook();
  // The runner would print each getUpdates failure, request URL and token included,
  // with console.error; it stays silent and the redacting logger says it instead.
  bot.api.config.use(async (call, method, payload, signal) => {
    try {
      return await call(method, payload, signal);
    } catch (error) {
      if (method === "getUpdates" && !signal?.aborted) {
        logger.warn({ problem: (error as Error).message }, "could not fetch updates; retrying");
      }
      throw error;
    }
  });
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: [...options.allowedUpdates] }, silent: true },
  });
  logger.info({ username: bot.botInfo.username }, "polling for updates");
  return { kind: "polling", runner };
}

/** Stops taking updates; handlers already running go on. */
export async function stopTransport(transport: Transport | undefined): Promise<void> {
  if (transport?.kind === "polling" && transport.runner.isRunning()) await transport.runner.stop();
  if (transport?.kind === "webhook") await transport.server.close();
}
