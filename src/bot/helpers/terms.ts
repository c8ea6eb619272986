import { truncateGraphemes } from "../../text/graphemes.js";
import { MAX_TERM_LENGTH, MAX_TERMS_PER_LIST, type TermProblem } from "../../watchlist/match.js";
import { type TermListKind, termsOf } from "../../watchlist/term-list.js";

import type { Context } from "../context.js";

// What a reader typed is echoed back in answers; a pasted novel is shown cut.
const MAX_ECHO_LENGTH = 30; // graphemes

/** The limits, for every answer that states them. */
export const TERM_LIMITS = { max: MAX_TERMS_PER_LIST, length: MAX_TERM_LENGTH };

/** The reader's list, oldest first; a stopped reader keeps theirs. */
export function listedTerms(ctx: Context, kind: TermListKind): string[] {
  return termsOf(ctx.reader?.[kind]);
}

/** One line per refused term, saying what is wrong with it. */
export function describeProblems(ctx: Context, problems: readonly TermProblem[]): string {
  return problems
    .map((problem) =>
      ctx.t(`term-problem-${problem.kind}`, {
        term: `"${truncateGraphemes(problem.term, MAX_ECHO_LENGTH)}"`,
        length: MAX_TERM_LENGTH,
      }),
    )
    .join("\n");
}
