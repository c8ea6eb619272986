import type { Reader } from "./reader.js";

/**
 * Everything the bot keeps about one reader, as the JSON /export sends: the stored
 * reader (language, topics, watch and mute lists, feedback, the pushes a reaction can
 * count on, delivery settings, push cursor and state), under names a reader can read.
 * Nothing else in DATA_DIR names a chat.
 */
export interface ReaderExport {
  exportedAt: string;
  chatId: number;
  language: Reader["locale"];
  pushesOn: boolean;
  pushesOffBecause?: Reader["inactiveReason"];
  since: string;
  topics: Reader["topics"];
  watching: NonNullable<Reader["watch"]>;
  muting: NonNullable<Reader["mute"]>;
  /** 👍 / 👎 given, by article id. */
  feedback: NonNullable<Reader["feedback"]>;
  /** The last briefs pushed, by message: what a reaction on one of them counts for. */
  pushedMessages: { messageId: number; briefSeq: number }[];
  delivery: Reader["delivery"];
  /** Push progress: the last article sequence number given, and the last digest day. */
  deliveryState: { cursor: number; lastDigestOn?: string };
}

export function exportReader(reader: Reader, now: Date): ReaderExport {
  return {
    exportedAt: now.toISOString(),
    chatId: reader.chatId,
    language: reader.locale,
    pushesOn: reader.active,
    ...(reader.inactiveReason ? { pushesOffBecause: reader.inactiveReason } : {}),
    since: reader.since,
    topics: reader.topics,
    watching: reader.watch ?? {},
    muting: reader.mute ?? {},
    feedback: reader.feedback ?? {},
    pushedMessages: (reader.pushed ?? []).map(([messageId, briefSeq]) => ({ messageId, briefSeq })),
    delivery: reader.delivery,
    deliveryState: {
      cursor: reader.cursor,
      ...(reader.lastDigestOn ? { lastDigestOn: reader.lastDigestOn } : {}),
    },
  };
}
