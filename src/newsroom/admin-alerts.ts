import type { Locale } from "../locales.js";
import type { SourceAlert } from "./newsroom-pass.js";

export interface AdminAlertDeps {
  adminIds: readonly number[];
  /** The bot's api (bot.api.sendMessage). */
  sendMessage: (chatId: number, text: string) => Promise<unknown>;
  translate: (locale: Locale, key: string, vars: Record<string, string>) => string;
  /** The admin's language when they have talked to the bot; English otherwise. */
  localeOf: (adminId: number) => Locale | undefined;
  timeZone: string;
}

/** One private message per admin, in their language, naming the source and the error. */
export function createAdminAlerts(deps: AdminAlertDeps): (alert: SourceAlert) => Promise<void> {
  return async (alert) => {
    // One admin who never opened the bot (403) must not keep the others from hearing.
    const failures: unknown[] = [];
    for (const adminId of deps.adminIds) {
      const locale = deps.localeOf(adminId) ?? "en";
      const since = alert.since
        ? new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
            dateStyle: "medium",
            timeStyle: "short",
            timeZone: deps.timeZone,
          }).format(new Date(alert.since))
        : "";
      const text = deps.translate(
        locale,
        alert.kind === "failing" ? "newsroom-alert-failing" : "newsroom-alert-recovered",
        {
          source: alert.source.name ?? alert.source.url,
          url: alert.source.url,
          error: alert.error ?? "",
          since,
        },
      );
      await deps.sendMessage(adminId, text).catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw failures[0];
  };
}
