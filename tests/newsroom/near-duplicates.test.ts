import { describe, expect, it } from "vitest";
import {
  compareStories,
  createNearDuplicateIndex,
  DEFAULT_WINDOW_DAYS,
} from "../../src/newsroom/near-duplicates.js";
import type { StoryText } from "../../src/newsroom/story-features.js";
import { extractFigures } from "../../src/newsroom/story-numbers.js";
import { dealStages } from "../../src/newsroom/story-stage.js";

const en = (title: string, lead: string, links: string[] = []): StoryText => ({
  language: "en",
  title,
  lead,
  links,
});

// Microsoft's fiscal 2023 Q4 and fiscal 2024 Q1 results: revenue 0.5% apart.
const MSFT_JULY = en(
  "Microsoft revenue grows 8% to $56.2 billion as cloud business expands",
  "Microsoft reported revenue of $56.2 billion for the fourth quarter of its fiscal year, up 8%, helped by its Azure cloud business.",
);
const MSFT_OCTOBER = en(
  "Microsoft revenue jumps 13% to $56.5 billion on Azure growth",
  "Microsoft reported revenue of $56.5 billion for the first quarter of fiscal 2024, up 13% from a year earlier, as Azure cloud growth beat expectations.",
);
const ACTIVISION_REUTERS = en(
  "Microsoft to buy Activision Blizzard in $68.7 billion deal",
  "Microsoft will acquire video game publisher Activision Blizzard for $95 per share in an all-cash deal valued at $68.7 billion. It is Microsoft's biggest acquisition ever.",
  ["https://reuters.example/microsoft-activision"],
);
const ACTIVISION_VERGE = en(
  "Microsoft is buying Activision Blizzard for nearly $70 billion",
  "Microsoft has agreed to acquire Activision Blizzard, the maker of Call of Duty, for $68.7 billion in cash. The deal, at $95 a share, would make Microsoft the third-largest gaming company by revenue.",
  ["https://theverge.example/microsoft-activision-blizzard"],
);

describe("extractFigures", () => {
  it("should read amounts the way each language writes them", () => {
    expect(extractFigures("Les enchères ont rapporté 2,786 milliards d'euros", "fr")).toEqual([
      { kind: "amount", value: 2.786e9 },
    ]);
    expect(extractFigures("a $68.7bn deal, up 8%, in 2022", "en")).toEqual([
      { kind: "amount", value: 68.7e9 },
      { kind: "percent", value: 8 },
      { kind: "year", value: 2022 },
    ]);
  });

  it("should see quarters in words and codes, and leave names such as 5G alone", () => {
    const figures = extractFigures("5G third-quarter sales; Apple's fourth quarter and Q1", "en");
    expect(figures).toEqual([
      { kind: "quarter", value: 3 },
      { kind: "quarter", value: 4 },
      { kind: "quarter", value: 1 },
    ]);
    expect(extractFigures("au troisième trimestre", "fr")).toEqual([{ kind: "quarter", value: 3 }]);
  });

  it("should not take a year of comparison for the year of the story", () => {
    expect(extractFigures("the largest failure since 2008", "en")).toEqual([]);
    expect(extractFigures("la plus grosse faillite depuis 2008", "fr")).toEqual([]);
  });
});

describe("dealStages", () => {
  it("should tell an announced deal from a completed and an abandoned one", () => {
    expect([...dealStages("Adobe to buy Figma for $20 billion")]).toEqual(["announced"]);
    expect([...dealStages("Microsoft closes $69 billion Activision deal")]).toEqual(["completed"]);
    expect([...dealStages("Adobe and Figma abandon their merger")]).toEqual(["abandoned"]);
  });
});

describe("compareStories", () => {
  it("should match two outlets' rewrites of one story", () => {
    expect(compareStories(ACTIVISION_REUTERS, ACTIVISION_VERGE)).toMatchObject({
      duplicate: true,
      reason: "same words, names and figures",
    });
  });

  it("should keep one company's two quarters apart, even with near-equal revenue", () => {
    expect(compareStories(MSFT_JULY, MSFT_OCTOBER)).toMatchObject({
      duplicate: false,
      reason: "different quarters, percentages",
    });
  });

  it("should keep two countries' 5G auctions apart", () => {
    const germany = en(
      "Germany's 5G auction ends, raising 6.55 billion euros",
      "Germany's auction of 5G spectrum ended after 497 rounds of bidding, raising 6.55 billion euros.",
    );
    const france = en(
      "France's 5G auction raises 2.79 billion euros",
      "France's 5G spectrum auction raised 2.79 billion euros, telecoms regulator Arcep said.",
    );
    expect(compareStories(germany, france).duplicate).toBe(false);
  });

  it("should keep a deal's announcement and its completion apart", () => {
    const closing = en(
      "Microsoft closes $69 billion Activision deal after UK approval",
      "Microsoft completed its $69 billion acquisition of Activision Blizzard on Friday.",
    );
    expect(compareStories(ACTIVISION_REUTERS, closing)).toMatchObject({
      duplicate: false,
      reason: "the deal is at different stages",
    });
  });

  it("should match editions in two languages only through a shared address", () => {
    const french = {
      language: "fr" as const,
      title: "Microsoft rachète Activision Blizzard pour 68,7 milliards de dollars",
      lead: "Microsoft va acquérir Activision Blizzard pour 95 dollars par action.",
      links: ["https://reuters.example/fr/microsoft-activision"],
    };
    expect(compareStories(ACTIVISION_REUTERS, french)).toMatchObject({
      duplicate: false,
      reason: "different languages and no shared link",
    });
    const alternate = { ...french, links: [...french.links, ...ACTIVISION_REUTERS.links] };
    expect(compareStories(ACTIVISION_REUTERS, alternate)).toMatchObject({
      duplicate: true,
      reason: "same link",
    });
  });
});

describe("createNearDuplicateIndex", () => {
  it("should find the story among unrelated ones, and say it matched by text", () => {
    const index = createNearDuplicateIndex();
    index.add({ id: "msft", publishedAt: "2023-10-24T21:00:00Z", story: MSFT_OCTOBER });
    index.add({ id: "atvi", publishedAt: "2022-01-18T13:00:00Z", story: ACTIVISION_REUTERS });
    expect(
      index.findDuplicate({ publishedAt: "2022-01-18T15:00:00Z", story: ACTIVISION_VERGE }),
    ).toMatchObject({ id: "atvi", byLink: false });
    expect(
      index.findDuplicate({ publishedAt: "2023-07-25T21:00:00Z", story: MSFT_JULY }),
    ).toBeUndefined();
  });

  it(`should only look ${DEFAULT_WINDOW_DAYS} days around the new story by default`, () => {
    const index = createNearDuplicateIndex();
    index.add({ id: "atvi", publishedAt: "2022-01-18T13:00:00Z", story: ACTIVISION_REUTERS });
    const later = (publishedAt: string) =>
      index.findDuplicate({ publishedAt, story: ACTIVISION_VERGE })?.id;
    expect(later("2022-01-21T12:00:00Z")).toBe("atvi");
    expect(later("2022-01-22T12:00:00Z")).toBeUndefined();
    const wide = createNearDuplicateIndex({ windowDays: 7 });
    wide.add({ id: "atvi", publishedAt: "2022-01-18T13:00:00Z", story: ACTIVISION_REUTERS });
    expect(
      wide.findDuplicate({ publishedAt: "2022-01-22T12:00:00Z", story: ACTIVISION_VERGE })?.id,
    ).toBe("atvi");
  });

  it("should match by address across languages, ignoring tracking parameters and www.", () => {
    const index = createNearDuplicateIndex();
    index.add({ id: "atvi", publishedAt: "2022-01-18T13:00:00Z", story: ACTIVISION_REUTERS });
    const french: StoryText = {
      language: "fr",
      title: "Microsoft s'offre Activision",
      lead: "Le rachat est annoncé.",
      links: ["https://www.reuters.example/microsoft-activision/?utm_source=rss"],
    };
    expect(
      index.findDuplicate({ publishedAt: "2022-01-18T14:00:00Z", story: french }),
    ).toMatchObject({ id: "atvi", byLink: true });
  });
});
