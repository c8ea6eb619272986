/**
 * The topic catalog. Ids are stable ASCII slugs: they are stored in reader state and
 * in articles.json, so never rename one. Display names and aliases live in locales/
 * (keys `topic-<id>` and `topic-<id>-aliases`).
 */
export const TOPIC_IDS = [
  "fintech",
  "blockchain",
  "crypto",
  "ai",
  "cloud",
  "5g",
  "iot",
  "datacenters",
  "regulation",
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

export function isTopicId(value: unknown): value is TopicId {
  return typeof value === "string" && (TOPIC_IDS as readonly string[]).includes(value);
}
