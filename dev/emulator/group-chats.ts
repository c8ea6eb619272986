/**
 * Groups, supergroups (with forum threads) and channels: who is in them with which
 * rights, their threads, and where a migrated group went. The refusals Telegram gives
 * for each (bot not a member, no right to post, thread closed, chat migrated) are
 * decided here so every method that targets a chat answers the same way.
 */
import type { Chat, ChatMember, User } from "grammy/types";
import { ApiError, badRequest } from "./api-error.js";

export type GroupType = "group" | "supergroup" | "channel";
export type MemberStatus = "creator" | "administrator" | "member" | "left" | "kicked";

export interface MemberRecord {
  status: MemberStatus;
  /** Channels: whether this administrator may post. Always true for the creator. */
  canPostMessages: boolean;
  /** An anonymous administrator posts as the group (sender_chat) through GroupAnonymousBot. */
  isAnonymous: boolean;
}

export interface ThreadRecord {
  id: number;
  name: string;
  closed: boolean;
  deleted: boolean;
}

export interface GroupRecord {
  id: number;
  type: GroupType;
  title: string;
  username?: string;
  isForum: boolean;
  members: Map<number, MemberRecord>;
  threads: Map<number, ThreadRecord>;
  /** Set once a basic group became a supergroup: sends to the old id are refused. */
  migratedTo?: number;
}

/** Telegram's GroupAnonymousBot: the `from` of messages an anonymous admin sends. */
export const ANONYMOUS_ADMIN_ID = 1_087_968_824;
export const ANONYMOUS_ADMIN: User = {
  id: ANONYMOUS_ADMIN_ID,
  is_bot: true,
  first_name: "Group",
  username: "GroupAnonymousBot",
};

/** Forum thread ids start above the General topic's (1) and the creation service messages. */
const FIRST_THREAD_ID = 2;

export interface GroupRegistry {
  add(record: Omit<GroupRecord, "members" | "threads">): GroupRecord;
  get(chatId: number): GroupRecord | undefined;
  /** "@name" or a numeric id as Telegram takes it in chat_id; undefined when unknown. */
  resolve(value: unknown): number | undefined;
  member(chatId: number, userId: number): MemberRecord;
  setMember(chatId: number, userId: number, member: MemberRecord): void;
  createThread(chatId: number, name: string): ThreadRecord;
  chatOf(record: GroupRecord): Chat;
  chatMemberOf(record: GroupRecord, user: User, member: MemberRecord): ChatMember;
  /** Throws Telegram's refusal when the bot may not send to this chat (and thread). */
  checkSend(chatId: number, botId: number, threadId: number | undefined): void;
  /** Throws Telegram's refusal when the bot cannot read this chat's members. */
  checkReadable(chatId: number, botId: number): GroupRecord;
}

const ABSENT: MemberRecord = { status: "left", canPostMessages: false, isAnonymous: false };

export function createGroupRegistry(): GroupRegistry {
  const groups = new Map<number, GroupRecord>();
  const byUsername = new Map<string, number>();
  let nextThreadId = FIRST_THREAD_ID;

  function kickedDescription(record: GroupRecord): string {
    if (record.type === "channel") return "Forbidden: bot is not a member of the channel chat";
    return `Forbidden: bot was kicked from the ${record.type === "group" ? "group" : "supergroup"} chat`;
  }

  const registry: GroupRegistry = {
    add(fields) {
      const record: GroupRecord = { ...fields, members: new Map(), threads: new Map() };
      groups.set(record.id, record);
      if (record.username !== undefined) byUsername.set(record.username.toLowerCase(), record.id);
      return record;
    },
    get: (chatId) => groups.get(chatId),
    resolve(value) {
      if (typeof value === "string" && value.startsWith("@")) {
        return byUsername.get(value.slice(1).toLowerCase());
      }
      const number = typeof value === "number" ? value : Number(value);
      return Number.isSafeInteger(number) && number !== 0 ? number : undefined;
    },
    member: (chatId, userId) => groups.get(chatId)?.members.get(userId) ?? ABSENT,
    setMember(chatId, userId, member) {
      groups.get(chatId)?.members.set(userId, member);
    },
    createThread(chatId, name) {
      const record = groups.get(chatId);
      if (record === undefined || !record.isForum) {
        throw new Error(`createThread: chat ${chatId} is not a forum supergroup`);
      }
      const thread = { id: nextThreadId, name, closed: false, deleted: false };
      nextThreadId += 1;
      record.threads.set(thread.id, thread);
      return thread;
    },
    chatOf(record) {
      if (record.type === "channel") {
        const chat: Chat.ChannelChat = { id: record.id, type: "channel", title: record.title };
        if (record.username !== undefined) chat.username = record.username;
        return chat;
      }
      if (record.type === "group") return { id: record.id, type: "group", title: record.title };
      const chat: Chat.SupergroupChat = { id: record.id, type: "supergroup", title: record.title };
      if (record.username !== undefined) chat.username = record.username;
      if (record.isForum) chat.is_forum = true;
      return chat;
    },
    chatMemberOf(record, user, member) {
      switch (member.status) {
        case "creator":
          return { status: "creator", user, is_anonymous: member.isAnonymous };
        case "administrator":
          return {
            status: "administrator",
            user,
            can_be_edited: false,
            is_anonymous: member.isAnonymous,
            can_manage_chat: true,
            can_delete_messages: true,
            can_manage_video_chats: true,
            can_restrict_members: record.type !== "channel",
            can_promote_members: false,
            can_change_info: true,
            can_invite_users: true,
            can_post_stories: false,
            can_edit_stories: false,
            can_delete_stories: false,
            can_send_welcome_messages: false,
            ...(record.type === "channel"
              ? { can_post_messages: member.canPostMessages, can_edit_messages: true }
              : { can_pin_messages: true }),
            ...(record.isForum ? { can_manage_topics: true } : {}),
          };
        case "member":
          return { status: "member", user };
        case "left":
          return { status: "left", user };
        case "kicked":
          return { status: "kicked", user, until_date: 0 };
      }
    },
    checkSend(chatId, botId, threadId) {
      const record = groups.get(chatId);
      if (record === undefined) return;
      if (record.migratedTo !== undefined) {
        throw new ApiError(
          400,
          "Bad Request: group chat was upgraded to a supergroup chat",
          undefined,
          record.migratedTo,
        );
      }
      const bot = registry.member(chatId, botId);
      if (bot.status === "left" || bot.status === "kicked") {
        throw new ApiError(403, kickedDescription(record));
      }
      if (record.type === "channel" && !(bot.status === "administrator" && bot.canPostMessages)) {
        throw badRequest("need administrator rights in the channel chat");
      }
      if (threadId === undefined) return;
      const thread = record.threads.get(threadId);
      if (!record.isForum || thread === undefined || thread.deleted) {
        throw badRequest("message thread not found");
      }
      if (thread.closed) throw badRequest("TOPIC_CLOSED");
    },
    checkReadable(chatId, botId) {
      const record = groups.get(chatId);
      if (record === undefined) throw badRequest("chat not found");
      const bot = registry.member(chatId, botId);
      if (bot.status === "left" || bot.status === "kicked") {
        throw new ApiError(403, kickedDescription(record));
      }
      if (record.type === "channel" && bot.status !== "administrator") {
        throw badRequest("member list is inaccessible");
      }
      return record;
    },
  };
  return registry;
}
