import { checkPushedBriefs } from "../feedback/pushed-briefs.js";
import { checkVotes } from "../feedback/votes.js";
import { isLocale } from "../locales.js";
import { isTopicId, type TopicId } from "../topics/catalog.js";
import { checkTermList } from "../watchlist/term-list.js";
import { CHAT_FIELD_KEYS, checkChatFields } from "./chat-fields.js";
import { checkDelivery } from "./delivery-settings.js";
import type { InactiveReason, Reader } from "./reader.js";

// An object, so that a new reason added to the type must be added here too.
const INACTIVE_REASONS = {
  stopped: true,
  blocked: true,
  "chat-not-found": true,
  removed: true,
  migrated: true,
} satisfies Record<InactiveReason, true>;
const isInactiveReason = (value: unknown): value is InactiveReason =>
  typeof value === "string" && Object.hasOwn(INACTIVE_REASONS, value);
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isIsoTime = (value: unknown): value is string =>
  typeof value === "string" && !Number.isNaN(Date.parse(value));

/**
 * A reader read from a hand-editable state file, checked with the same rules the bot
 * applies when a reader changes a setting. A bad field falls back to its default and
 * is reported; the reader's other fields, and other readers, are kept as they are.
 * Only a value that cannot be a reader at all (not an object) is left out.
 */
export function checkStoredReader(
  key: string,
  raw: unknown,
): { reader: Reader | undefined; problems: string[] } {
  const chatId = Number(key);
  if (
    typeof raw !== "object" ||
    raw === null ||
    Array.isArray(raw) ||
    !Number.isSafeInteger(chatId)
  ) {
    return { reader: undefined, problems: [`reader "${key}": not a reader record; left out`] };
  }
  const stored = raw as Record<string, unknown>;
  const problems: string[] = [];
  const report = (field: string, problem: string) =>
    problems.push(`reader ${chatId}: ${field} ${problem}`);
  const shown = (value: unknown) =>
    value === undefined ? "is missing" : `${JSON.stringify(value)} is not valid`;

  const locale = isLocale(stored.locale) ? stored.locale : "en";
  if (locale !== stored.locale) report("locale", `${shown(stored.locale)}; using "en"`);
  const active = typeof stored.active === "boolean" ? stored.active : true;
  if (active !== stored.active) report("active", `${shown(stored.active)}; using true`);
  const since = isIsoTime(stored.since) ? stored.since : new Date(0).toISOString();
  if (since !== stored.since) report("since", `${shown(stored.since)}; using ${since}`);
  const cursor =
    Number.isSafeInteger(stored.cursor) && (stored.cursor as number) >= 0
      ? (stored.cursor as number)
      : 0;
  if (cursor !== stored.cursor) report("cursor", `${shown(stored.cursor)}; using 0`);

  const topics: Partial<Record<TopicId, string>> = {};
  const storedTopics =
    typeof stored.topics === "object" && stored.topics !== null ? stored.topics : {};
  if (storedTopics !== stored.topics) report("topics", `${shown(stored.topics)}; using none`);
  for (const [topic, at] of Object.entries(storedTopics)) {
    if (isTopicId(topic) && isIsoTime(at)) topics[topic] = at;
    else report(`topics.${topic}`, "is not a known topic with its subscription time; left out");
  }

  const { delivery, problems: deliveryProblems } = checkDelivery(stored.delivery);
  if (stored.delivery === undefined) report("delivery", "is missing; using the defaults");
  else for (const { field, problem } of deliveryProblems) report(`delivery.${field}`, problem);

  const reader: Reader = {
    ...(stored as unknown as Reader),
    chatId,
    locale,
    active,
    since,
    topics,
    delivery,
    cursor,
  };
  if (stored.chatId !== chatId)
    report("chatId", `${shown(stored.chatId)}; using ${chatId}, its key`);
  if (!active) {
    const reason = isInactiveReason(stored.inactiveReason) ? stored.inactiveReason : undefined;
    reader.inactiveReason = reason ?? "stopped";
    if (reason === undefined)
      report("inactiveReason", `${shown(stored.inactiveReason)}; using "stopped"`);
  }
  if (
    stored.lastDigestOn !== undefined &&
    !(typeof stored.lastDigestOn === "string" && LOCAL_DATE.test(stored.lastDigestOn))
  ) {
    report("lastDigestOn", `${shown(stored.lastDigestOn)}; left out`);
    delete reader.lastDigestOn;
  }
  // Group and channel fields: a bad one is dropped, and its absent meaning applies.
  const { fields, problems: chatProblems } = checkChatFields(stored, chatId);
  for (const key of CHAT_FIELD_KEYS) delete reader[key];
  Object.assign(reader, fields);
  for (const problem of chatProblems) problems.push(`reader ${chatId}: ${problem}`);
  // Watch, mute, feedback and pushed lists (issue 14): bad entries go, the rest stays.
  const lists = {
    watch: checkTermList(stored.watch),
    mute: checkTermList(stored.mute),
    feedback: checkVotes(stored.feedback),
    pushed: checkPushedBriefs(stored.pushed),
  };
  for (const [field, { list, problems: found }] of Object.entries(lists)) {
    for (const problem of found) report(field, problem);
    if (list === undefined) delete reader[field as keyof typeof lists];
  }
  if (lists.watch.list) reader.watch = lists.watch.list;
  if (lists.mute.list) reader.mute = lists.mute.list;
  if (lists.feedback.list) reader.feedback = lists.feedback.list;
  if (lists.pushed.list) reader.pushed = lists.pushed.list;
  return { reader, problems };
}
