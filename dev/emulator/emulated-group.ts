/**
 * A group, supergroup (optionally a forum) or channel, driven in-process: people add
 * and remove the bot, change who is an administrator, write (commands, in a thread,
 * as an anonymous admin), and a basic group can become a supergroup. Each action
 * records what the chat shows and hands the bot the Update Telegram would send.
 */
import type { ChatMember, Update } from "grammy/types";
import type { ChatStore } from "./chat-store.js";
import { chatInstance, commandEntities } from "./emulated-user.js";
import {
  ANONYMOUS_ADMIN_ID,
  type GroupRecord,
  type GroupRegistry,
  type MemberRecord,
  type MemberStatus,
} from "./group-chats.js";
import type {
  EmulatedChannel,
  EmulatedGroup,
  EmulatedMessage,
  GroupSender,
  MemberRole,
} from "./types.js";
import type { UpdateHub } from "./update-hub.js";
import { type WaitContext, waitForBotChange } from "./wait-for-bot.js";

export interface GroupContext extends WaitContext {
  chats: ChatStore;
  groups: GroupRegistry;
  hub: UpdateHub;
  botId: number;
  nowSeconds: () => number;
  callbackQueries: Map<string, boolean>;
  nextCallbackQueryId: () => string;
  /** A fresh supergroup id for a migrating group. */
  nextSupergroupId: () => number;
}

const ROLE_STATUS: Record<MemberRole, MemberStatus> = {
  owner: "creator",
  admin: "administrator",
  member: "member",
  left: "left",
};

function memberOf(role: MemberRole, options: { anonymous?: boolean; canPost?: boolean } = {}) {
  const status = ROLE_STATUS[role];
  return {
    status,
    canPostMessages:
      status === "creator" || (status === "administrator" && options.canPost !== false),
    isAnonymous: options.anonymous ?? false,
  } satisfies MemberRecord;
}

/** Shared by groups and channels: membership changes and their updates. */
function createMembership(record: GroupRecord, context: GroupContext) {
  const { chats, groups, hub, botId, nowSeconds } = context;
  const userOf = (id: number) => (id === botId ? chats.botUser : chats.userOf(id));

  function change(
    kind: "my_chat_member" | "chat_member",
    by: number,
    userId: number,
    next: MemberRecord,
  ): Update {
    const before = groups.member(record.id, userId);
    groups.setMember(record.id, userId, next);
    const asTelegram = (member: MemberRecord): ChatMember =>
      groups.chatMemberOf(record, userOf(userId), member);
    return hub.push({
      [kind]: {
        chat: groups.chatOf(record),
        from: chats.userOf(by),
        date: nowSeconds(),
        old_chat_member: asTelegram(before),
        new_chat_member: asTelegram(next),
      },
    });
  }

  return {
    setBot: (by: number, next: MemberRecord) => change("my_chat_member", by, botId, next),
    setMember(userId: number, role: MemberRole, options?: { anonymous?: boolean; by?: number }) {
      return change("chat_member", options?.by ?? userId, userId, memberOf(role, options));
    },
  };
}

export function createEmulatedGroup(record: GroupRecord, context: GroupContext): EmulatedGroup {
  const { chats, groups, hub, nowSeconds } = context;
  const membership = createMembership(record, context);
  let current = record;

  function post(from: GroupSender, text: string, threadId: number | undefined): Update {
    const senderId = from === "anonymous" ? ANONYMOUS_ADMIN_ID : from;
    if (from !== "anonymous" && groups.member(current.id, from).status === "left") {
      // Writing in a group means being in it.
      groups.setMember(current.id, from, memberOf("member"));
    }
    const stored = chats.add(current.id, {
      from: "user",
      kind: "text",
      senderId,
      text,
      entities: commandEntities(text),
      date: nowSeconds(),
      ...(threadId === undefined ? {} : { message_thread_id: threadId }),
    });
    return hub.push({ message: chats.toTelegram(stored) });
  }

  function thread(id: number) {
    const found = current.threads.get(id);
    if (found === undefined) throw new Error(`no thread ${id} in chat ${current.id}`);
    return found;
  }

  const group: EmulatedGroup = {
    get id() {
      return current.id;
    },
    async addBot(by, options = {}) {
      if (groups.member(current.id, by).status === "left") {
        groups.setMember(current.id, by, memberOf("owner"));
      }
      return membership.setBot(by, memberOf(options.admin ? "admin" : "member"));
    },
    async removeBot(by) {
      return membership.setBot(by, {
        status: "kicked",
        canPostMessages: false,
        isAnonymous: false,
      });
    },
    async setBotAdmin(admin, by) {
      return membership.setBot(by, memberOf(admin ? "admin" : "member"));
    },
    async setMember(userId, role, options) {
      return membership.setMember(userId, role, options);
    },
    async sendText(from, text, options = {}) {
      if (options.threadId !== undefined) thread(options.threadId);
      return post(from, text, options.threadId);
    },
    async command(from, name, args, options) {
      const text = args === undefined || args === "" ? `/${name}` : `/${name} ${args}`;
      return group.sendText(from, text, options);
    },
    async pressButton(from, message, data) {
      const stored = chats.find(current.id, message.message_id);
      if (stored === undefined || stored.from !== "bot") {
        throw new Error(
          `pressButton: message ${message.message_id} is not the bot's in ${current.id}`,
        );
      }
      const buttons = stored.reply_markup?.inline_keyboard.flat() ?? [];
      if (!buttons.some((button) => "callback_data" in button && button.callback_data === data)) {
        throw new Error(`pressButton: no button with data ${data} on message ${stored.message_id}`);
      }
      const queryId = context.nextCallbackQueryId();
      context.callbackQueries.set(queryId, false);
      return hub.push({
        callback_query: {
          id: queryId,
          from: chats.userOf(from),
          message: chats.toTelegram(stored),
          chat_instance: chatInstance(current.id),
          data,
        },
      });
    },
    createThread: (name) => groups.createThread(current.id, name).id,
    closeThread(id) {
      thread(id).closed = true;
    },
    reopenThread(id) {
      thread(id).closed = false;
    },
    deleteThread(id) {
      thread(id).deleted = true;
    },
    async migrate() {
      if (current.type !== "group")
        throw new Error(`migrate: chat ${current.id} is not a basic group`);
      const old = current;
      const next = groups.add({
        id: context.nextSupergroupId(),
        type: "supergroup",
        title: old.title,
        isForum: false,
      });
      for (const [userId, member] of old.members) groups.setMember(next.id, userId, member);
      old.migratedTo = next.id;
      // The owner upgrades the group; the notices are theirs.
      const owner =
        [...old.members].find(([, member]) => member.status === "creator")?.[0] ?? context.botId;
      // Telegram posts the notice in both chats: "migrate_to" in the old, "migrate_from" in the new.
      const notice = (
        chatId: number,
        service: { migrate_to_chat_id: number } | { migrate_from_chat_id: number },
      ) =>
        chats.add(
          chatId,
          {
            from: "user",
            kind: "text",
            senderId: owner,
            text: "",
            entities: [],
            date: nowSeconds(),
          },
          undefined,
          service,
        );
      const toNotice = notice(old.id, { migrate_to_chat_id: next.id });
      const fromNotice = notice(next.id, { migrate_from_chat_id: old.id });
      current = next;
      hub.push({ message: chats.toTelegram(toNotice) });
      hub.push({ message: chats.toTelegram(fromNotice) });
      return next.id;
    },
    messages(options = {}) {
      const all = chats.messages(current.id);
      if (options.threadId === undefined) return all;
      return all.filter((message) =>
        options.threadId === "general"
          ? message.message_thread_id === undefined
          : message.message_thread_id === options.threadId,
      );
    },
    deliveredTo: (options = {}) =>
      group.messages(options).filter((message: EmulatedMessage) => message.from === "bot"),
    waitForBotMessage: (options = {}) =>
      waitForBotChange(
        context,
        () => current.id,
        options,
        (message) =>
          options.threadId === undefined
            ? true
            : options.threadId === "general"
              ? message.message_thread_id === undefined
              : message.message_thread_id === options.threadId,
      ),
  };
  return group;
}

export function createEmulatedChannel(record: GroupRecord, context: GroupContext): EmulatedChannel {
  const { chats, hub, nowSeconds } = context;
  const membership = createMembership(record, context);
  const channel: EmulatedChannel = {
    id: record.id,
    ...(record.username === undefined ? {} : { username: record.username }),
    async addBot(by, options = {}) {
      if (context.groups.member(record.id, by).status === "left") {
        context.groups.setMember(record.id, by, memberOf("owner"));
      }
      // Bots can only be added to channels as administrators.
      return membership.setBot(by, memberOf("admin", { canPost: options.canPost ?? true }));
    },
    async removeBot(by) {
      return membership.setBot(by, { status: "left", canPostMessages: false, isAnonymous: false });
    },
    async setBotCanPost(canPost, by) {
      return membership.setBot(by, memberOf("admin", { canPost }));
    },
    async setMember(userId, role, options) {
      return membership.setMember(userId, role, options);
    },
    async post(text) {
      const stored = chats.add(record.id, {
        from: "user",
        kind: "text",
        text,
        entities: commandEntities(text),
        date: nowSeconds(),
      });
      return hub.push({ channel_post: chats.toTelegram(stored) });
    },
    messages: () => chats.messages(record.id),
    deliveredTo: () => chats.deliveredTo(record.id),
    waitForBotMessage: (options) => waitForBotChange(context, () => record.id, options),
  };
  return channel;
}
