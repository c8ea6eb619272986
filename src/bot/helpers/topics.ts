import { TOPIC_IDS, type TopicId } from "../../topics/catalog.js";
import type { Context } from "../context.js";

export function followedTopics(ctx: Context): TopicId[] {
  const topics = ctx.reader?.active ? ctx.reader.topics : {};
  return TOPIC_IDS.filter((topic) => topics[topic] !== undefined);
}

/** "Blockchain, AI" in the reader's language. */
export function topicNames(ctx: Context, topics: readonly TopicId[]): string {
  return topics.map((topic) => ctx.t(`topic-${topic}`)).join(", ");
}

export function allTopicNames(ctx: Context): string {
  return topicNames(ctx, TOPIC_IDS);
}
