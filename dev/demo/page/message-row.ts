/** One chat message as a bubble, with its inline keyboard, as Telegram draws it. */
import type { InlineKeyboardButton } from "grammy/types";
import type { PageMessage } from "./api-types.js";
import { el } from "./dom.js";
import { type FormattedTextActions, linkTo, renderFormatted } from "./formatted-text.js";

export interface MessageRowActions extends FormattedTextActions {
  /** A tap on a callback button; `node` shows it pending until the bot answers. */
  press(messageId: number, data: string, node: HTMLElement): void;
}

const NON_TEXT: Record<string, string> = {
  sticker: "👍 Sticker",
  photo: "🖼 Photo",
  location: "📍 Location",
};

function formatTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleTimeString([], {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

function keyboardButton(
  message: PageMessage,
  button: InlineKeyboardButton,
  actions: MessageRowActions,
): HTMLElement {
  if ("url" in button && typeof button.url === "string") {
    const link = linkTo(button.url);
    link.className = "keyboard-button";
    link.textContent = `${button.text} ↗`;
    return link;
  }
  const node = el("button", "keyboard-button");
  node.type = "button";
  node.textContent = button.text;
  if ("callback_data" in button && typeof button.callback_data === "string") {
    const data = button.callback_data;
    node.setAttribute("data-callback", data);
    node.addEventListener("click", () => actions.press(message.message_id, data, node));
  } else {
    node.disabled = true;
    node.title = "This kind of button is not part of the demo";
  }
  return node;
}

function keyboardNode(message: PageMessage, actions: MessageRowActions): HTMLElement {
  const board = el("div", "keyboard");
  board.setAttribute("data-testid", "keyboard");
  for (const buttons of message.reply_markup?.inline_keyboard ?? []) {
    const line = el("div", "keyboard-row");
    for (const button of buttons) {
      const node = keyboardButton(message, button, actions);
      node.setAttribute("data-testid", "keyboard-button");
      line.append(node);
    }
    board.append(line);
  }
  return board;
}

function messageBody(message: PageMessage, actions: MessageRowActions): HTMLElement {
  const body = el("div", "text");
  body.setAttribute("data-testid", "message-text");
  if (message.kind && message.kind !== "text") {
    body.textContent = NON_TEXT[message.kind] ?? message.kind;
  } else {
    body.append(renderFormatted(message.text, message.entities, actions));
  }
  const meta = el("span", "meta");
  if (message.edits > 0) {
    const edited = el("span", "edited");
    edited.setAttribute("data-testid", "edited");
    edited.textContent = "edited ";
    meta.append(edited);
  }
  meta.append(formatTime(message.edit_date || message.date));
  body.append(meta);
  return body;
}

/** Redraws `row` to show `message` as it stands now (edits applied). */
export function fillRow(row: HTMLElement, message: PageMessage, actions: MessageRowActions): void {
  row.className = `row ${message.from === "bot" ? "from-bot" : "from-user"}`;
  row.setAttribute("data-message-id", String(message.message_id));
  row.setAttribute("data-from", message.from);
  const bubble = el("div", "bubble");
  bubble.append(messageBody(message, actions));
  const children: HTMLElement[] = [bubble];
  const markup = message.reply_markup;
  if (markup && Array.isArray(markup.inline_keyboard) && markup.inline_keyboard.length > 0) {
    children.push(keyboardNode(message, actions));
  }
  row.replaceChildren(...children);
}
