/**
 * Wires the emulator together and serves it over node:http at
 * `<apiRoot>/bot<token>/<method>`, answering with Telegram's envelope.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BotCommand, UserFromGetMe } from "grammy/types";
import { ApiError } from "./api-error.js";
import { createBotMethods, DescribedResult, defaultCommandsKey } from "./bot-methods.js";
import { createCallLog } from "./call-log.js";
import { createChatStore } from "./chat-store.js";
import { createEmulatedChannel, createEmulatedGroup } from "./emulated-group.js";
import { createEmulatedUser } from "./emulated-user.js";
import { createFaultInjector } from "./fault-injector.js";
import { createFloodControl } from "./flood-control.js";
import { createGroupRegistry } from "./group-chats.js";
import { createInlineQueries } from "./inline-queries.js";
import { decodeJsonFields, type Payload, parsePayload, readBody } from "./request-payload.js";
import type { BotApiEmulator, EmulatedUser, EmulatorOptions } from "./types.js";
import { type PollConnection, UpdateHub } from "./update-hub.js";
import { parseMultipart } from "./uploads.js";

const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_BOT_USERNAME = "emulated_bot";
const DEFAULT_BOT_FIRST_NAME = "Emulated Bot";
/** Used when the token does not start with the bot's numeric id, as real ones do. */
const FALLBACK_BOT_ID = 1_000_000;
const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [100, 300, 1000];
const DEFAULT_SEED = 1;
const ROUTE = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/;

const NOT_FOUND_BODY = { ok: false, error_code: 404, description: "Not Found" };
const UNKNOWN_METHOD = new ApiError(404, "Not Found: method not found");
const UNAUTHORIZED = new ApiError(401, "Unauthorized");

/** Signals that the call's socket must be destroyed without an answer. */
const DROP = Symbol("drop");

interface Answer {
  status: number;
  body: unknown;
}

/** For calls that have no HTTP request behind them (webhook replies). */
const NO_CONNECTION: PollConnection = { isOpen: () => false, onClose: () => {} };

/**
 * What the emulator's getMe answers for this token: the id is the token's prefix, as
 * on Telegram. Bots given this as botInfo skip the getMe round trip.
 */
export function emulatedBotInfo(
  token: string,
  options: Pick<EmulatorOptions, "botUsername" | "botFirstName"> = {},
): UserFromGetMe {
  const botIdFromToken = Number(token.split(":")[0]);
  return {
    id:
      Number.isSafeInteger(botIdFromToken) && botIdFromToken > 0 ? botIdFromToken : FALLBACK_BOT_ID,
    is_bot: true,
    first_name: options.botFirstName ?? DEFAULT_BOT_FIRST_NAME,
    username: options.botUsername ?? DEFAULT_BOT_USERNAME,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

export async function createBotApiEmulator(options: EmulatorOptions): Promise<BotApiEmulator> {
  const { token } = options;
  if (typeof token !== "string" || token === "" || token.includes("/")) {
    throw new Error("createBotApiEmulator: token must be a non-empty string without '/'");
  }
  const now = options.now ?? Date.now;
  const nowSeconds = () => Math.floor(now() / 1000);
  const botInfo = emulatedBotInfo(token, options);
  const botUser = {
    id: botInfo.id,
    is_bot: true as const,
    first_name: botInfo.first_name,
    username: botInfo.username,
  };

  const groups = createGroupRegistry();
  const chats = createChatStore(botUser, groups);
  const faults = createFaultInjector(options.seed ?? DEFAULT_SEED);
  const flood = createFloodControl(options.limits ?? {}, now);
  const log = createCallLog();
  const callbackQueries = new Map<string, boolean>();
  const commands = new Map<string, BotCommand[]>();
  const closeHooks = new Set<() => void>();
  const users = new Map<number, EmulatedUser>();
  let callbackQuerySeq = 0;
  const inline = createInlineQueries(botInfo.id);

  const hub = new UpdateHub({
    retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
    nowSeconds,
    onWebhookReply: (method, payload) => void invoke(method, payload, NO_CONNECTION),
  });
  const methods = createBotMethods({
    botInfo,
    chats,
    groups,
    hub,
    faults,
    flood,
    nowSeconds,
    callbackQueries,
    commands,
    inline,
  });

  /** Runs one call through faults and the method, and records it. */
  async function invoke(
    methodName: string,
    payload: Payload,
    connection: PollConnection,
  ): Promise<Answer | typeof DROP> {
    const at = now();
    const spec = methods.get(methodName.toLowerCase());
    const name = spec?.name ?? methodName;
    const chatId = chatIdOf(payload);
    if (spec !== undefined && faults.takeDrop(name)) {
      log.record(
        { method: name, payload, at, status: 0, response: undefined },
        chatId,
        spec.isSend,
      );
      return DROP;
    }
    let answer: Answer;
    if (spec === undefined) {
      answer = errorAnswer(UNKNOWN_METHOD);
    } else {
      const injected = faults.takeFailure(name, spec.isSend);
      answer =
        injected !== undefined
          ? errorAnswer(injected)
          : await run(() => spec.handle(payload, connection));
    }
    log.record(
      { method: name, payload, at, status: answer.status, response: answer.body },
      chatId,
      spec?.isSend ?? false,
    );
    return answer;
  }

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = request.url ?? "/";
    const queryStart = url.indexOf("?");
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const query = queryStart === -1 ? "" : url.slice(queryStart + 1);
    const route = ROUTE.exec(path);
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof ApiError) respond(response, errorAnswer(error));
      return;
    }
    if (route === null) {
      respond(response, { status: 404, body: NOT_FOUND_BODY });
      return;
    }
    const [, requestToken = "", methodName = ""] = route;
    let payload: Payload = {};
    let refusal: ApiError | undefined;
    try {
      const contentType = request.headers["content-type"] ?? "";
      payload = /^multipart\/form-data/i.test(contentType)
        ? Object.assign(
            parsePayload(query, Buffer.alloc(0), undefined),
            decodeJsonFields(parseMultipart(body, contentType)),
          )
        : parsePayload(query, body, contentType);
    } catch (error) {
      refusal = asApiError(error);
    }
    // The token is checked first, as on Telegram; the log never holds it, even when wrong.
    if (requestToken !== token) refusal = UNAUTHORIZED;
    if (refusal !== undefined) {
      const answer = errorAnswer(refusal);
      log.record(
        { method: methodName, payload, at: now(), status: answer.status, response: answer.body },
        undefined,
        false,
      );
      respond(response, answer);
      return;
    }
    const connection: PollConnection = {
      isOpen: () => !response.writableEnded && !response.destroyed && !request.socket.destroyed,
      onClose: (listener) => void response.once("close", listener),
    };
    const answer = await invoke(methodName, payload, connection);
    if (answer === DROP) {
      request.socket.destroy();
      return;
    }
    respond(response, answer);
  }

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error("Bot API emulator: request failed", error);
      if (!response.headersSent) respond(response, errorAnswer(asApiError(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? DEFAULT_HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const apiRoot = `http://${host}:${address.port}`;
  const userContext = {
    chats,
    hub,
    faults,
    log,
    nowSeconds,
    callbackQueries,
    inline,
    nextCallbackQueryId: () => {
      callbackQuerySeq += 1;
      return `${botInfo.id}${String(callbackQuerySeq).padStart(8, "0")}`;
    },
    onClose: (hook: () => void) => {
      closeHooks.add(hook);
      return () => void closeHooks.delete(hook);
    },
  };
  let closing: Promise<void> | undefined;
  // Fresh ids, in Telegram's ranges: basic groups small negatives, supergroups and channels -100….
  let groupSeq = 0;
  const nextGroupId = (supergroup: boolean) => {
    groupSeq += 1;
    return supergroup ? -1_000_000_000_000 - groupSeq : -4_000_000_000 - groupSeq;
  };
  const groupContext = {
    ...userContext,
    groups,
    botId: botInfo.id,
    nextSupergroupId: () => nextGroupId(true),
  };
  const takeGroupId = (id: number | undefined, supergroup: boolean) => {
    const chosen = id ?? nextGroupId(supergroup);
    if (!Number.isSafeInteger(chosen) || chosen >= 0 || groups.get(chosen) !== undefined) {
      throw new Error(`group/channel id must be a new negative integer, got ${chosen}`);
    }
    return chosen;
  };

  return {
    apiRoot,
    token,
    port: address.port,
    get calls() {
      return log.calls;
    },
    callsOf: (method) => log.callsOf(method),
    resetCalls: () => log.reset(),
    faults: faults.faults,
    get stats() {
      return log.stats();
    },
    resetStats: () => log.resetStats(),
    get pendingUpdates() {
      return hub.pending;
    },
    user(info) {
      if (!Number.isSafeInteger(info.id) || info.id <= 0) {
        throw new Error(
          `user: id must be a positive integer (it is also the chat id), got ${info.id}`,
        );
      }
      chats.rememberUser(info);
      let user = users.get(info.id);
      if (user === undefined) {
        user = createEmulatedUser(info, userContext);
        users.set(info.id, user);
      }
      return user;
    },
    group(info) {
      const type = info.forum ? "supergroup" : (info.type ?? "group");
      const record = groups.add({
        id: takeGroupId(info.id, type === "supergroup"),
        type,
        title: info.title,
        isForum: info.forum ?? false,
        ...(info.username === undefined ? {} : { username: info.username }),
      });
      return createEmulatedGroup(record, groupContext);
    },
    channel(info) {
      const record = groups.add({
        id: takeGroupId(info.id, true),
        type: "channel",
        title: info.title,
        isForum: false,
        ...(info.username === undefined ? {} : { username: info.username }),
      });
      return createEmulatedChannel(record, groupContext);
    },
    chatMessages: (chatId) => chats.messages(chatId),
    deliveredTo: (chatId) => chats.deliveredTo(chatId),
    commands: (languageCode = "") => [...(commands.get(defaultCommandsKey(languageCode)) ?? [])],
    onChange: (listener) => chats.onChange(listener),
    close() {
      closing ??= (async () => {
        for (const hook of [...closeHooks]) hook();
        closeHooks.clear();
        hub.close();
        // Let the long polls just answered write their empty result before sockets go.
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

async function run(handler: () => unknown): Promise<Answer> {
  try {
    const result = await handler();
    if (result instanceof DescribedResult) {
      return {
        status: 200,
        body: { ok: true, result: result.result, description: result.description },
      };
    }
    return { status: 200, body: { ok: true, result } };
  } catch (error) {
    return errorAnswer(asApiError(error));
  }
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  // A bug in the emulator: say so rather than blame the bot.
  console.error("Bot API emulator: internal error", error);
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(500, `Internal Server Error: emulator bug: ${message}`);
}

function errorAnswer(error: ApiError): Answer {
  return { status: error.status, body: error.toBody() };
}

function chatIdOf(payload: Payload): number | undefined {
  const value = payload.chat_id;
  const number = typeof value === "number" ? value : Number(value);
  return value !== undefined && Number.isSafeInteger(number) ? number : undefined;
}

function respond(response: ServerResponse, answer: Answer): void {
  if (response.writableEnded || response.destroyed) return;
  const body = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
}
