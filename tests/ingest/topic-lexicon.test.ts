import { describe, expect, it } from "vitest";
import { createTopicTagger, TOPIC_LEXICON } from "../../src/ingest/topic-lexicon.js";
import { TOPIC_IDS } from "../../src/topics/catalog.js";
import { parseSeed } from "./ingest-helpers.js";

const tagger = createTopicTagger();
const topicsOf = (title: string, paragraphs: string[] = []) =>
  tagger.tag({ title, paragraphs }).map((entry) => entry.topic);

describe("topic lexicon", () => {
  it("should have French and English terms for every catalog topic", () => {
    expect(Object.keys(TOPIC_LEXICON).sort()).toEqual([...TOPIC_IDS].sort());
  });

  it.each([
    ["intelligence artificielle", "ai"],
    ["L’IA générative", "ai"],
    ["artificial intelligence", "ai"],
    ["AI chips", "ai"],
    ["chaîne de blocs", "blockchain"],
    ["chaines de blocs", "blockchain"],
    ["blockchain", "blockchain"],
    ["centres de données", "datacenters"],
    ["centre de donnees", "datacenters"],
    ["data centers", "datacenters"],
    ["objets connectés", "iot"],
    ["Internet des objets", "iot"],
    ["IoT", "iot"],
    ["5G", "5g"],
    ["cryptomonnaies", "crypto"],
    ["crypto-actifs", "crypto"],
    ["stablecoins", "crypto"],
    ["réglementation", "regulation"],
    ["the SEC", "regulation"],
    ["cloud computing", "cloud"],
    ["informatique en nuage", "cloud"],
    ["néobanques", "fintech"],
    ["euro numérique", "fintech"],
    ["les régulateurs européens", "regulation"],
    ["the regulators", "regulation"],
    ["des registres distribués", "blockchain"],
    ["smart contracts", "blockchain"],
    ["a payments app's data breach", "fintech"],
    ["Microsoft's cloud strategy", "cloud"],
  ])("should read %s as %s, without regard to accents or inflections", (text, topic) => {
    expect([...tagger.mentions(text)]).toContain(topic);
  });

  it.each([
    ["The Google-owned research lab DeepMind", "ai"],
    ["Cash App, Chime and Nubank", "fintech"],
    ["AWS and Azure", "cloud"],
    ["MiCA and the SEC", "regulation"],
    ["Ethereum", "crypto"],
    ["a Nest thermostat", "iot"],
    ["Equinix", "datacenters"],
  ])("should know the entities that carry a topic: %s is %s", (text, topic) => {
    expect([...tagger.mentions(text)]).toContain(topic);
  });

  it("should read lowercase words that share a name's spelling as ordinary words", () => {
    expect(tagger.mentions("a nest egg and a wedding ring").size).toBe(0);
    expect(tagger.mentions("he was fine, the block was direct").size).toBe(0);
    expect(tagger.mentions("Les pays paient cher leur électricité.").size).toBe(0);
  });

  it("should tag a 5G network for connected factories as 5g and iot", () => {
    expect(
      topicsOf("A private 5G network for connected factories", [
        "Industrial firms can license spectrum for private networks on their sites.",
      ]),
    ).toEqual(expect.arrayContaining(["5g", "iot"]));
  });

  it("should match whole words only, and IA/AI only in capitals", () => {
    expect(tagger.mentions("J’ai vu SoundCloud et la société Aiways; Paris, mai 2020.").size).toBe(
      0,
    );
    expect(tagger.mentions("une ia mal écrite").has("ai")).toBe(false);
    expect(tagger.mentions("cryptographie et cloudflare").size).toBe(0);
    expect(tagger.mentions("Le sec et le lin").has("regulation")).toBe(false);
  });

  it("should tag a topic named in the title, or in two paragraphs, but not a passing mention", () => {
    const filler = [
      "Le groupe a publié ses résultats trimestriels mardi.",
      "Le chiffre d’affaires a progressé de 12 % sur un an.",
      "Les analystes attendaient une hausse plus modeste.",
      "La direction a confirmé ses objectifs annuels.",
    ];
    expect(topicsOf("La blockchain au service des banques", filler)).toEqual(["blockchain"]);
    expect(
      topicsOf("Résultats trimestriels", [
        ...filler,
        "Le groupe investit dans le cloud.",
        "Son offre de cloud progresse.",
      ]),
    ).toEqual(["cloud"]);
    expect(topicsOf("Résultats trimestriels", [...filler, "Le groupe parle aussi de 5G."])).toEqual(
      [],
    );
  });

  it("should count the lead, not a passing mention at the end of a short article", () => {
    expect(
      topicsOf("Stripe valued at $50 billion in funding round", [
        "Stripe raised more than $6.5 billion in March 2023 at a valuation of $50 billion.",
        "The payments company said the money would cover tax bills on employee shares.",
        "Its servers are rented from a cloud provider.",
      ]),
    ).toEqual(["fintech"]);
  });

  it("should let a short teaser be tagged by a mention in its lead", () => {
    expect(
      topicsOf("Nvidia becomes the first chipmaker valued at $1 trillion", [
        "Nvidia's stock market value briefly topped $1 trillion.",
        "Demand for its processors, used in data centers to train artificial intelligence models, drove the surge.",
      ]),
    ).toEqual(["ai", "datacenters"]);
    expect(topicsOf("Apple unveils the Vision Pro headset", ["It will cost $3,499."])).toEqual([]);
  });

  it("should tag the seed article with fintech, blockchain, ai and cloud", async () => {
    const seed = await parseSeed();
    const topics = topicsOf(
      seed.title,
      seed.blocks.map((block) => block.text),
    );
    expect(topics).toEqual(expect.arrayContaining(["fintech", "blockchain", "ai", "cloud"]));
  });
});
