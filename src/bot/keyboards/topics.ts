import { InlineKeyboard } from "grammy";
import type { Translate } from "../../briefs/render.js";
import { TOPIC_IDS, type TopicId } from "../../topics/catalog.js";
import { createCallbackData } from "../helpers/callback-data.js";

/** A topic toggle: "topic:<id>". */
export const topicToggleButton = createCallbackData("topic", ["id"]);
const TOPICS_PER_ROW = 3;

/** One toggle button per topic, ✅ when followed. */
export function createTopicsKeyboard(t: Translate, followed: readonly TopicId[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  TOPIC_IDS.forEach((topic, index) => {
    const name = t(`topic-${topic}`);
    const label = followed.includes(topic)
      ? t("topic-button-on", { name })
      : t("topic-button-off", { name });
    keyboard.text(label, topicToggleButton.pack({ id: topic }));
    if ((index + 1) % TOPICS_PER_ROW === 0 && index + 1 < TOPIC_IDS.length) keyboard.row();
  });
  return keyboard;
}
