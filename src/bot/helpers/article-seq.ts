import type { Article } from "../../articles/schema.js";
import type { BotDeps } from "../context.js";

/**
 * The stored article with ledger sequence number `seq` (as buttons, Share queries and
 * reactions name briefs: a number always fits where an article id may not).
 */
export function articleOfSeq(
  deps: Pick<BotDeps, "articles" | "ledger">,
  seq: string | number | undefined,
): Article | undefined {
  const text = seq === undefined ? "" : String(seq);
  if (!/^\d{1,12}$/.test(text)) return undefined;
  const wanted = Number(text);
  return deps.articles.list().find((article) => deps.ledger.entry(article.id)?.seq === wanted);
}
