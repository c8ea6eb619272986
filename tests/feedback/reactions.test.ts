import type { ReactionType } from "grammy/types";
import { describe, expect, it } from "vitest";
import { voteOfEmoji, voteOfReactions } from "../../src/feedback/reactions.js";

const emoji = (...list: string[]) =>
  list.map((value) => ({ type: "emoji", emoji: value }) as ReactionType);

describe("reactions as votes", () => {
  it("should read praise as 👍, disgust as 👎 and the rest as no vote", () => {
    expect(["👍", "❤", "❤️", "🔥", "🎉", "👏"].map(voteOfEmoji)).toEqual(Array(6).fill("up"));
    expect(["👎", "💩", "🤮"].map(voteOfEmoji)).toEqual(["down", "down", "down"]);
    expect(["🤔", "😱", "🙏"].map(voteOfEmoji)).toEqual([undefined, undefined, undefined]);
  });

  it("should let the reaction just added win over one kept", () => {
    expect(voteOfReactions(emoji("👍"), emoji("👍", "💩"))).toBe("down");
    expect(voteOfReactions(emoji("💩"), emoji("🤔", "💩"))).toBe("down");
    expect(voteOfReactions(emoji("👍"), [])).toBeUndefined();
    expect(
      voteOfReactions([], [{ type: "custom_emoji", custom_emoji_id: "5368324170671202286" }]),
    ).toBeUndefined();
  });
});
