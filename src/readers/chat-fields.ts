import { isTopicId, type TopicId } from "../topics/catalog.js";

/**
 * What a subscriber that is not a private chat adds to a reader: its chat type, where
 * in a forum each topic goes, and, for channels, who configured it. Absent fields mean
 * what they meant before groups and channels existed (a private chat, General, loud).
 */
export const CHAT_KINDS = ["private", "group", "supergroup", "channel"] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export interface ChatFields {
  /** Absent in files written before issue 13: a private chat. */
  chatType?: ChatKind;
  /** Forum supergroups: the message_thread_id each topic goes to; others go to General. */
  threads?: Partial<Record<TopicId, number>>;
  /** Posts go out with disable_notification (channels). */
  silent?: boolean;
  /** Channels: the administrator who configured it, told when the bot loses the channel. */
  adminId?: number;
  /** Set when a group became a supergroup: where its settings went. */
  migratedTo?: number;
}

/** Every key of ChatFields, for code that replaces them as a set. */
export const CHAT_FIELD_KEYS = [
  "chatType",
  "threads",
  "silent",
  "adminId",
  "migratedTo",
] as const satisfies readonly (keyof ChatFields)[];

export function chatKindOf(fields: ChatFields): ChatKind {
  return fields.chatType ?? "private";
}

export function isChatKind(value: unknown): value is ChatKind {
  return typeof value === "string" && (CHAT_KINDS as readonly string[]).includes(value);
}

/** Telegram chat ids: users are positive, groups, supergroups and channels negative. */
function fitsId(kind: ChatKind, chatId: number): boolean {
  return kind === "private" ? chatId > 0 : chatId < 0;
}

const isPositiveId = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) > 0;
const isChatId = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) !== 0;

/**
 * The chat fields of a reader read from a file (possibly hand-edited), checked one by
 * one: a bad field is dropped (its "absent" meaning applies) and reported.
 */
export function checkChatFields(
  raw: Record<string, unknown>,
  chatId: number,
): { fields: ChatFields; problems: string[] } {
  const fields: ChatFields = {};
  const problems: string[] = [];
  const drop = (key: string, expected: string) =>
    problems.push(`${key}: ${JSON.stringify(raw[key])} is not ${expected}; ignored`);

  if (raw.chatType !== undefined) {
    if (isChatKind(raw.chatType) && fitsId(raw.chatType, chatId)) fields.chatType = raw.chatType;
    else drop("chatType", `one of ${CHAT_KINDS.join(", ")} matching the sign of chat id ${chatId}`);
  }
  if (raw.threads !== undefined) {
    const threads = raw.threads;
    const entries =
      typeof threads === "object" && threads !== null && !Array.isArray(threads)
        ? Object.entries(threads)
        : undefined;
    if (entries?.every(([topic, id]) => isTopicId(topic) && isPositiveId(id))) {
      fields.threads = Object.fromEntries(entries) as ChatFields["threads"];
    } else drop("threads", "an object of topic → positive thread id");
  }
  if (raw.silent !== undefined) {
    if (typeof raw.silent === "boolean") fields.silent = raw.silent;
    else drop("silent", "true or false");
  }
  if (raw.adminId !== undefined) {
    if (isPositiveId(raw.adminId)) fields.adminId = raw.adminId;
    else drop("adminId", "a user id");
  }
  if (raw.migratedTo !== undefined) {
    if (isChatId(raw.migratedTo) && (raw.migratedTo as number) < 0) {
      fields.migratedTo = raw.migratedTo as number;
    } else drop("migratedTo", "a supergroup id");
  }
  return { fields, problems };
}
