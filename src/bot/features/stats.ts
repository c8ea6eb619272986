import { Composer } from "grammy";
import { escapeHtml } from "../../briefs/html.js";
import { pickBrief } from "../../briefs/render.js";
import { type FeedbackTally, tallyVotes } from "../../feedback/votes.js";
import type { Locale } from "../../locales.js";
import { CHAT_KINDS, type ChatKind, chatKindOf } from "../../readers/chat-fields.js";
import type { InactiveReason, Reader } from "../../readers/reader.js";
import { TOPIC_IDS, type TopicId } from "../../topics/catalog.js";
import type { Context } from "../context.js";

/** /stats: figures for the operators listed in ADMIN_IDS; to anyone else it does not exist. */
export interface ReaderFigures {
  active: number;
  inactive: number;
  byReason: Record<InactiveReason, number>;
  activeByLocale: Record<Locale, number>;
  byTopic: Record<TopicId, { active: Record<Locale, number>; inactive: number }>;
  /** Every chat the bot serves, by its kind. */
  byChatType: Record<ChatKind, { active: number; inactive: number }>;
}

export function countReaders(readers: Iterable<Reader>): ReaderFigures {
  const figures: ReaderFigures = {
    active: 0,
    inactive: 0,
    byReason: { blocked: 0, "chat-not-found": 0, stopped: 0, removed: 0, migrated: 0 },
    activeByLocale: { en: 0, fr: 0 },
    byTopic: Object.fromEntries(
      TOPIC_IDS.map((topic) => [topic, { active: { en: 0, fr: 0 }, inactive: 0 }]),
    ) as ReaderFigures["byTopic"],
    byChatType: Object.fromEntries(
      CHAT_KINDS.map((kind) => [kind, { active: 0, inactive: 0 }]),
    ) as ReaderFigures["byChatType"],
  };
  for (const reader of readers) {
    figures.byChatType[chatKindOf(reader)][reader.active ? "active" : "inactive"] += 1;
    if (reader.active) {
      figures.active += 1;
      figures.activeByLocale[reader.locale] += 1;
    } else {
      figures.inactive += 1;
      figures.byReason[reader.inactiveReason ?? "stopped"] += 1;
    }
    for (const topic of TOPIC_IDS) {
      if (reader.topics[topic] === undefined) continue;
      const counts = figures.byTopic[topic];
      if (reader.active) counts.active[reader.locale] += 1;
      else counts.inactive += 1;
    }
  }
  return figures;
}

// Enough to see a trend in one screen.
const FEEDBACK_SHOWN = 3;

/** 👍 / 👎 of the last 7 days: most liked and disliked items, and sources. */
function feedbackLines(ctx: Context, locale: Locale): string[] {
  const { items, sources } = tallyVotes(
    [...ctx.deps.readers.all()].map((reader) => reader.feedback),
    ctx.deps.clock.now(),
  );
  if (items.length === 0) return [ctx.t("stats-feedback-none")];
  const titleOf = (id: string) => {
    const article = ctx.deps.articles.get(id);
    return article ? pickBrief(article, locale).brief.title : id;
  };
  const show = (tallies: FeedbackTally[], name: (id: string) => string) =>
    escapeHtml(
      tallies
        .slice(0, FEEDBACK_SHOWN)
        .map((tally) => `${name(tally.id)} (${tally.up} / ${tally.down})`)
        .join(" · "),
    );
  const liked = items.filter((tally) => tally.up > 0);
  const disliked = items
    .filter((tally) => tally.down > 0)
    .sort((a, b) => b.down - a.down || a.up - b.up || a.id.localeCompare(b.id));
  return [
    ctx.t("stats-feedback-title"),
    ...(liked.length > 0 ? [ctx.t("stats-feedback-liked", { items: show(liked, titleOf) })] : []),
    ...(disliked.length > 0
      ? [ctx.t("stats-feedback-disliked", { items: show(disliked, titleOf) })]
      : []),
    ctx.t("stats-feedback-sources", { sources: show(sources, (id) => id) }),
  ];
}

const ONE_DECIMAL = (value: number) => Math.round(value * 10) / 10;

function statsText(ctx: Context, locale: string): string {
  const { readers, pushStats, clock, config } = ctx.deps;
  const figures = countReaders(readers.all());
  const lines = [
    ctx.t("stats-title"),
    ctx.t("stats-readers", {
      active: figures.active,
      inactive: figures.inactive,
      blocked: figures.byReason.blocked,
      notFound: figures.byReason["chat-not-found"],
      stopped: figures.byReason.stopped,
    }),
    ctx.t("stats-languages", { en: figures.activeByLocale.en, fr: figures.activeByLocale.fr }),
    ctx.t("stats-chats", {
      private: figures.byChatType.private.active,
      privateOff: figures.byChatType.private.inactive,
      groups: figures.byChatType.group.active + figures.byChatType.supergroup.active,
      groupsOff: figures.byChatType.group.inactive + figures.byChatType.supergroup.inactive,
      channels: figures.byChatType.channel.active,
      channelsOff: figures.byChatType.channel.inactive,
    }),
    "",
    ctx.t("stats-topics-title"),
    ...TOPIC_IDS.map((topic) => {
      const counts = figures.byTopic[topic];
      return escapeHtml(
        ctx.t("stats-topic-line", {
          topic: ctx.t(`topic-${topic}`),
          en: counts.active.en,
          fr: counts.active.fr,
          inactive: counts.inactive,
        }),
      );
    }),
    "",
    ...feedbackLines(ctx, locale === "fr" ? "fr" : "en"),
    "",
  ];
  const day = pushStats.lastDay(clock.now());
  lines.push(ctx.t("stats-pushes", { sent: day.sent, failed: day.failed }));
  const run = pushStats.lastRun();
  if (run === undefined) {
    lines.push(ctx.t("stats-no-run"));
  } else {
    const when = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: config.push.timeZone,
      timeZoneName: "short",
    }).format(new Date(run.startedAt));
    lines.push(
      ctx.t("stats-last-run", {
        when,
        duration: ONE_DECIMAL(run.durationMs / 1000),
        sent: run.sent,
        failed: run.failed,
        rate: ONE_DECIMAL(run.rate),
      }),
    );
  }
  return lines.join("\n");
}

const composer = new Composer<Context>();

composer.chatType("private").command("stats", async (ctx, next) => {
  // Not an admin: behave as if the command did not exist (the fallback answers).
  if (!ctx.deps.config.adminIds.includes(ctx.from.id)) return next();
  await ctx.reply(statsText(ctx, await ctx.i18n.getLocale()), { parse_mode: "HTML" });
});

export { composer as statsFeature };
