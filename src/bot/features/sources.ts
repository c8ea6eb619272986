import { type CommandContext, Composer } from "grammy";
import { escapeHtml, type Html, join, translatedHtml } from "../../briefs/html.js";
import type { SourceHealth } from "../../newsroom/source-health.js";
import type { EditRefusal } from "../../newsroom/sources-editor.js";
import type { Context } from "../context.js";
import { replyHtml } from "../helpers/reply.js";

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

function healthBlock(t: Translate, health: SourceHealth, locale: string, zone: string): Html {
  const lines = [
    translatedHtml(t, "sources-line", {
      name: health.name ?? new URL(health.url).host,
      url: health.url,
    }),
    translatedHtml(t, "sources-health", {
      last: health.lastSuccessAt
        ? formatWhen(health.lastSuccessAt, locale, zone)
        : t("sources-never"),
      items: health.itemsLast24h,
    }),
  ];
  if (health.lastError) {
    lines.push(
      translatedHtml(t, "sources-failing", { failures: health.failures, error: health.lastError }),
    );
  }
  return join(lines, "\n");
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
  const blocks: Html[] =
    listing.health.length === 0
      ? [translatedHtml(ctx.t, "sources-empty")]
      : [
          translatedHtml(ctx.t, "sources-title", { count: listing.health.length }),
          ...listing.health.map((health) => healthBlock(ctx.t, health, locale, zone)),
        ];
  if (listing.problems.length > 0) {
    blocks.push(translatedHtml(ctx.t, "sources-left-out", { count: listing.problems.length }));
  }
  // Hundreds of sources do not fit one message: packed into as many as needed.
  await replyHtml(ctx, blocks);
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
