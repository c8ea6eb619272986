import { TOPIC_IDS, type TopicId } from "../topics/catalog.js";
import type { ChatFields } from "./chat-fields.js";

/**
 * Where each Briefbot topic goes in a forum supergroup: a thread (message_thread_id)
 * or General (no entry). A brief is posted once, in the thread of the first of its
 * topics the chat routes, in catalog order.
 */
export type ThreadRoutes = NonNullable<ChatFields["threads"]>;

/** Routes `topics` to `threadId`, or back to General when it is undefined. */
export function routeTopics(
  routes: ThreadRoutes | undefined,
  topics: readonly TopicId[],
  threadId: number | undefined,
): ThreadRoutes {
  const next: ThreadRoutes = { ...routes };
  for (const topic of topics) {
    if (threadId === undefined) delete next[topic];
    else next[topic] = threadId;
  }
  return next;
}

/** The thread a brief on these topics goes to; undefined for General. */
export function threadFor(
  routes: ThreadRoutes | undefined,
  followed: Partial<Record<TopicId, string>>,
  articleTopics: readonly string[],
): number | undefined {
  if (routes === undefined) return undefined;
  for (const topic of TOPIC_IDS) {
    const thread = routes[topic];
    if (thread !== undefined && followed[topic] !== undefined && articleTopics.includes(topic)) {
      return thread;
    }
  }
  return undefined;
}

/** The routes without a thread that Telegram refused, and the topics that went there. */
export function withoutThread(
  routes: ThreadRoutes | undefined,
  threadId: number,
): { routes: ThreadRoutes; moved: TopicId[] } {
  const moved = TOPIC_IDS.filter((topic) => routes?.[topic] === threadId);
  return { routes: routeTopics(routes, moved, undefined), moved };
}
