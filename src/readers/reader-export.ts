import type { Reader } from "./reader.js";

/**
 * Everything the bot keeps about one reader, as the JSON /export sends: the stored
 * reader (language, topics, watch and mute lists, feedback, delivery settings, push
 * cursor and state), under names a reader can read. Nothing else in DATA_DIR names a chat.
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
    delivery: reader.delivery,
    deliveryState: {
      cursor: reader.cursor,
      ...(reader.lastDigestOn ? { lastDigestOn: reader.lastDigestOn } : {}),
    },
  };
}
