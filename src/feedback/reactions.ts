import type { ReactionType } from "grammy/types";
import type { VoteKind } from "./votes.js";

/**
 * Reactions that say "more like this" or "less like this"; any other reaction
 * (😱, 🤔, 🙏…) says neither and is left alone. Compared without the emoji
 * variation selector, so "❤️" and Telegram's "❤" are the same heart.
 */
const POSITIVE = new Set(["👍", "❤", "🔥", "🎉", "👏", "🥰", "😍", "💯", "❤‍🔥", "🤩", "🏆", "👌"]);
const NEGATIVE = new Set(["👎", "💩", "🤮", "🤬", "😡", "🥱"]);

const VARIATION_SELECTOR = /\uFE0F/g;

export function voteOfEmoji(emoji: string): VoteKind | undefined {
  const bare = emoji.replace(VARIATION_SELECTOR, "");
  if (POSITIVE.has(bare)) return "up";
  if (NEGATIVE.has(bare)) return "down";
  return undefined;
}

/**
 * What the reader's reactions now say about the brief: the vote of a reaction just
 * added wins (a reader who swaps 👍 for 👎 changed their mind), then of any kept;
 * undefined when none of the reactions left is a vote (the vote is taken back).
 */
export function voteOfReactions(
  oldReactions: readonly ReactionType[],
  newReactions: readonly ReactionType[],
): VoteKind | undefined {
  const emojiOf = (list: readonly ReactionType[]) =>
    list.flatMap((reaction) => (reaction.type === "emoji" ? [reaction.emoji as string] : []));
  const before = new Set(emojiOf(oldReactions));
  const now = emojiOf(newReactions);
  const added = now.filter((emoji) => !before.has(emoji));
  for (const emoji of [...added, ...now]) {
    const vote = voteOfEmoji(emoji);
    if (vote !== undefined) return vote;
  }
  return undefined;
}
