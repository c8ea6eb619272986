import { describe, expect, it } from "vitest";
import {
  checkVotes,
  MAX_VOTES_PER_READER,
  recentDislikes,
  recordVote,
  type Votes,
} from "../../src/feedback/votes.js";
import { makeArticle } from "../push/push-harness.js";

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 12));

describe("votes", () => {
  it("should keep the newest 200 votes, dropping the oldest first", () => {
    let votes: Votes | undefined;
    for (let index = 0; index <= MAX_VOTES_PER_READER; index += 1) {
      votes = recordVote(
        votes,
        makeArticle(`a${index}`, ["ai"]),
        "up",
        new Date(Date.UTC(2026, 0, 1, 0, index)),
      );
    }
    expect(Object.keys(votes ?? {})).toHaveLength(MAX_VOTES_PER_READER);
    expect(votes?.a0).toBeUndefined();
    expect(votes?.[`a${MAX_VOTES_PER_READER}`]?.vote).toBe("up");
  });

  it("should count a source's dislikes of the last 7 days only", () => {
    let votes = recordVote(undefined, makeArticle("old", ["ai"]), "down", at(1));
    votes = recordVote(votes, makeArticle("new", ["ai"]), "down", at(20));
    votes = recordVote(votes, makeArticle("liked", ["ai"]), "up", at(21));
    expect(recentDislikes(votes, "Example News", at(22))).toBe(1);
    expect(recentDislikes(votes, "Example News", at(8))).toBe(1);
  });

  it("should leave out a hand-edited vote it could not use, keeping the others", () => {
    const good = recordVote(undefined, makeArticle("a", ["ai"]), "up", at(1));
    const checked = checkVotes({
      ...good,
      b: { vote: "meh", source: "x", topics: [], at: at(1).toISOString() },
      c: { vote: "up", source: "x", topics: ["quantum"], at: at(1).toISOString() },
    });
    expect(checked.list).toEqual(good);
    expect(checked.problems).toEqual([
      '"b" needs vote (up|down), source, topics and an ISO time; left out',
      '"c" needs vote (up|down), source, topics and an ISO time; left out',
    ]);
    expect(checkVotes(["a"]).list).toBeUndefined();
  });
});
