/**
 * Waiting for the bot's next message in one chat (a private chat, a group, a thread),
 * with a timeout error that says what did happen, so a failing test points at the cause.
 */
import type { CallLog } from "./call-log.js";
import type { ChatStore } from "./chat-store.js";
import type { EmulatedMessage } from "./types.js";
import type { UpdateHub } from "./update-hub.js";

const DEFAULT_WAIT_MS = 5000;
/** How much of the last bot message a timeout error quotes. */
const QUOTE_CHARS = 120;

export interface WaitContext {
  chats: ChatStore;
  hub: UpdateHub;
  log: CallLog;
  /** Registers a hook run by BotApiEmulator.close(); returns its removal. */
  onClose: (hook: () => void) => () => void;
}

export interface WaitOptions {
  timeoutMs?: number;
  edits?: boolean;
}

export function waitForBotChange(
  context: WaitContext,
  chatId: () => number,
  options: WaitOptions = {},
  accept: (message: EmulatedMessage) => boolean = () => true,
): Promise<EmulatedMessage> {
  const { chats } = context;
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
  const withEdits = options.edits ?? true;
  const wanted = withEdits ? "bot message or edit" : "bot message";
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      unsubscribe();
      removeCloseHook();
    };
    const unsubscribe = chats.onChange((event) => {
      const { message } = event;
      if (message.chatId !== chatId() || message.from !== "bot" || !accept(message)) return;
      if (event.kind === "message" || (withEdits && event.kind === "edit")) {
        cleanup();
        // The change lands mid-call; resolve once the call is recorded in `calls` too.
        setImmediate(() => resolve(message));
      }
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(describeTimeout(context, chatId(), wanted, timeoutMs)));
    }, timeoutMs);
    const removeCloseHook = context.onClose(() => {
      cleanup();
      reject(
        new Error(
          `waitForBotMessage: the emulator closed while waiting for a ${wanted} in chat ${chatId()}`,
        ),
      );
    });
  });
}

function describeTimeout(
  context: WaitContext,
  id: number,
  wanted: string,
  timeoutMs: number,
): string {
  const last = context.chats.lastBotMessage(id);
  const quote =
    last === undefined
      ? "none"
      : JSON.stringify(
          last.text.length > QUOTE_CHARS ? `${last.text.slice(0, QUOTE_CHARS)}…` : last.text,
        );
  const recent = context.log
    .recentForChat(id)
    .map(
      (call) =>
        `${call.method} → ${call.status === 0 ? "connection dropped" : call.status}${errorOf(call.response)}`,
    );
  return [
    `waitForBotMessage: no ${wanted} in chat ${id} within ${timeoutMs} ms.`,
    `Last bot message: ${quote}.`,
    `Recent bot calls for this chat: ${recent.length === 0 ? "none" : recent.join("; ")}.`,
    `Updates not yet taken by the bot: ${context.hub.pending}.`,
  ].join(" ");
}

function errorOf(response: unknown): string {
  if (typeof response === "object" && response !== null && "description" in response) {
    return ` "${String((response as { description: unknown }).description)}"`;
  }
  return "";
}
