/**
 * Where user-side updates go: a queue read by getUpdates (long polling with offset,
 * limit, timeout and allowed_updates), or a webhook once one is set.
 */
import type {
  CallbackQuery,
  ChatMemberUpdated,
  InlineQuery,
  Message,
  MessageReactionUpdated,
  Update,
} from "grammy/types";
import { ApiError } from "./api-error.js";
import { UpdateQueue, updateType } from "./update-queue.js";
import {
  createWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookError,
  type WebhookTarget,
} from "./webhook-dispatcher.js";

const DEFAULT_LIMIT = 100;
/** How long a getUpdates waits for a previous, possibly abandoned, poll to close. */
const CONFLICT_GRACE_MS = 100;
const CONFLICT_RECHECK_MS = 5;
/** Longer long polls are cut to this (and setTimeout cannot wait past ~24 days anyway). */
const MAX_POLL_TIMEOUT_S = 3600;
/** Update types Telegram only sends when allowed_updates names them. */
const OPT_IN_TYPES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

/**
 * What the user side creates. Looser than Update, whose message types also encode
 * "not a channel" and "edited", which the chat store does not track in its types.
 */
export interface UpdateContent {
  message?: Message;
  edited_message?: Message;
  callback_query?: CallbackQuery;
  my_chat_member?: ChatMemberUpdated;
  chat_member?: ChatMemberUpdated;
  channel_post?: Message;
  inline_query?: InlineQuery;
  message_reaction?: MessageReactionUpdated;
}

export interface GetUpdatesParams {
  offset: number | undefined;
  limit: number | undefined;
  /** Seconds. */
  timeout: number | undefined;
  allowedUpdates: string[] | undefined;
}

/** The HTTP request behind a getUpdates call, so an abandoned long poll is noticed. */
export interface PollConnection {
  isOpen(): boolean;
  onClose(listener: () => void): void;
}

export interface WebhookSettings extends WebhookTarget {
  allowedUpdates: string[] | undefined;
}

export interface UpdateHubOptions {
  retryDelaysMs: readonly number[];
  nowSeconds: () => number;
  onWebhookReply: (method: string, payload: Record<string, unknown>) => void;
}

interface Waiter {
  connection: PollConnection;
  limit: number;
  resolve: (updates: Update[]) => void;
  timer: NodeJS.Timeout;
}

export class UpdateHub {
  private readonly queue = new UpdateQueue();
  private readonly options: UpdateHubOptions;
  private nextUpdateId = 1;
  /** undefined = Telegram's default set. */
  private allowed: Set<string> | undefined;
  private waiter: Waiter | undefined;
  private webhook: { settings: WebhookSettings; dispatcher: WebhookDispatcher } | undefined;
  /** Dispatchers still finishing deliveries after deleteWebhook. */
  private readonly retired = new Set<WebhookDispatcher>();
  private lastError: WebhookError | undefined;
  private closed = false;

  constructor(options: UpdateHubOptions) {
    this.options = options;
  }

  get pending(): number {
    let count = this.queue.size + (this.webhook?.dispatcher.pending ?? 0);
    for (const dispatcher of this.retired) count += dispatcher.pending;
    return count;
  }

  /** Gives the update its id and hands it to the bot. */
  push(content: UpdateContent): Update {
    const update = { update_id: this.nextUpdateId, ...content } as Update;
    this.nextUpdateId += 1;
    if (this.closed || !this.accepts(update)) return update;
    if (this.webhook !== undefined) {
      this.webhook.dispatcher.enqueue(update);
      return update;
    }
    this.queue.push(update);
    this.wakeWaiter();
    return update;
  }

  async getUpdates(params: GetUpdatesParams, connection: PollConnection): Promise<Update[]> {
    this.refuseWhileWebhook();
    if (this.waiter?.connection.isOpen()) {
      await this.graceForAbandonedPoll();
      this.refuseWhileWebhook();
    }
    if (this.waiter !== undefined) {
      if (this.waiter.connection.isOpen()) {
        throw new ApiError(
          409,
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
        );
      }
      this.endWaiter([]);
    }

    if (params.allowedUpdates !== undefined) {
      this.allowed =
        params.allowedUpdates.length === 0 ? undefined : new Set(params.allowedUpdates);
    }
    if (params.offset !== undefined && params.offset !== 0) {
      if (params.offset < 0) this.queue.keepLast(-params.offset);
      else this.queue.confirmBelow(params.offset);
    }
    const limit = Math.min(DEFAULT_LIMIT, Math.max(1, params.limit ?? DEFAULT_LIMIT));
    const batch = this.take(limit);
    const timeoutSeconds = Math.min(params.timeout ?? 0, MAX_POLL_TIMEOUT_S);
    if (batch.length > 0 || timeoutSeconds <= 0 || this.closed) return batch;

    return new Promise((resolve) => {
      const waiter: Waiter = {
        connection,
        limit,
        resolve,
        timer: setTimeout(() => {
          if (this.waiter === waiter) this.endWaiter(this.take(limit));
        }, timeoutSeconds * 1000),
      };
      this.waiter = waiter;
      connection.onClose(() => {
        if (this.waiter === waiter) this.endWaiter([]);
      });
    });
  }

  setWebhook(settings: WebhookSettings, dropPending: boolean): void {
    const previous = this.stopWebhook(false);
    if (dropPending) this.queue.clear();
    this.lastError = undefined;
    this.allowed =
      settings.allowedUpdates === undefined
        ? this.allowed
        : settings.allowedUpdates.length === 0
          ? undefined
          : new Set(settings.allowedUpdates);
    const dispatcher = createWebhookDispatcher({
      target: settings,
      retryDelaysMs: this.options.retryDelaysMs,
      nowSeconds: this.options.nowSeconds,
      onError: (error) => {
        this.lastError = error;
      },
      onReply: this.options.onWebhookReply,
      onOrphan: (update) => this.requeue(update),
    });
    this.webhook = { settings, dispatcher };
    if (this.waiter !== undefined) this.endWaiter([]);
    for (const update of [...(dropPending ? [] : previous), ...this.queue.drain()].sort(
      (a, b) => a.update_id - b.update_id,
    )) {
      dispatcher.enqueue(update);
    }
  }

  /** Back to getUpdates; undelivered updates wait there unless dropped. */
  deleteWebhook(dropPending: boolean): void {
    const left = this.stopWebhook(false);
    if (dropPending) {
      this.queue.clear();
      return;
    }
    for (const update of left) this.queue.push(update);
  }

  webhookInfo(): Record<string, unknown> {
    const info: Record<string, unknown> = {
      url: this.webhook?.settings.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.pending,
    };
    if (this.webhook !== undefined) {
      info.max_connections = this.webhook.settings.maxConnections;
      if (this.allowed !== undefined) info.allowed_updates = [...this.allowed];
      if (this.lastError !== undefined) {
        info.last_error_date = this.lastError.date;
        info.last_error_message = this.lastError.message;
      }
    }
    return info;
  }

  close(): void {
    this.closed = true;
    if (this.waiter !== undefined) this.endWaiter([]);
    this.stopWebhook(true);
    for (const dispatcher of this.retired) dispatcher.stop(true);
    this.retired.clear();
  }

  /**
   * bot.stop() aborts its long poll and polls again at once, often over another
   * keep-alive socket, so the new request can be read before the old socket's close.
   * Wait (briefly, and only in this case) for the old poll to be seen gone before
   * calling it a second bot instance.
   */
  private async graceForAbandonedPoll(): Promise<void> {
    const deadline = Date.now() + CONFLICT_GRACE_MS;
    while (this.waiter?.connection.isOpen() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, CONFLICT_RECHECK_MS));
    }
  }

  private refuseWhileWebhook(): void {
    if (this.webhook !== undefined) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
  }

  private stopWebhook(abort: boolean): Update[] {
    const current = this.webhook;
    if (current === undefined) return [];
    this.webhook = undefined;
    const left = current.dispatcher.stop(abort);
    if (!abort && current.dispatcher.pending > 0) this.retired.add(current.dispatcher);
    return left;
  }

  /** An update a stopped webhook could not deliver goes to wherever updates go now. */
  private requeue(update: Update): void {
    for (const dispatcher of this.retired) {
      if (dispatcher.pending === 0) this.retired.delete(dispatcher);
    }
    if (this.closed) return;
    if (this.webhook !== undefined) this.webhook.dispatcher.enqueue(update);
    else {
      this.queue.push(update);
      this.wakeWaiter();
    }
  }

  private accepts(update: Update): boolean {
    const type = updateType(update);
    return this.allowed === undefined ? !OPT_IN_TYPES.has(type) : this.allowed.has(type);
  }

  private take(limit: number): Update[] {
    return this.queue.peek(limit, (update) => this.accepts(update));
  }

  private wakeWaiter(): void {
    const waiter = this.waiter;
    if (waiter === undefined) return;
    const batch = this.take(waiter.limit);
    if (batch.length > 0) this.endWaiter(batch);
  }

  private endWaiter(updates: Update[]): void {
    const waiter = this.waiter;
    if (waiter === undefined) return;
    this.waiter = undefined;
    clearTimeout(waiter.timer);
    waiter.resolve(updates);
  }
}
