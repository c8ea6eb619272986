/**
 * What each chat shows: messages by id (edits applied in place), the bot's delivered
 * messages, and change notifications. Everything is keyed per chat so a send or an
 * edit never scans other chats.
 */
import type { Chat, Message, User } from "grammy/types";
import { ANONYMOUS_ADMIN, ANONYMOUS_ADMIN_ID, type GroupRegistry } from "./group-chats.js";
import type { EmulatedMessage, EmulatedUserInfo, EmulatorChange } from "./types.js";

/** Media a user message carries, kept out of the public EmulatedMessage. */
export type MessageMedia = Pick<
  Message,
  "sticker" | "photo" | "location" | "document" | "caption" | "caption_entities"
>;

/** Service fields of a message (a group's migration notice). */
export type MessageService = Pick<Message, "migrate_to_chat_id" | "migrate_from_chat_id">;

export interface StoredMessage extends EmulatedMessage {
  media?: MessageMedia;
  service?: MessageService;
}

interface ChatRecord {
  readonly id: number;
  readonly messages: Map<number, StoredMessage>;
  nextMessageId: number;
  readonly delivered: StoredMessage[];
  lastBot: StoredMessage | undefined;
}

export type NewMessage = Omit<EmulatedMessage, "message_id" | "chatId" | "edits">;

export type MessageChanges = Partial<
  Pick<EmulatedMessage, "text" | "entities" | "html" | "reply_markup" | "link_preview_options">
>;

/** Fields an edit may take away (e.g. editMessageReplyMarkup without a markup). */
const REMOVABLE_FIELDS = ["html", "reply_markup", "link_preview_options"] as const;

export interface ChatStore {
  readonly botUser: User;
  rememberUser(info: EmulatedUserInfo): void;
  userOf(chatId: number): User;
  chatOf(chatId: number): Chat;
  add(
    chatId: number,
    message: NewMessage,
    media?: MessageMedia,
    service?: MessageService,
  ): StoredMessage;
  /** Applies changes in place; `editDate` in Unix seconds. */
  edit(message: StoredMessage, changes: MessageChanges, editDate: number): void;
  remove(message: StoredMessage): void;
  find(chatId: number, messageId: number): StoredMessage | undefined;
  messages(chatId: number): EmulatedMessage[];
  deliveredTo(chatId: number): EmulatedMessage[];
  lastBotMessage(chatId: number): EmulatedMessage | undefined;
  onChange(listener: (event: EmulatorChange) => void): () => void;
  toTelegram(message: StoredMessage): Message;
  /** A fresh file_id for an uploaded file. */
  nextFileId(): string;
}

export function createChatStore(botUser: User, groups: GroupRegistry): ChatStore {
  const chats = new Map<number, ChatRecord>();
  const users = new Map<number, EmulatedUserInfo>();
  const listeners = new Set<(event: EmulatorChange) => void>();
  let fileCount = 0;

  function record(chatId: number): ChatRecord {
    let chat = chats.get(chatId);
    if (chat === undefined) {
      chat = {
        id: chatId,
        messages: new Map(),
        nextMessageId: 1,
        delivered: [],
        lastBot: undefined,
      };
      chats.set(chatId, chat);
    }
    return chat;
  }

  function emit(kind: EmulatorChange["kind"], message: StoredMessage): void {
    if (listeners.size === 0) return;
    const event: EmulatorChange = { kind, message: snapshot(message) };
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // A broken listener (say, the demo page) must not fail the bot's API call.
        console.error("Bot API emulator: an onChange listener threw", error);
      }
    }
  }

  function userOf(chatId: number): User {
    const info = users.get(chatId);
    const user: User = {
      id: chatId,
      is_bot: false,
      first_name: info?.first_name ?? `User ${chatId}`,
    };
    if (info?.username !== undefined) user.username = info.username;
    if (info?.language_code !== undefined) user.language_code = info.language_code;
    return user;
  }

  function chatOf(chatId: number): Chat {
    const group = groups.get(chatId);
    if (group !== undefined) return groups.chatOf(group);
    if (chatId > 0) {
      const user = userOf(chatId);
      const chat: Chat.PrivateChat = { id: chatId, type: "private", first_name: user.first_name };
      if (user.username !== undefined) chat.username = user.username;
      return chat;
    }
    // Telegram's supergroup ids start with -100; other negative ids are basic groups.
    return String(chatId).startsWith("-100")
      ? { id: chatId, type: "supergroup", title: `Chat ${chatId}` }
      : { id: chatId, type: "group", title: `Chat ${chatId}` };
  }

  const store: ChatStore = {
    botUser,
    rememberUser(info) {
      users.set(info.id, { ...users.get(info.id), ...info });
    },
    userOf,
    chatOf,
    nextFileId() {
      fileCount += 1;
      return `emulated-file-${fileCount}`;
    },
    add(chatId, message, media, service) {
      const chat = record(chatId);
      const stored: StoredMessage = {
        ...message,
        message_id: chat.nextMessageId,
        chatId,
        edits: 0,
      };
      if (media !== undefined) stored.media = media;
      if (service !== undefined) stored.service = service;
      chat.nextMessageId += 1;
      chat.messages.set(stored.message_id, stored);
      if (stored.from === "bot") {
        chat.delivered.push(stored);
        chat.lastBot = stored;
      }
      emit("message", stored);
      return stored;
    },
    edit(message, changes, editDate) {
      // Replace (never mutate) arrays and objects so earlier snapshots stay as they were.
      Object.assign(message, changes);
      for (const key of REMOVABLE_FIELDS) {
        if (key in changes && changes[key] === undefined) delete message[key];
      }
      message.edit_date = editDate;
      message.edits += 1;
      emit("edit", message);
    },
    remove(message) {
      const chat = chats.get(message.chatId);
      if (chat === undefined || !chat.messages.delete(message.message_id)) return;
      if (chat.lastBot === message) {
        chat.lastBot = undefined;
        for (const other of chat.messages.values()) {
          if (other.from === "bot") chat.lastBot = other;
        }
      }
      emit("delete", message);
    },
    find: (chatId, messageId) => chats.get(chatId)?.messages.get(messageId),
    messages(chatId) {
      const chat = chats.get(chatId);
      return chat === undefined ? [] : Array.from(chat.messages.values(), snapshot);
    },
    deliveredTo(chatId) {
      return chats.get(chatId)?.delivered.map(snapshot) ?? [];
    },
    lastBotMessage(chatId) {
      const last = chats.get(chatId)?.lastBot;
      return last === undefined ? undefined : snapshot(last);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    toTelegram(message) {
      const chat = chatOf(message.chatId);
      const telegram: Message = { message_id: message.message_id, chat, date: message.date };
      if (message.from === "bot") telegram.from = botUser;
      else if (chat.type === "channel") telegram.sender_chat = chat;
      else if (message.senderId === ANONYMOUS_ADMIN_ID) {
        // An anonymous administrator: Telegram shows the group as the sender.
        telegram.from = ANONYMOUS_ADMIN;
        telegram.sender_chat = chat;
      } else telegram.from = userOf(message.senderId ?? message.chatId);
      if (message.message_thread_id !== undefined) {
        telegram.message_thread_id = message.message_thread_id;
        telegram.is_topic_message = true;
      }
      if (message.service !== undefined) Object.assign(telegram, message.service);
      if (message.edit_date !== undefined) telegram.edit_date = message.edit_date;
      if (message.media !== undefined) Object.assign(telegram, message.media);
      else if (message.service === undefined) telegram.text = message.text;
      if (message.entities.length > 0) telegram.entities = message.entities;
      if (message.link_preview_options !== undefined) {
        telegram.link_preview_options = message.link_preview_options;
      }
      if (message.reply_markup !== undefined) telegram.reply_markup = message.reply_markup;
      if (message.viaBot) telegram.via_bot = botUser;
      const repliedTo =
        message.replyTo === undefined
          ? undefined
          : chats.get(message.chatId)?.messages.get(message.replyTo);
      // Telegram nests one level: the replied-to message comes without its own reply.
      if (repliedTo !== undefined) {
        const { replyTo: _nested, ...original } = repliedTo;
        telegram.reply_to_message = store.toTelegram(original) as NonNullable<
          Message["reply_to_message"]
        >;
      }
      return telegram;
    },
  };
  return store;
}

/** A copy the caller can keep: later edits replace fields on the stored message. */
function snapshot(message: StoredMessage): EmulatedMessage {
  const { media: _media, service: _service, ...view } = message;
  return view;
}
