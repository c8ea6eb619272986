import { InlineKeyboard } from "grammy";
import type { Translate } from "../../briefs/render.js";
import { LOCALES } from "../../locales.js";
import type { Reader } from "../../readers/reader.js";
import { TOPIC_IDS } from "../../topics/catalog.js";
import { createCallbackData } from "../helpers/callback-data.js";

/**
 * A channel's settings panel, in the administrator's private chat. Every button names
 * the channel: "chan:<chat id>:<action>", e.g. chan:-1001234:t-blockchain.
 */
export const channelButton = createCallbackData("chan", ["chat", "action"]);
/** From /channels: opens that channel's panel. */
export const OPEN_ACTION = "open";
const TOPICS_PER_ROW = 3;

export function createChannelKeyboard(t: Translate, reader: Reader): InlineKeyboard {
  const chat = String(reader.chatId);
  const button = (label: string, action: string) =>
    [label, channelButton.pack({ chat, action })] as const;
  const keyboard = new InlineKeyboard();
  TOPIC_IDS.forEach((topic, index) => {
    const name = t(`topic-${topic}`);
    const on = reader.active && reader.topics[topic] !== undefined;
    keyboard.text(
      ...button(t(on ? "topic-button-on" : "topic-button-off", { name }), `t-${topic}`),
    );
    if ((index + 1) % TOPICS_PER_ROW === 0) keyboard.row();
  });
  for (const locale of LOCALES) {
    const label = t(`channel-language-${locale}`);
    keyboard.text(
      ...button(
        reader.locale === locale ? t("settings-button-selected", { label }) : label,
        `l-${locale}`,
      ),
    );
  }
  keyboard.row();
  const { mode, linkPreviews } = reader.delivery;
  const instant = t("settings-button-instant");
  const digest = t("settings-button-digest");
  keyboard
    .text(
      ...button(
        mode === "instant" ? t("settings-button-selected", { label: instant }) : instant,
        "m-instant",
      ),
    )
    .text(
      ...button(
        mode === "digest" ? t("settings-button-selected", { label: digest }) : digest,
        "m-digest",
      ),
    )
    .row()
    .text(
      ...button(
        t(linkPreviews ? "settings-button-previews-on" : "settings-button-previews-off"),
        "previews",
      ),
    )
    .text(
      ...button(
        t(reader.silent ? "channel-button-silent-on" : "channel-button-silent-off"),
        "silent",
      ),
    )
    .row()
    .text(...button(t("channel-button-off"), "off"));
  return keyboard;
}
