/**
 * Which articles the bot has seen and when. The bot never writes articles.json,
 * so "new" is decided here: each article id gets a sequence number and the time
 * it first appeared. Readers' cursors and subscription times are compared to it.
 */
export interface LedgerEntry {
  seq: number;
  /** ISO time the bot first saw the article in the store. */
  firstSeenAt: string;
  /**
   * ISO time the article was first found missing from the store. A withdrawn item is
   * never pushed afterwards, even when it comes back: it is for /latest only.
   */
  withdrawnAt?: string;
}

export interface ArticleLedger {
  entry(articleId: string): LedgerEntry | undefined;
  /** Highest sequence number given so far (0 when empty). */
  maxSeq(): number;
}
