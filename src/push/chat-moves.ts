import type { Api } from "grammy";
import type { Translator } from "../briefs/render.js";
import type { Logger } from "../logger.js";
import { withoutThread } from "../readers/forum-routes.js";
import { migrateReader } from "../readers/migrate-reader.js";
import type { Reader } from "../readers/reader.js";
import type { ReaderStore } from "../readers/reader-store.js";

/**
 * What a push does when the chat it targets has changed under it: a group that became
 * a supergroup, a forum thread closed or deleted, a group or channel the bot was
 * removed from. Kept apart from the send loop so that loop only decides when to call.
 */
export interface ChatMoveDeps {
  api: Api;
  readers: ReaderStore;
  i18n: Translator;
  logger: Logger;
}

/** Where a push goes in the chat, and how: a forum thread (General when absent), silently or not. */
export function sendTargetOptions(
  reader: Reader,
  threadId: number | undefined,
): { message_thread_id?: number; disable_notification?: boolean } {
  return {
    ...(threadId === undefined ? {} : { message_thread_id: threadId }),
    ...(reader.silent ? { disable_notification: true } : {}),
  };
}

/** The chat to send to now: a migrated group's pushes follow it to the supergroup. */
export function currentChatId(readers: ReaderStore, chatId: number): number {
  return readers.get(chatId)?.migratedTo ?? chatId;
}

/** Telegram answered "upgraded to a supergroup": move the settings and progress there. */
export async function followMigration(
  readers: ReaderStore,
  fromId: number,
  toId: number,
  now: Date,
): Promise<void> {
  await migrateReader(readers, fromId, toId, now);
}

/**
 * A thread refused the post (closed, deleted): its topics go back to General, and the
 * group is told once, there; later posts go to General without another refusal.
 */
export async function fallBackToGeneral(
  deps: ChatMoveDeps,
  chatId: number,
  threadId: number,
): Promise<void> {
  const reader = deps.readers.get(chatId);
  if (reader === undefined) return;
  const { routes, moved } = withoutThread(reader.threads, threadId);
  if (moved.length === 0) return;
  await deps.readers.update(chatId, (current) =>
    current === undefined ? undefined : { ...current, threads: routes },
  );
  const topics = moved.map((topic) => deps.i18n.t(reader.locale, `topic-${topic}`)).join(", ");
  deps.logger.info(
    { chatId, threadId, topics: moved },
    "forum thread refused; topics moved to General",
  );
  await deps.api
    .sendMessage(chatId, deps.i18n.t(reader.locale, "forum-thread-gone", { topics }))
    .catch((error: unknown) =>
      deps.logger.warn({ err: error, chatId }, "could not tell the group its thread is gone"),
    );
}

/** A channel the bot lost: the administrator who configured it hears it, in private. */
export async function tellAdminChannelLost(deps: ChatMoveDeps, reader: Reader): Promise<void> {
  if (reader.chatType !== "channel" || reader.adminId === undefined) return;
  // In the admin's own language when the bot knows it; the channel's otherwise.
  const locale = deps.readers.get(reader.adminId)?.locale ?? reader.locale;
  await deps.api
    .sendMessage(reader.adminId, deps.i18n.t(locale, "channel-lost", { id: String(reader.chatId) }))
    .catch((error: unknown) =>
      deps.logger.warn({ err: error, chatId: reader.chatId }, "could not tell the channel's admin"),
    );
}
