/** The composer's command menu: the bot's commands, filtered by the "/" the reader typed. */
import type { BotCommand } from "grammy/types";
import { el } from "./dom.js";

/** Input that is a command being typed: "/" and the start of a command name. */
export const TYPING_COMMAND = /^\/[a-z0-9_]*$/i;

export interface CommandMenuElements {
  menu: HTMLElement;
  button: HTMLButtonElement;
  input: HTMLTextAreaElement;
}

export interface CommandMenu {
  /** The bot's menu for the reader's language; the button hides when there is none. */
  setCommands(list: BotCommand[] | undefined): void;
  hasCommands(): boolean;
  isOpen(): boolean;
  open(): void;
  close(): void;
  /** Arrow keys walk the open menu's entries, wrapping around; false when it lists none. */
  moveActive(step: 1 | -1): boolean;
  /** The entry picked with the arrow keys, if any. */
  activeEntry(): BotCommand | undefined;
  /** Whether a click on `target` belongs to the menu, its button or the input. */
  owns(target: EventTarget | null): boolean;
}

export function createCommandMenu(
  elements: CommandMenuElements,
  onChoose: (command: string) => void,
): CommandMenu {
  const { menu, button, input } = elements;
  let commands: BotCommand[] = [];
  let activeIndex = -1;

  function matches(): BotCommand[] {
    const typed = input.value;
    if (!TYPING_COMMAND.test(typed)) return commands;
    const prefix = typed.slice(1).toLowerCase();
    return commands.filter((c) => c.command.startsWith(prefix));
  }

  function render(): void {
    const items = matches().map((entry, index) => {
      const item = el("button", `command-item${index === activeIndex ? " active" : ""}`);
      item.type = "button";
      item.setAttribute("role", "option");
      item.setAttribute("data-testid", "command-item");
      item.setAttribute("data-command", entry.command);
      const name = el("span", "name");
      name.textContent = `/${entry.command}`;
      const description = el("span", "description");
      description.textContent = entry.description;
      item.append(name, description);
      item.addEventListener("click", () => onChoose(entry.command));
      return item;
    });
    menu.replaceChildren(...items);
    menu.hidden = items.length === 0;
    button.setAttribute("aria-expanded", String(!menu.hidden));
  }

  function close(): void {
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
  }

  return {
    setCommands(list) {
      commands = Array.isArray(list) ? list : [];
      button.hidden = commands.length === 0;
      if (!menu.hidden) render();
    },
    hasCommands: () => commands.length > 0,
    isOpen: () => !menu.hidden,
    open() {
      activeIndex = -1;
      render();
    },
    close,
    moveActive(step) {
      const count = matches().length;
      if (count === 0) return false;
      activeIndex = (activeIndex + (step === 1 ? 1 : count - 1)) % count;
      render();
      return true;
    },
    activeEntry: () => matches()[activeIndex],
    owns(target) {
      const node = target instanceof Node ? target : null;
      return menu.contains(node) || target === button || button.contains(node) || target === input;
    },
  };
}
