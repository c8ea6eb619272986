import { type CommandContext, Composer } from "grammy";
import { escapeHtml } from "../../briefs/html.js";
import type { SourceHealth } from "../../newsroom/source-health.js";
import type { EditRefusal } from "../../newsroom/sources-editor.js";
import type { Context } from "../context.js";

/**
 * /sources, /addsource <url>, /removesource <url>: the newsroom's list for the
 * operators in ADMIN_IDS; to anyone else these commands do not exist.
 */
const composer = new Composer<Context>();
const admins = composer
  .chatType("private")
  .filter((ctx) => ctx.deps.config.adminIds.includes(ctx.from.id));

type Translate = Context["t"];

function formatWhen(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

function healthLines(t: Translate, health: SourceHealth, locale: string, zone: string): string[] {
  const lines = [
    t("sources-line", {
      name: escapeHtml(health.name ?? new URL(health.url).host),
      url: escapeHtml(health.url),
    }),
    t("sources-health", {
      last: health.lastSuccessAt
        ? formatWhen(health.lastSuccessAt, locale, zone)
        : t("sources-never"),
      items: health.itemsLast24h,
    }),
  ];
  if (health.lastError) {
    lines.push(
      t("sources-failing", { failures: health.failures, error: escapeHtml(health.lastError) }),
    );
  }
  return lines;
}

function refusalText(t: Translate, refusal: EditRefusal, url: string, detail: string): string {
  const vars = { url: escapeHtml(url), detail: escapeHtml(detail) };
  return t(`source-refused-${refusal}`, vars);
}

// The command's argument: the first word (Telegram may add nothing else, but editors paste).
const argumentOf = (ctx: CommandContext<Context>) => ctx.match.trim().split(/\s+/)[0] ?? "";

admins.command("sources", async (ctx) => {
  const listing = await ctx.deps.sources.list();
  if (!listing.ok) {
    await ctx.reply(ctx.t("sources-broken", { detail: escapeHtml(listing.error) }), {
      parse_mode: "HTML",
    });
    return;
  }
  const locale = await ctx.i18n.getLocale();
  const zone = ctx.deps.config.push.timeZone;
  const blocks = listing.health.map((health) =>
    healthLines(ctx.t, health, locale, zone).join("\n"),
  );
  const parts = [
    listing.health.length === 0
      ? ctx.t("sources-empty")
      : [ctx.t("sources-title", { count: listing.health.length }), ...blocks].join("\n\n"),
  ];
  if (listing.problems.length > 0) {
    parts.push(ctx.t("sources-left-out", { count: listing.problems.length }));
  }
  await ctx.reply(parts.join("\n\n"), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  });
});

admins.command("addsource", async (ctx) => {
  const url = argumentOf(ctx);
  if (url === "") return ctx.reply(ctx.t("addsource-usage"));
  const result = await ctx.deps.sources.add(url);
  if (!result.ok) {
    return ctx.reply(refusalText(ctx.t, result.refusal, url, result.detail), {
      parse_mode: "HTML",
    });
  }
  const { source } = result;
  const vars = {
    name: escapeHtml(source.name ?? new URL(source.url).host),
    url: escapeHtml(source.url),
  };
  const lines = [
    ctx.t(result.kind === "feed" ? "addsource-added-feed" : "addsource-added-page", vars),
  ];
  if (result.via) lines.push(ctx.t("addsource-added-via", { via: escapeHtml(result.via) }));
  return ctx.reply(lines.join("\n"), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  });
});

admins.command("removesource", async (ctx) => {
  const url = argumentOf(ctx);
  if (url === "") return ctx.reply(ctx.t("removesource-usage"));
  const result = await ctx.deps.sources.remove(url);
  if (!result.ok) {
    return ctx.reply(refusalText(ctx.t, result.refusal, url, result.detail), {
      parse_mode: "HTML",
    });
  }
  return ctx.reply(ctx.t("removesource-removed", { url: escapeHtml(result.source.url) }), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  });
});

export { composer as sourcesFeature };
