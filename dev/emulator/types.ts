/**
 * Contract of the local Telegram Bot API emulator (dev/emulator/), shared by the
 * test suite, `npm run demo` and the benchmarks. It serves the Bot API over HTTP on
 * 127.0.0.1 and answers like Telegram: the `{ ok, result }` / `{ ok:false,
 * error_code, description, parameters }` envelope, 400 for malformed HTML or text
 * over 4,096 characters, 429 with retry_after past the flood limits, and injected
 * 403/400/5xx faults.
 */
import type {
  BotCommand,
  InlineKeyboardMarkup,
  LinkPreviewOptions,
  MessageEntity,
  Update,
} from "grammy/types";
import type { InlineAnswer } from "./inline-queries.js";

export type { InlineAnswer, InlineResult } from "./inline-queries.js";

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Requests for any other token get 401 Unauthorized, as Telegram answers. */
  token: string;
  /** The bot's own identity, returned by getMe. */
  botUsername?: string;
  /** getMe's first_name. Default "Emulated Bot". */
  botFirstName?: string;
  /** Flood control; a limit left out is not enforced. */
  limits?: {
    /** Sends (sendMessage and friends) per sliding second, all chats together. */
    botWidePerSecond?: number;
    /** Sends per sliding second to one chat. */
    perChatPerSecond?: number;
    /**
     * Sends per sliding second, all chats together, for sends with allow_paid_broadcast
     * (Telegram allows 1000). Default botWidePerSecond.
     */
    paidBroadcastPerSecond?: number;
  };
  /** Seed of the generator behind failRandomly, so fault runs repeat. */
  seed?: number;
  /** Time source in ms since the epoch (message dates, flood windows). Default Date.now. */
  now?: () => number;
  /**
   * Pauses before re-POSTing an update the webhook refused (non-2xx or network
   * error); one retry per entry, then the update is dropped and reported in
   * getWebhookInfo. Default [100, 300, 1000].
   */
  webhookRetryDelaysMs?: readonly number[];
}

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** ms since the epoch, from the emulator's clock. */
  at: number;
  /** HTTP status the emulator answered with (200 on success; 0 when dropConnection cut it). */
  status: number;
  /** The JSON body it answered with. */
  response: unknown;
}

/** A message in a chat as a user would see it (edits applied in place). */
export interface EmulatedMessage {
  message_id: number;
  chatId: number;
  from: "bot" | "user";
  /** Who wrote a user message in a group or channel (1087968824 for an anonymous admin). */
  senderId?: number;
  /** The forum thread it is in; absent for General and for chats without threads. */
  message_thread_id?: number;
  /** The bot sent it with disable_notification. */
  disable_notification?: boolean;
  /** What the message holds; "text" when absent. Only user messages can be non-text. */
  kind?: "text" | "sticker" | "photo" | "location" | "document";
  /** A document the bot sent (sendDocument); `text` holds its caption, "" without one. */
  document?: EmulatedDocument;
  /** Plain text after entity parsing (what Telegram displays and counts). */
  text: string;
  entities: MessageEntity[];
  /** The HTML the bot sent, when it used parse_mode HTML. */
  html?: string;
  reply_markup?: InlineKeyboardMarkup;
  link_preview_options?: LinkPreviewOptions;
  /** Unix seconds. */
  date: number;
  /** Unix seconds of the last edit. */
  edit_date?: number;
  /** A user message that answers this message of the same chat (reply_to_message). */
  replyTo?: number;
  /** A user message posted through the bot's inline mode (via_bot). */
  viaBot?: boolean;
  /** How many times it was edited (by the bot, or by the user for their own messages). */
  edits: number;
}

export interface EmulatedDocument {
  file_name: string;
  mime_type: string;
  file_size: number;
  /** The file's bytes as UTF-8 text (tests read what the bot sent); absent for a file_id or URL. */
  content?: string;
}

export interface EmulatedUserInfo {
  id: number;
  first_name?: string;
  username?: string;
  language_code?: string;
}

/** Acts as one Telegram user in their private chat with the bot (chat id = user id). */
export interface EmulatedUser {
  readonly id: number;
  /**
   * A text message; a leading /command gets its bot_command entity. Writing to a bot
   * the user blocked first restarts it (a my_chat_member "kicked" → "member" update),
   * as the Telegram app requires; a deactivated user cannot write (the call throws).
   */
  sendText(text: string, options?: { replyTo?: EmulatedMessage }): Promise<Update>;
  /** `/name args`, e.g. command("latest", "blockchain"). */
  command(name: string, args?: string): Promise<Update>;
  /**
   * Taps an inline button of `message` by its callback_data (or by its visible text), as
   * the message stands now (after edits); throws, listing the buttons, if it is not there.
   */
  pressButton(
    message: EmulatedMessage,
    button: { data: string } | { text: string },
  ): Promise<Update>;
  /** A callback query with arbitrary (possibly forged) data on `message`. */
  sendCallback(message: EmulatedMessage, data: string): Promise<Update>;
  /** Edits one of the user's own earlier messages (an edited_message update). */
  editText(message: EmulatedMessage, text: string): Promise<Update>;
  /** A non-text message: "sticker" | "photo" | "location". */
  sendNonText(kind: "sticker" | "photo" | "location"): Promise<Update>;
  /**
   * Types "@bot query" in a chat of `chatType` (default "sender", the chat with the bot):
   * an inline_query update; resolves with the bot's answerInlineQuery once it came.
   */
  inlineQuery(
    query: string,
    options?: { chatType?: InlineChatType; timeoutMs?: number },
  ): Promise<InlineAnswer>;
  /**
   * Picks result `resultId` of `answer` into chat `chatId` (this user's chat with the bot,
   * or a group or channel): the message appears there "via @bot", sent by this user.
   */
  chooseInlineResult(answer: InlineAnswer, resultId: string, chatId: number): EmulatedMessage;
  /**
   * Sets the user's reactions on a message of their chat with the bot ([] removes them):
   * a message_reaction update, which the bot gets only if allowed_updates names it.
   */
  react(message: EmulatedMessage, emoji: string[]): Promise<Update>;
  /** Leaves the bot (my_chat_member "kicked"); sends to this chat now fail with 403. */
  blockBot(): Promise<Update>;
  /** The whole chat, oldest first. */
  messages(): EmulatedMessage[];
  /** The bot's latest message in this chat. */
  lastBotMessage(): EmulatedMessage | undefined;
  /**
   * Resolves with the next bot message or edit in this chat after the call, or
   * rejects after `timeoutMs` (default 5000) naming what it waited for.
   */
  waitForBotMessage(options?: { timeoutMs?: number; edits?: boolean }): Promise<EmulatedMessage>;
}

export type InlineChatType = "sender" | "private" | "group" | "supergroup" | "channel";

/** Who writes in a group: a user id, or an anonymous administrator (posts as the group). */
export type GroupSender = number | "anonymous";
/** A person's place in a group or channel. */
export type MemberRole = "owner" | "admin" | "member" | "left";
/** A forum thread id, or "general" for messages outside any thread. */
export type ThreadSelector = number | "general";

export interface EmulatedGroupInfo {
  /** Negative; a supergroup's starts with -100, as on Telegram. Default: a fresh id. */
  id?: number;
  title: string;
  /** Default "group" (a basic group); forums are supergroups. */
  type?: "group" | "supergroup";
  /** A supergroup with topics (forum threads). */
  forum?: boolean;
  username?: string;
}

export interface EmulatedChannelInfo {
  id?: number;
  title: string;
  /** Without "@"; the bot may then name the channel "@username" in chat_id. */
  username?: string;
}

/**
 * A group or supergroup. Updates reach the bot as Telegram sends them with privacy mode
 * on: the test decides what to send (commands, replies to the bot), and the bot gets it.
 */
export interface EmulatedGroup {
  /** The current id: it changes when a basic group migrates to a supergroup. */
  readonly id: number;
  /** `by` adds the bot (my_chat_member left → member/administrator); `by` becomes owner if new. */
  addBot(by: number, options?: { admin?: boolean }): Promise<Update>;
  /** `by` removes the bot (my_chat_member → kicked); sends now fail with 403. */
  removeBot(by: number): Promise<Update>;
  /** Promotes (true) or demotes (false) the bot. */
  setBotAdmin(admin: boolean, by: number): Promise<Update>;
  /** A chat_member update; `anonymous` admins post as the group. */
  setMember(
    userId: number,
    role: MemberRole,
    options?: { anonymous?: boolean; by?: number },
  ): Promise<Update>;
  /** A message by a member (or an anonymous admin), optionally inside a forum thread. */
  sendText(from: GroupSender, text: string, options?: { threadId?: number }): Promise<Update>;
  command(
    from: GroupSender,
    name: string,
    args?: string,
    options?: { threadId?: number },
  ): Promise<Update>;
  /** A member taps an inline button (by callback_data) of a bot message in the group. */
  pressButton(from: number, message: EmulatedMessage, data: string): Promise<Update>;
  /** Forum supergroups only: a new thread; returns its message_thread_id. */
  createThread(name: string): number;
  /** Sends into it now fail with 400 TOPIC_CLOSED. */
  closeThread(threadId: number): void;
  reopenThread(threadId: number): void;
  /** Sends into it now fail with 400 "message thread not found". */
  deleteThread(threadId: number): void;
  /**
   * Basic group → supergroup: a new id, members kept, a migrate_to_chat_id message in
   * the old chat and migrate_from_chat_id in the new one; sends to the old id now get
   * 400 with parameters.migrate_to_chat_id. Resolves with the new id.
   */
  migrate(): Promise<number>;
  /** Messages of the current chat, all or those of one thread. */
  messages(options?: { threadId?: ThreadSelector }): EmulatedMessage[];
  deliveredTo(options?: { threadId?: ThreadSelector }): EmulatedMessage[];
  waitForBotMessage(options?: {
    timeoutMs?: number;
    edits?: boolean;
    threadId?: ThreadSelector;
  }): Promise<EmulatedMessage>;
}

/** A channel: the bot can only be in it as an administrator, and posts only with can_post_messages. */
export interface EmulatedChannel {
  readonly id: number;
  readonly username?: string;
  /** `by` (owner if new) adds the bot as an administrator, allowed to post unless canPost is false. */
  addBot(by: number, options?: { canPost?: boolean }): Promise<Update>;
  removeBot(by: number): Promise<Update>;
  /** Gives or takes the bot's right to post (it stays an administrator). */
  setBotCanPost(canPost: boolean, by: number): Promise<Update>;
  setMember(userId: number, role: MemberRole, options?: { by?: number }): Promise<Update>;
  /** A post by the channel itself (a channel_post update). */
  post(text: string): Promise<Update>;
  messages(): EmulatedMessage[];
  deliveredTo(): EmulatedMessage[];
  waitForBotMessage(options?: { timeoutMs?: number; edits?: boolean }): Promise<EmulatedMessage>;
}

export interface EmulatorFaults {
  /** Sends to the chat fail with 403 "Forbidden: bot was blocked by the user". */
  block(chatId: number): void;
  /** 403 "Forbidden: user is deactivated". */
  deactivate(chatId: number): void;
  /** 400 "Bad Request: chat not found". */
  chatNotFound(chatId: number): void;
  /** Undoes block/deactivate/chatNotFound. */
  restore(chatId: number): void;
  /**
   * The next `times` (default 1) calls of `method` fail with this answer. "*" means any
   * method except getUpdates (so the bot's polling loop does not stall for 3 s); name
   * getUpdates to fault it. Several failNext for one method queue up in order.
   */
  failNext(
    method: string,
    fault: { status: number; description?: string; retryAfter?: number; times?: number },
  ): void;
  /** Each send fails with a 5xx with this probability (seeded), until cleared. */
  failRandomly(probability: number, status?: 500 | 502 | 503): void;
  /**
   * Network-level failure: the next `times` calls of `method` ("*" as in failNext) get
   * their socket destroyed without an answer (recorded with status 0).
   */
  dropConnection(method: string, times?: number): void;
  clear(): void;
}

export interface EmulatorStats {
  /** Successful sends (sendMessage and friends). */
  sent: number;
  /** Answers by HTTP status, all methods. */
  byStatus: Record<number, number>;
  tooManyRequests: number;
  /** Calls whose socket dropConnection destroyed (no answer, so not in byStatus). */
  dropped: number;
}

export interface EmulatorChange {
  kind: "message" | "edit" | "delete";
  message: EmulatedMessage;
}

export interface BotApiEmulator {
  /** e.g. "http://127.0.0.1:41234": grammY's `client.apiRoot` (no trailing slash). */
  readonly apiRoot: string;
  readonly token: string;
  readonly port: number;
  readonly calls: readonly RecordedCall[];
  callsOf(method: string): RecordedCall[];
  resetCalls(): void;
  readonly faults: EmulatorFaults;
  /** A snapshot of the counters at the time of reading. */
  readonly stats: EmulatorStats;
  /** Zeroes the counters of `stats` (e.g. between benchmark phases). */
  resetStats(): void;
  /** Updates created but not yet taken by getUpdates or accepted by the webhook. */
  readonly pendingUpdates: number;
  user(info: EmulatedUserInfo): EmulatedUser;
  /** A new group or supergroup (the bot is not in it until addBot). */
  group(info: EmulatedGroupInfo): EmulatedGroup;
  /** A new channel (the bot is not in it until addBot). */
  channel(info: EmulatedChannelInfo): EmulatedChannel;
  /** Every message in a chat, oldest first. */
  chatMessages(chatId: number): EmulatedMessage[];
  /** Bot messages successfully delivered to a chat (not counting edits). */
  deliveredTo(chatId: number): EmulatedMessage[];
  /** Commands last set with setMyCommands for a language ("" = default). */
  commands(languageCode?: string): BotCommand[];
  /**
   * Fires on every bot message, edit and deletion, and every user message and edit
   * (the demo page streams these). The message is a snapshot; for "delete" it is the
   * message as it was just before deleteMessage removed it. Returns an unsubscribe.
   */
  onChange(listener: (event: EmulatorChange) => void): () => void;
  close(): Promise<void>;
}
