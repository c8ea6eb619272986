import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { LOCALES, type Locale } from "../locales.js";

/** The public command menu, in the order Telegram shows it. /stats is for admins only. */
export const MENU_COMMANDS = [
  "latest",
  "topics",
  "subscribe",
  "unsubscribe",
  "watch",
  "unwatch",
  "mute",
  "unmute",
  "why",
  "settings",
  "language",
  "channels",
  "help",
  "start",
  "stop",
  "export",
  "deletedata",
] as const;

/**
 * Commands that work only in a private chat: the reader's own start and stop,
 * channels, feedback on their pushes (features/feedback.ts) and their own data.
 */
const PRIVATE_ONLY = new Set<string>([
  "why",
  "channels",
  "help",
  "start",
  "stop",
  "export",
  "deletedata",
]);

/** What a group's members see: the menu without the private-only commands (settings ones for admins). */
export const GROUP_MENU_COMMANDS = MENU_COMMANDS.filter((command) => !PRIVATE_ONLY.has(command));

export function menuFor(
  translate: (locale: string, key: string) => string,
  locale: Locale,
  commands: readonly string[] = MENU_COMMANDS,
): BotCommand[] {
  return commands.map((command) => ({
    command,
    description: translate(locale, `command-${command}`),
  }));
}

/**
 * Registers the menu in every language: English as the default for all users,
 * then one per language code so Telegram shows French to French-speaking users.
 */
export async function registerMenus(
  api: Api,
  translate: (locale: string, key: string) => string,
): Promise<void> {
  await api.setMyCommands(menuFor(translate, "en"));
  for (const locale of LOCALES) {
    await api.setMyCommands(menuFor(translate, locale), { language_code: locale });
  }
  // Groups get their own, shorter menu: /start, /stop and /channels are for private chats.
  const groups = { type: "all_group_chats" } as const;
  await api.setMyCommands(menuFor(translate, "en", GROUP_MENU_COMMANDS), { scope: groups });
  for (const locale of LOCALES) {
    await api.setMyCommands(menuFor(translate, locale, GROUP_MENU_COMMANDS), {
      scope: groups,
      language_code: locale,
    });
  }
}
