import type { ReportedBy } from "../articles/schema.js";
import { urlIdentity } from "../ingest/article-id.js";
import { LOCALES } from "../locales.js";
import type { DatedStory } from "./near-duplicates.js";

type Item = Record<string, unknown>;

/** A JSON object (not an array, not null): what a store item or one of its fields must be. */
export const isObject = (value: unknown): value is Item =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The outlets already listed on a store item; entries an editor broke are left out. */
export function readAlsoReportedBy(item: Item): ReportedBy[] {
  const value = item.alsoReportedBy;
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is ReportedBy =>
      isObject(entry) && typeof entry.source === "string" && typeof entry.url === "string",
  );
}

/** True when `url` is the item's own address or one of the outlets it already lists. */
export function isKnownAddress(item: Item, url: string): boolean {
  const identity = urlIdentity(url);
  if (!identity) return false;
  const known = [item.url, ...readAlsoReportedBy(item).map((entry) => entry.url)];
  return known.some((value) => typeof value === "string" && urlIdentity(value) === identity);
}

/**
 * One story per language brief of a store item, for the near-duplicate index. Its
 * addresses include the outlets already listed, so a source read again lands on
 * the same item even if its text changed.
 */
export function storiesOfItem(item: Item, id: string): DatedStory[] {
  if (typeof item.publishedAt !== "string" || !isObject(item.briefs)) return [];
  const links = [item.url, ...readAlsoReportedBy(item).map((entry) => entry.url)].filter(
    (value): value is string => typeof value === "string",
  );
  const briefs = item.briefs;
  return LOCALES.flatMap((language) => {
    const brief = briefs[language];
    if (!isObject(brief) || typeof brief.title !== "string" || typeof brief.summary !== "string") {
      return [];
    }
    return [
      {
        id,
        publishedAt: item.publishedAt as string,
        story: { language, title: brief.title, lead: brief.summary, links },
      },
    ];
  });
}
