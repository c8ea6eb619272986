/**
 * The Bot API methods the emulator answers, each validating its payload the way
 * Telegram does. A handler returns the `result` or throws an ApiError.
 */
import type { BotCommand, LinkPreviewOptions, UserFromGetMe } from "grammy/types";
import { badRequest, tooManyRequests } from "./api-error.js";
import type { ChatStore } from "./chat-store.js";
import type { FaultInjector } from "./fault-injector.js";
import type { FloodControl } from "./flood-control.js";
import type { GroupRegistry } from "./group-chats.js";
import type { InlineQueries } from "./inline-queries.js";
import { deepEqual, readCaption, readMessageText, sameFormattedText } from "./message-text.js";
import { readReplyMarkup } from "./reply-markup.js";
import {
  type Payload,
  readBoolean,
  readChatId,
  readInteger,
  readMessageId,
  readString,
} from "./request-payload.js";
import type { PollConnection, UpdateHub } from "./update-hub.js";
import { describeDocument, readUpload } from "./uploads.js";

/** A success that also carries Telegram's `description` (setWebhook and friends). */
export class DescribedResult {
  readonly result: unknown;
  readonly description: string;
  constructor(result: unknown, description: string) {
    this.result = result;
    this.description = description;
  }
}

export interface MethodSpec {
  /** Canonical spelling, as recorded in calls. */
  name: string;
  /** Counts as a send: flood control, stats.sent, failRandomly. */
  isSend: boolean;
  handle(payload: Payload, connection: PollConnection): unknown;
}

export interface BotMethodsContext {
  botInfo: UserFromGetMe;
  chats: ChatStore;
  groups: GroupRegistry;
  hub: UpdateHub;
  faults: FaultInjector;
  flood: FloodControl;
  nowSeconds: () => number;
  /** Callback query id → answered yet. */
  callbackQueries: Map<string, boolean>;
  /** "<scope>|<language_code>" → commands. */
  commands: Map<string, BotCommand[]>;
  inline: InlineQueries;
}

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const COMMAND_SCOPES = new Set([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);

const MAX_COMMANDS = 100;
const MAX_COMMAND_DESCRIPTION = 256;
const MAX_CALLBACK_ANSWER_TEXT = 200;
const DEFAULT_WEBHOOK_CONNECTIONS = 40;
const MAX_WEBHOOK_CONNECTIONS = 100;

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

export function createBotMethods(context: BotMethodsContext): Map<string, MethodSpec> {
  const { chats, groups, hub, faults, flood, nowSeconds } = context;
  let menuButton: unknown = { type: "default" };
  const descriptions = new Map<string, string>();

  function chatFor(payload: Payload): number {
    // Channels and public supergroups can be named "@username", as on Telegram.
    const named = payload.chat_id;
    const chatId =
      typeof named === "string" && named.startsWith("@")
        ? (groups.resolve(named) ?? readChatId(payload))
        : readChatId(payload);
    const refusal = faults.chatError(chatId);
    if (refusal !== undefined) throw refusal;
    return chatId;
  }

  function botMessageToEdit(payload: Payload) {
    if (payload.inline_message_id !== undefined) {
      throw badRequest("inline messages are not supported by the emulator");
    }
    const chatId = chatFor(payload);
    const message = chats.find(chatId, readMessageId(payload));
    if (message === undefined) throw badRequest("message to edit not found");
    if (message.from !== "bot") throw badRequest("message can't be edited");
    return message;
  }

  const specs: MethodSpec[] = [
    { name: "getMe", isSend: false, handle: () => context.botInfo },
    {
      name: "getUpdates",
      isSend: false,
      handle: (payload, connection) =>
        hub.getUpdates(
          {
            offset: readInteger(payload, "offset"),
            limit: readInteger(payload, "limit"),
            timeout: readInteger(payload, "timeout"),
            allowedUpdates: readUpdateTypes(payload.allowed_updates),
          },
          connection,
        ),
    },
    {
      name: "setWebhook",
      isSend: false,
      handle(payload) {
        const url = readString(payload, "url") ?? "";
        const dropPending = readBoolean(payload, "drop_pending_updates");
        if (url === "") {
          const had = hub.webhookInfo().url !== "";
          hub.deleteWebhook(dropPending);
          return new DescribedResult(
            true,
            had ? "Webhook was deleted" : "Webhook is already deleted",
          );
        }
        hub.setWebhook(
          {
            url: readWebhookUrl(url),
            secretToken: readSecretToken(payload.secret_token),
            maxConnections: readMaxConnections(payload),
            allowedUpdates: readUpdateTypes(payload.allowed_updates),
          },
          dropPending,
        );
        return new DescribedResult(true, "Webhook was set");
      },
    },
    {
      name: "deleteWebhook",
      isSend: false,
      handle(payload) {
        const had = hub.webhookInfo().url !== "";
        hub.deleteWebhook(readBoolean(payload, "drop_pending_updates"));
        return new DescribedResult(
          true,
          had ? "Webhook was deleted" : "Webhook is already deleted",
        );
      },
    },
    { name: "getWebhookInfo", isSend: false, handle: () => hub.webhookInfo() },
    {
      name: "sendMessage",
      isSend: true,
      handle(payload) {
        const chatId = chatFor(payload);
        const formatted = readMessageText(payload);
        const markup = readReplyMarkup(payload.reply_markup);
        const linkPreview = readLinkPreview(payload);
        const threadId = readInteger(payload, "message_thread_id");
        groups.checkSend(chatId, context.botInfo.id, threadId);
        const retryAfter = flood.retryAfter(chatId, readBoolean(payload, "allow_paid_broadcast"));
        if (retryAfter !== undefined) throw tooManyRequests(retryAfter);
        flood.record(chatId);
        const message = chats.add(chatId, {
          from: "bot",
          kind: "text",
          ...formatted,
          ...(markup === undefined ? {} : { reply_markup: markup }),
          ...(linkPreview === undefined ? {} : { link_preview_options: linkPreview }),
          ...(threadId === undefined ? {} : { message_thread_id: threadId }),
          ...(readBoolean(payload, "disable_notification") ? { disable_notification: true } : {}),
          date: nowSeconds(),
        });
        return chats.toTelegram(message);
      },
    },
    {
      name: "sendDocument",
      isSend: true,
      handle(payload) {
        const chatId = chatFor(payload);
        const upload = readUpload(payload, "document");
        const caption = readCaption(payload);
        const markup = readReplyMarkup(payload.reply_markup);
        const threadId = readInteger(payload, "message_thread_id");
        groups.checkSend(chatId, context.botInfo.id, threadId);
        const retryAfter = flood.retryAfter(chatId, readBoolean(payload, "allow_paid_broadcast"));
        if (retryAfter !== undefined) throw tooManyRequests(retryAfter);
        flood.record(chatId);
        const document = describeDocument(upload, chats.nextFileId());
        const message = chats.add(
          chatId,
          {
            from: "bot",
            kind: "document",
            text: caption?.text ?? "",
            entities: [],
            ...(caption?.html === undefined ? {} : { html: caption.html }),
            document: document.emulated,
            ...(markup === undefined ? {} : { reply_markup: markup }),
            ...(threadId === undefined ? {} : { message_thread_id: threadId }),
            date: nowSeconds(),
          },
          {
            document: document.telegram,
            ...(caption === undefined
              ? {}
              : {
                  caption: caption.text,
                  ...(caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
                }),
          },
        );
        return chats.toTelegram(message);
      },
    },
    {
      name: "getChat",
      isSend: false,
      handle(payload) {
        const chatId = chatFor(payload);
        const group = groups.get(chatId);
        if (group === undefined) return chats.chatOf(chatId);
        groups.checkReadable(chatId, context.botInfo.id);
        return { ...groups.chatOf(group), accent_color_id: 0, max_reaction_count: 11 };
      },
    },
    {
      name: "getChatMember",
      isSend: false,
      handle(payload) {
        const chatId = chatFor(payload);
        const userId = readInteger(payload, "user_id");
        if (userId === undefined) throw badRequest("user_id is empty");
        const user = userId === context.botInfo.id ? chats.botUser : chats.userOf(userId);
        if (chatId > 0 && groups.get(chatId) === undefined) {
          return { status: userId === chatId ? "member" : "left", user };
        }
        const group = groups.checkReadable(chatId, context.botInfo.id);
        return groups.chatMemberOf(group, user, groups.member(chatId, userId));
      },
    },
    {
      name: "getChatAdministrators",
      isSend: false,
      handle(payload) {
        const chatId = chatFor(payload);
        if (chatId > 0 && groups.get(chatId) === undefined) {
          throw badRequest("there are no administrators in the private chat");
        }
        const group = groups.checkReadable(chatId, context.botInfo.id);
        return [...group.members]
          .filter(([, member]) => member.status === "creator" || member.status === "administrator")
          .map(([userId, member]) =>
            groups.chatMemberOf(
              group,
              userId === context.botInfo.id ? chats.botUser : chats.userOf(userId),
              member,
            ),
          );
      },
    },
    {
      name: "editMessageText",
      isSend: false,
      handle(payload) {
        const message = botMessageToEdit(payload);
        const formatted = readMessageText(payload);
        const markup = readReplyMarkup(payload.reply_markup);
        if (sameFormattedText(message, formatted) && deepEqual(message.reply_markup, markup)) {
          throw badRequest(NOT_MODIFIED);
        }
        chats.edit(
          message,
          {
            text: formatted.text,
            entities: formatted.entities,
            html: formatted.html,
            reply_markup: markup,
            link_preview_options: readLinkPreview(payload),
          },
          nowSeconds(),
        );
        return chats.toTelegram(message);
      },
    },
    {
      name: "editMessageReplyMarkup",
      isSend: false,
      handle(payload) {
        const message = botMessageToEdit(payload);
        const markup = readReplyMarkup(payload.reply_markup);
        if (deepEqual(message.reply_markup, markup)) throw badRequest(NOT_MODIFIED);
        chats.edit(message, { reply_markup: markup }, nowSeconds());
        return chats.toTelegram(message);
      },
    },
    {
      name: "deleteMessage",
      isSend: false,
      handle(payload) {
        const chatId = chatFor(payload);
        const message = chats.find(chatId, readMessageId(payload));
        if (message === undefined) throw badRequest("message to delete not found");
        chats.remove(message);
        return true;
      },
    },
    {
      name: "answerCallbackQuery",
      isSend: false,
      handle(payload) {
        const id = readString(payload, "callback_query_id");
        if (id === undefined || id === "") throw badRequest("callback_query_id is empty");
        if (context.callbackQueries.get(id) !== false) {
          throw badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        const text = readString(payload, "text");
        if (text !== undefined && text.length > MAX_CALLBACK_ANSWER_TEXT) {
          throw badRequest("MESSAGE_TOO_LONG");
        }
        context.callbackQueries.set(id, true);
        return true;
      },
    },
    {
      name: "answerInlineQuery",
      isSend: false,
      handle: (payload) => context.inline.answer(payload),
    },
    {
      name: "sendChatAction",
      isSend: false,
      handle(payload) {
        chatFor(payload);
        const action = readString(payload, "action");
        if (action === undefined || !CHAT_ACTIONS.has(action)) {
          throw badRequest("wrong parameter action in request");
        }
        return true;
      },
    },
    {
      name: "setMyCommands",
      isSend: false,
      handle(payload) {
        context.commands.set(commandsKey(payload), readCommands(payload.commands));
        return true;
      },
    },
    {
      name: "getMyCommands",
      isSend: false,
      handle: (payload) => context.commands.get(commandsKey(payload)) ?? [],
    },
    {
      name: "deleteMyCommands",
      isSend: false,
      handle(payload) {
        context.commands.delete(commandsKey(payload));
        return true;
      },
    },
    {
      name: "setChatMenuButton",
      isSend: false,
      handle(payload) {
        menuButton = payload.menu_button ?? { type: "default" };
        return true;
      },
    },
    { name: "getChatMenuButton", isSend: false, handle: () => menuButton },
    ...(["description", "short_description"] as const).flatMap((field): MethodSpec[] => {
      const suffix = field === "description" ? "Description" : "ShortDescription";
      return [
        {
          name: `setMy${suffix}`,
          isSend: false,
          handle(payload) {
            descriptions.set(
              `${field}|${readString(payload, "language_code") ?? ""}`,
              readString(payload, field) ?? "",
            );
            return true;
          },
        },
        {
          name: `getMy${suffix}`,
          isSend: false,
          handle: (payload) => ({
            [field]:
              descriptions.get(`${field}|${readString(payload, "language_code") ?? ""}`) ?? "",
          }),
        },
      ];
    }),
  ];

  return new Map(specs.map((spec) => [spec.name.toLowerCase(), spec]));
}

function readUpdateTypes(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw badRequest("allowed_updates must be an Array of String");
  }
  return value;
}

function readWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest("bad webhook: invalid webhook URL specified");
  }
  // Telegram insists on HTTPS; the emulator also takes http:// so tests can use loopback.
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  }
  return parsed.href;
}

function readSecretToken(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" || !/^[A-Za-z0-9_-]{1,256}$/.test(value)) {
    throw badRequest("secret token contains unallowed characters");
  }
  return value;
}

function readMaxConnections(payload: Payload): number {
  const value = readInteger(payload, "max_connections") ?? DEFAULT_WEBHOOK_CONNECTIONS;
  return Math.min(MAX_WEBHOOK_CONNECTIONS, Math.max(1, value));
}

function readLinkPreview(payload: Payload): LinkPreviewOptions | undefined {
  const options = payload.link_preview_options;
  if (options !== undefined && options !== null) {
    if (typeof options !== "object" || Array.isArray(options)) {
      throw badRequest("can't parse link preview options JSON object");
    }
    return options as LinkPreviewOptions;
  }
  // The pre-7.0 spelling, still accepted by Telegram.
  return readBoolean(payload, "disable_web_page_preview") ? { is_disabled: true } : undefined;
}

function commandsKey(payload: Payload): string {
  const scope = payload.scope ?? { type: "default" };
  if (typeof scope !== "object" || scope === null || Array.isArray(scope)) {
    throw badRequest("can't parse BotCommandScope JSON object");
  }
  const { type, chat_id, user_id } = scope as Record<string, unknown>;
  if (typeof type !== "string" || !COMMAND_SCOPES.has(type)) {
    throw badRequest("unsupported bot command scope type");
  }
  const language = readString(payload, "language_code") ?? "";
  if (language !== "" && !/^[a-z]{2}$/.test(language)) {
    throw badRequest("invalid language code specified");
  }
  return `${type}:${String(chat_id ?? "")}:${String(user_id ?? "")}|${language}`;
}

/** The key of the default scope for a language, as read by BotApiEmulator.commands(). */
export function defaultCommandsKey(languageCode: string): string {
  return `default::|${languageCode}`;
}

function readCommands(value: unknown): BotCommand[] {
  if (!Array.isArray(value))
    throw badRequest('parameter "commands" must be an Array of BotCommand');
  if (value.length > MAX_COMMANDS) throw badRequest("too many commands specified");
  return value.map((item) => {
    const { command, description } = (item ?? {}) as Record<string, unknown>;
    if (typeof command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command)) {
      throw badRequest("BOT_COMMAND_INVALID");
    }
    if (
      typeof description !== "string" ||
      description.trim() === "" ||
      description.length > MAX_COMMAND_DESCRIPTION
    ) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command, description };
  });
}
