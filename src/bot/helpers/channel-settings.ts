import { escapeHtml } from "../../briefs/html.js";
import type { Locale } from "../../locales.js";
import { withDelivery } from "../../readers/delivery-settings.js";
import {
  createReader,
  type DeliverySettings,
  deactivateReader,
  type Reader,
  reactivateReader,
} from "../../readers/reader.js";
import { TOPIC_IDS, type TopicId } from "../../topics/catalog.js";
import type { Context } from "../context.js";

/** One change to a channel's settings, from a button or from /channel words. */
export type ChannelChange =
  | { kind: "topics"; topics: readonly TopicId[]; follow: boolean }
  | { kind: "toggle-topic"; topic: TopicId }
  | { kind: "language"; locale: Locale }
  | { kind: "delivery"; change: (delivery: DeliverySettings) => DeliverySettings }
  | { kind: "silent"; on: boolean }
  | { kind: "toggle-silent" }
  | { kind: "off" };

function followTopics(reader: Reader, topics: readonly TopicId[], follow: boolean, now: Date) {
  const next = { ...reader.topics };
  for (const topic of topics) {
    if (!follow) delete next[topic];
    // Keep the original time: re-following must not re-open older articles.
    else next[topic] ??= now.toISOString();
  }
  // Choosing topics is what turns posting on (again, after "off").
  const base = follow ? reactivateReader(reader, now) : reader;
  return { ...base, topics: next };
}

export function applyChannelChange(reader: Reader, change: ChannelChange, now: Date): Reader {
  switch (change.kind) {
    case "topics":
      return followTopics(reader, change.topics, change.follow, now);
    case "toggle-topic":
      return followTopics(reader, [change.topic], reader.topics[change.topic] === undefined, now);
    case "language":
      return { ...reader, locale: change.locale };
    case "delivery":
      return withDelivery(reader, change.change(reader.delivery), now);
    case "silent":
      return { ...reader, silent: change.on };
    case "toggle-silent":
      return { ...reader, silent: !reader.silent };
    case "off":
      return deactivateReader(reader, "stopped", now);
  }
}

/**
 * Applies a change for the administrator `adminId` (who becomes the one told if the
 * bot loses the channel). A channel the bot has no entry for yet starts in the
 * admin's language with no topic, so nothing is posted until one is chosen.
 */
export async function changeChannel(
  ctx: Context,
  chatId: number,
  adminId: number,
  change: ChannelChange | undefined,
): Promise<Reader> {
  const { readers, clock, ledger } = ctx.deps;
  const now = clock.now();
  const locale = (await ctx.i18n.getLocale()) === "fr" ? "fr" : "en";
  const updated = await readers.update(chatId, (current) => {
    const reader = current ?? createReader(chatId, locale, now, ledger.maxSeq(), "channel");
    const changed = change === undefined ? reader : applyChannelChange(reader, change, now);
    return { ...changed, chatType: "channel", adminId };
  });
  return updated as Reader;
}

export function followedChannelTopics(reader: Reader): TopicId[] {
  return TOPIC_IDS.filter((topic) => reader.topics[topic] !== undefined);
}

/** The channel's settings as the admin reads them in the private chat (HTML). */
export function channelPanelText(ctx: Context, reader: Reader, title: string): string {
  const topics = followedChannelTopics(reader);
  const { delivery } = reader;
  return ctx.t("channel-panel", {
    title: escapeHtml(title),
    // As text: Fluent would group a number's digits ("-1 001 234").
    id: String(reader.chatId),
    topics:
      topics.length === 0
        ? ctx.t("channel-panel-no-topic")
        : topics.map((topic) => ctx.t(`topic-${topic}`)).join(", "),
    language: ctx.t(`channel-language-${reader.locale}`),
    delivery:
      delivery.mode === "digest"
        ? ctx.t("channel-panel-digest", {
            hour: `${String(delivery.digestHour).padStart(2, "0")}:00`,
            zone: delivery.timeZone,
          })
        : ctx.t("channel-panel-instant"),
    previews: ctx.t(delivery.linkPreviews ? "channel-on" : "channel-off"),
    silent: ctx.t(reader.silent ? "channel-on" : "channel-off"),
    status: ctx.t(
      !reader.active
        ? "channel-status-off"
        : topics.length === 0
          ? "channel-status-waiting"
          : "channel-status-on",
    ),
  });
}
