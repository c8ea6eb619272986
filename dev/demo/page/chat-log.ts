/** The scrolling list of messages: one row per message id, redrawn in place on edits. */
import type { ChatChangePayload, PageMessage } from "./api-types.js";
import { el } from "./dom.js";
import { fillRow, type MessageRowActions } from "./message-row.js";

/** Closer than this to the bottom counts as reading the latest message. */
const NEAR_BOTTOM_PX = 160;

export interface ChatLog {
  /** A new message, or a new version of one already shown. */
  upsert(message: PageMessage, kind: ChatChangePayload["kind"]): void;
  remove(message: PageMessage): void;
  /** The whole chat anew, as after a (re)connection. */
  reset(messages: readonly PageMessage[]): void;
  isNearBottom(): boolean;
  scrollToBottom(): void;
}

export interface ChatLogOptions {
  /**
   * "user": the intro stays until the reader writes, as Telegram keeps its START button
   * until then, even when the bot spoke first (the demo's channel panel). Default "any".
   */
  hideEmptyOnceFrom?: "any" | "user";
}

export function createChatLog(
  elements: { messages: HTMLElement; empty: HTMLElement },
  actions: MessageRowActions,
  options: ChatLogOptions = {},
): ChatLog {
  const box = elements.messages;
  const rows = new Map<number, HTMLElement>();
  const hidesEmpty = (row: HTMLElement) =>
    options.hideEmptyOnceFrom !== "user" || row.getAttribute("data-from") === "user";

  function isNearBottom(): boolean {
    return box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_BOTTOM_PX;
  }

  function scrollToBottom(): void {
    box.scrollTop = box.scrollHeight;
  }

  function showEmptyUnlessRows(): void {
    elements.empty.hidden = [...rows.values()].some(hidesEmpty);
  }

  /** Restarts the edit highlight even when the row flashed a moment ago. */
  function flash(row: HTMLElement): void {
    row.classList.remove("flash");
    void row.offsetWidth;
    row.classList.add("flash");
  }

  function upsert(message: PageMessage, kind: ChatChangePayload["kind"]): void {
    const stick = isNearBottom() || message.from === "user";
    let row = rows.get(message.message_id);
    if (row === undefined) {
      row = el("div");
      row.setAttribute("data-testid", "message");
      rows.set(message.message_id, row);
      fillRow(row, message, actions);
      box.append(row);
    } else {
      fillRow(row, message, actions);
      if (kind === "edit") flash(row);
    }
    showEmptyUnlessRows();
    if (stick && kind !== "edit") scrollToBottom();
  }

  return {
    upsert,
    remove(message) {
      rows.get(message.message_id)?.remove();
      rows.delete(message.message_id);
      showEmptyUnlessRows();
    },
    reset(messages) {
      for (const row of rows.values()) row.remove();
      rows.clear();
      for (const message of messages) upsert(message, "message");
      showEmptyUnlessRows();
      scrollToBottom();
    },
    isNearBottom,
    scrollToBottom,
  };
}
