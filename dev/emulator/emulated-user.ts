/**
 * One Telegram user in their private chat with the bot, driven in-process: each action
 * records the user's side of the chat and hands the bot a real Update.
 */
import type { InlineKeyboardButton, MessageEntity, ReactionTypeEmoji, Update } from "grammy/types";
import type { CallLog } from "./call-log.js";
import type { ChatStore, MessageMedia, StoredMessage } from "./chat-store.js";
import type { FaultInjector } from "./fault-injector.js";
import { checkInlineQueryText, type InlineQueries } from "./inline-queries.js";
import { MAX_MESSAGE_LENGTH_UTF16 } from "./message-text.js";
import type { EmulatedMessage, EmulatedUser, EmulatedUserInfo } from "./types.js";
import type { UpdateHub } from "./update-hub.js";
import { waitForBotChange } from "./wait-for-bot.js";

const COMMAND_AT_START = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?=$|\s)/;
const COMMAND_NAME = /^[A-Za-z0-9_]{1,32}$/;

export interface UserContext {
  chats: ChatStore;
  hub: UpdateHub;
  faults: FaultInjector;
  log: CallLog;
  nowSeconds: () => number;
  /** Callback query id → answered yet; shared with answerCallbackQuery. */
  callbackQueries: Map<string, boolean>;
  nextCallbackQueryId: () => string;
  inline: InlineQueries;
  /** Registers a hook run by BotApiEmulator.close(); returns its removal. */
  onClose: (hook: () => void) => () => void;
}

export function createEmulatedUser(info: EmulatedUserInfo, context: UserContext): EmulatedUser {
  const { chats, hub, faults, nowSeconds } = context;
  const id = info.id;

  function membershipUpdate(from: "member" | "kicked", to: "member" | "kicked"): Update {
    const member = (status: "member" | "kicked") =>
      status === "member"
        ? ({ status, user: chats.botUser } as const)
        : ({ status, user: chats.botUser, until_date: 0 } as const);
    return hub.push({
      my_chat_member: {
        chat: chats.chatOf(id),
        from: chats.userOf(id),
        date: nowSeconds(),
        old_chat_member: member(from),
        new_chat_member: member(to),
      },
    });
  }

  function refuseIfDeactivated(action: string): void {
    if (faults.chatState(id) === "deactivated") {
      throw new Error(`${action}: user ${id} is deactivated and cannot act; restore(${id}) first`);
    }
  }

  /** Writing to a bot you blocked first restarts it, as the Telegram app's Restart does. */
  function prepareToWrite(action: string): void {
    refuseIfDeactivated(action);
    if (faults.chatState(id) === "blocked") {
      faults.faults.restore(id);
      membershipUpdate("kicked", "member");
    }
  }

  function postMessage(
    kind: NonNullable<EmulatedMessage["kind"]>,
    text: string,
    entities: MessageEntity[],
    media?: MessageMedia,
    replyTo?: number,
  ): Update {
    const stored = chats.add(
      id,
      {
        from: "user",
        kind,
        text,
        entities,
        date: nowSeconds(),
        ...(replyTo === undefined ? {} : { replyTo }),
      },
      media,
    );
    return hub.push({ message: chats.toTelegram(stored) });
  }

  function currentBotMessage(message: EmulatedMessage, action: string): StoredMessage {
    if (message.chatId !== id) {
      throw new Error(
        `${action}: message ${message.message_id} is in chat ${message.chatId}, not ${id}`,
      );
    }
    const current = chats.find(id, message.message_id);
    if (current === undefined) {
      throw new Error(
        `${action}: message ${message.message_id} is no longer in chat ${id} (deleted)`,
      );
    }
    if (current.from !== "bot") {
      throw new Error(`${action}: message ${message.message_id} is the user's, not the bot's`);
    }
    return current;
  }

  function callback(message: StoredMessage, data: string): Update {
    const queryId = context.nextCallbackQueryId();
    context.callbackQueries.set(queryId, false);
    return hub.push({
      callback_query: {
        id: queryId,
        from: chats.userOf(id),
        message: chats.toTelegram(message),
        chat_instance: chatInstance(id),
        data,
      },
    });
  }

  /** The user's current reactions, by message id in their chat with the bot. */
  const reactions = new Map<number, string[]>();

  const user: EmulatedUser = {
    id,
    async sendText(text, options) {
      if (text.trim() === "") throw new Error("sendText: Telegram does not send an empty message");
      if (text.length > MAX_MESSAGE_LENGTH_UTF16) {
        throw new Error(
          `sendText: ${text.length} UTF-16 units is over Telegram's ${MAX_MESSAGE_LENGTH_UTF16}`,
        );
      }
      const replyTo = options?.replyTo;
      if (replyTo !== undefined && chats.find(id, replyTo.message_id) === undefined) {
        throw new Error(`sendText: message ${replyTo.message_id} to reply to is not in chat ${id}`);
      }
      prepareToWrite("sendText");
      return postMessage("text", text, commandEntities(text), undefined, replyTo?.message_id);
    },
    async command(name, args) {
      if (!COMMAND_NAME.test(name)) {
        throw new Error(
          `command: "${name}" is not a command name (1–32 letters, digits or underscores, no "/")`,
        );
      }
      return user.sendText(args === undefined || args === "" ? `/${name}` : `/${name} ${args}`);
    },
    async pressButton(message, selector) {
      const current = currentBotMessage(message, "pressButton");
      const buttons = current.reply_markup?.inline_keyboard.flat() ?? [];
      const button = buttons.find((candidate) =>
        "data" in selector
          ? "callback_data" in candidate && candidate.callback_data === selector.data
          : candidate.text === selector.text,
      );
      if (button === undefined) {
        throw new Error(
          `pressButton: no button ${JSON.stringify(selector)} on message ${current.message_id}; its buttons: ${describeButtons(buttons)}`,
        );
      }
      if (!("callback_data" in button) || button.callback_data === undefined) {
        throw new Error(
          `pressButton: button "${button.text}" sends no callback (${describeButton(button)})`,
        );
      }
      // Old buttons stay tappable after blocking, and tapping one does not unblock.
      refuseIfDeactivated("pressButton");
      return callback(current, button.callback_data);
    },
    async sendCallback(message, data) {
      const current = currentBotMessage(message, "sendCallback");
      refuseIfDeactivated("sendCallback");
      return callback(current, data);
    },
    async editText(message, text) {
      const current = chats.find(id, message.message_id);
      if (current === undefined || current.from !== "user" || current.kind !== "text") {
        throw new Error(
          `editText: message ${message.message_id} is not one of user ${id}'s text messages in this chat`,
        );
      }
      if (text.trim() === "") throw new Error("editText: Telegram does not allow an empty message");
      chats.edit(current, { text, entities: commandEntities(text) }, nowSeconds());
      return hub.push({ edited_message: chats.toTelegram(current) });
    },
    async sendNonText(kind) {
      prepareToWrite("sendNonText");
      return postMessage(kind, "", [], mediaOf(kind, id, nowSeconds()));
    },
    async inlineQuery(query, options) {
      checkInlineQueryText(query);
      refuseIfDeactivated("inlineQuery");
      const queryId = context.inline.open(id, query);
      const answered = context.inline.waitForAnswer(queryId, options?.timeoutMs ?? 5000);
      hub.push({
        inline_query: {
          id: queryId,
          from: chats.userOf(id),
          query,
          offset: "",
          chat_type: options?.chatType ?? "sender",
        },
      });
      return answered;
    },
    chooseInlineResult(answer, resultId, chatId) {
      const result = answer.results.find((candidate) => candidate.id === resultId);
      if (result === undefined) {
        throw new Error(
          `chooseInlineResult: no result ${JSON.stringify(resultId)}; ids: ${answer.results.map((r) => r.id).join(", ")}`,
        );
      }
      const stored = chats.add(chatId, {
        from: "user",
        kind: "text",
        ...(chatId === id ? {} : { senderId: id }),
        ...result.message,
        ...(result.reply_markup === undefined ? {} : { reply_markup: result.reply_markup }),
        viaBot: true,
        date: nowSeconds(),
      });
      // A message via the bot reaches it only in its own chat; the bot is not asked in others.
      if (chatId === id) hub.push({ message: chats.toTelegram(stored) });
      return chats.find(chatId, stored.message_id) ?? stored;
    },
    async react(message, emoji) {
      const current = currentBotMessage(message, "react");
      refuseIfDeactivated("react");
      const key = current.message_id;
      const old = reactions.get(key) ?? [];
      if (emoji.length === 0) reactions.delete(key);
      else reactions.set(key, [...emoji]);
      const asReactions = (list: readonly string[]) =>
        list.map((value) => ({ type: "emoji" as const, emoji: value })) as ReactionTypeEmoji[];
      return hub.push({
        message_reaction: {
          chat: chats.chatOf(id),
          message_id: key,
          user: chats.userOf(id),
          date: nowSeconds(),
          old_reaction: asReactions(old),
          new_reaction: asReactions(emoji),
        },
      });
    },
    async blockBot() {
      faults.faults.block(id);
      return membershipUpdate("member", "kicked");
    },
    messages: () => chats.messages(id),
    lastBotMessage: () => chats.lastBotMessage(id),
    waitForBotMessage: (options) => waitForBotChange(context, () => id, options),
  };

  return user;
}

/** A leading /command (optionally /command@bot) gets its bot_command entity. */
export function commandEntities(text: string): MessageEntity[] {
  const match = COMMAND_AT_START.exec(text);
  return match === null ? [] : [{ type: "bot_command", offset: 0, length: match[0].length }];
}

/** Stable per chat, like Telegram's opaque chat_instance. */
export function chatInstance(chatId: number): string {
  return String((BigInt(chatId) * 2_654_435_761n) % 9_007_199_254_740_881n);
}

function describeButton(button: InlineKeyboardButton): string {
  if ("callback_data" in button) return `"${button.text}" → ${button.callback_data}`;
  if ("url" in button) return `"${button.text}" → ${button.url}`;
  return `"${button.text}"`;
}

function describeButtons(buttons: InlineKeyboardButton[]): string {
  return buttons.length === 0 ? "none" : buttons.map(describeButton).join(", ");
}

function mediaOf(
  kind: "sticker" | "photo" | "location",
  userId: number,
  date: number,
): MessageMedia {
  const fileId = (label: string) => `emulated-${label}-${userId}-${date}`;
  switch (kind) {
    case "sticker":
      return {
        sticker: {
          file_id: fileId("sticker"),
          file_unique_id: `sticker${userId}`,
          type: "regular",
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
          emoji: "👍",
        },
      };
    case "photo":
      return {
        photo: [
          { file_id: fileId("photo-s"), file_unique_id: `photos${userId}`, width: 90, height: 90 },
          {
            file_id: fileId("photo-m"),
            file_unique_id: `photom${userId}`,
            width: 800,
            height: 800,
          },
        ],
      };
    case "location":
      return { location: { latitude: 48.8566, longitude: 2.3522 } };
  }
}
