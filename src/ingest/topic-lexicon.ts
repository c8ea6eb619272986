import { TOPIC_IDS, type TopicId } from "../topics/catalog.js";
import { TOPIC_GAZETTEER } from "./topic-gazetteer.js";
import { createPhraseMatcher, type TopicPhrases } from "./topic-phrases.js";
import { createTokenizer } from "./topic-tokens.js";

/**
 * The words that tag an article with a catalog topic, in French and English.
 * Separate from the readers' topic aliases (locales/): those read what a reader
 * types ("loi", "nuage", "payments" are fine there), these read whole articles,
 * where such broad words would tag nearly everything. Terms are matched on their
 * Snowball stems, so plurals and inflections need not be listed; feminine forms
 * are, because the stem keeps the French "-e" ("connectée"). The entities that
 * carry a topic are in the gazetteer (topic-gazetteer.ts).
 */
export const TOPIC_LEXICON: Readonly<Record<TopicId, TopicPhrases>> = {
  fintech: {
    en: [
      "fintech",
      "financial technology",
      "neobank",
      "digital bank",
      "online bank",
      "mobile bank",
      "challenger bank",
      "open banking",
      "payments",
      "payment app",
      "payments company",
      "mobile payment",
      "online payment",
      "digital payment",
      "instant payment",
      "card payment",
      "buy now pay later",
      "money transfer",
      "digital wallet",
      "insurtech",
      "regtech",
      "digital euro",
      "central bank digital currency",
    ],
    fr: [
      "fintech",
      "technologie financière",
      "néobanque",
      "banque en ligne",
      "banque mobile",
      "établissement de paiement",
      "terminal de paiement",
      "virement instantané",
      "paiement fractionné",
      "insurtech",
      "regtech",
      "euro numérique",
      "monnaie numérique de banque centrale",
    ],
    // "paiement" is kept unstemmed: its French stem is that of "payer" and "paie".
    names: ["paiement", "paiements", "CBDC", "MNBC", "BNPL"],
  },
  blockchain: {
    en: [
      "blockchain",
      "distributed ledger",
      "smart contract",
      "proof of stake",
      "proof of work",
      "rollup",
      "layer 2",
      "web3",
      "on chain",
    ],
    fr: [
      "blockchain",
      "chaîne de blocs",
      "registre distribué",
      "contrat intelligent",
      "preuve d'enjeu",
      "preuve de travail",
      "web3",
    ],
    // Unstemmed: the English stem of "tokenized" is that of "token", which crypto uses too.
    names: [
      "tokenization",
      "tokenisation",
      "tokenized",
      "tokenised",
      "tokenisé",
      "tokenisée",
      "tokenisés",
      "tokenisées",
      "DLT",
      "Hyperledger",
    ],
  },
  crypto: {
    en: [
      "crypto",
      "cryptocurrency",
      "crypto asset",
      "digital asset",
      "stablecoin",
      "altcoin",
      "memecoin",
      "crypto exchange",
      "bitcoin miner",
      "halving",
    ],
    fr: [
      "crypto",
      "cryptomonnaie",
      "crypto monnaie",
      "cryptoactif",
      "crypto actif",
      "actif numérique",
      "stablecoin",
      "altcoin",
    ],
    names: ["ether", "ethers", "bitcoins"],
  },
  ai: {
    en: [
      "artificial intelligence",
      "machine learning",
      "deep learning",
      "generative AI",
      "large language model",
      "language model",
      "foundation model",
      "neural network",
      "chatbot",
      "AI model",
    ],
    fr: [
      "intelligence artificielle",
      "apprentissage automatique",
      "apprentissage profond",
      "IA générative",
      "modèle de langage",
      "grand modèle de langage",
      "réseau de neurones",
      "agent conversationnel",
      "chatbot",
    ],
    exactCase: ["IA", "AI", "IAs", "AIs", "LLM", "LLMs"],
  },
  cloud: {
    en: [
      "cloud",
      "cloud computing",
      "software as a service",
      "hyperscaler",
      "virtualization",
      "egress fee",
    ],
    fr: [
      "cloud",
      "informatique en nuage",
      "infonuagique",
      "logiciel en tant que service",
      "hyperscaleur",
      "virtualisation",
    ],
  },
  "5g": {
    en: ["5G", "fifth generation network", "millimetre wave", "millimeter wave"],
    fr: ["5G", "réseau de cinquième génération", "cinquième génération"],
  },
  iot: {
    en: [
      "IoT",
      "internet of things",
      "connected device",
      "connected object",
      "smart device",
      "smart home",
      "smart meter",
      "smart thermostat",
      "smart speaker",
      "smart lock",
      "video doorbell",
      "security camera",
      "wearable",
      "tracker",
      "internet connected",
      "connected factory",
      "smart factory",
    ],
    fr: [
      "IoT",
      "internet des objets",
      "objet connecté",
      "objets connectés",
      "appareil connecté",
      "appareils connectés",
      "maison connectée",
      "montre connectée",
      "montres connectées",
      "balance connectée",
      "thermostat connecté",
      "enceinte connectée",
      "caméra connectée",
      "capteur connecté",
      "compteur communicant",
      "compteur connecté",
      "connecté à internet",
      "connectés à internet",
      "usine connectée",
    ],
  },
  datacenters: {
    en: [
      "data center",
      "data centre",
      "datacenter",
      "datacentre",
      "hyperscale",
      "colocation",
      "server farm",
    ],
    fr: [
      "centre de données",
      "centres de données",
      "data center",
      "datacenter",
      "hyperscale",
      "ferme de serveurs",
    ],
  },
  regulation: {
    en: [
      "regulation",
      "regulator",
      "regulatory",
      "legislation",
      "lawmaker",
      "law",
      "antitrust",
      "competition authority",
      "watchdog",
      "executive order",
      "monopoly",
      "abuse of dominance",
      "compliance",
      "ban",
      "penalty",
      "sanction",
      "lawsuit",
    ],
    fr: [
      "réglementation",
      "réglementaire",
      "régulation",
      "régulateur",
      "législation",
      "législateur",
      "loi",
      "lois",
      "règlement européen",
      "abus de position dominante",
      "amende",
      "sanction",
      "interdiction",
      "autorité de régulation",
      "conformité réglementaire",
    ],
    // Unstemmed: "fined" would stem to "fine", "sued" to "su", "authority" to "author",
    // "directive" to "direct".
    names: [
      "directive",
      "directives",
      "fined",
      "fines",
      "sued",
      "sues",
      "authority",
      "authorities",
      "autorité",
      "autorités",
    ],
    exactCase: ["Act"],
  },
};

/** How much a mention counts by where it is, and the score from which a topic is tagged. */
export interface TopicWeights {
  /** The headline says what the story is about. */
  title: number;
  /** The lead says it too, a little less: the first paragraph, and any that starts within `leadWords`. */
  lead: number;
  /**
   * A paragraph that starts within this many words of the body's start is still
   * the lead: a site may cut a short lede into one-sentence paragraphs.
   */
  leadWords: number;
  /** Each later paragraph; one alone is a passing mention. */
  body: number;
  /** Each feed category or page keyword. */
  keyword: number;
  /** A topic is tagged from this score. */
  minScore: number;
}

/** Tuned on the labelled set (bench/topic-eval, `npm run eval:topics -- --tune`). */
export const TOPIC_WEIGHTS: Readonly<TopicWeights> = {
  title: 3,
  lead: 2,
  leadWords: 20,
  body: 1,
  keyword: 1,
  minScore: 2,
};
/** More than this many topics dilutes a reader's feed; keep the strongest. */
export const MAX_TOPICS = 5;

export interface TopicScore {
  topic: TopicId;
  score: number;
}

export interface TopicTagger {
  /** The topics a piece of text mentions at least once. */
  mentions(text: string): Set<TopicId>;
  /** Scores every topic over an article and keeps the ones it is about, strongest first. */
  tag(article: {
    title: string;
    paragraphs: readonly string[];
    keywords?: readonly string[];
  }): TopicScore[];
}

export interface TopicTaggerOptions {
  lexicon?: Readonly<Record<TopicId, TopicPhrases>>;
  gazetteer?: Readonly<Record<TopicId, TopicPhrases>>;
  weights?: Readonly<TopicWeights>;
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Builds the matcher once; the lexicon is fixed, so callers can share one tagger. */
export function createTopicTagger(options: TopicTaggerOptions = {}): TopicTagger {
  const { lexicon = TOPIC_LEXICON, gazetteer = TOPIC_GAZETTEER, weights = TOPIC_WEIGHTS } = options;
  const matcher = createPhraseMatcher([lexicon, gazetteer], createTokenizer());
  const mentions = (text: string) => matcher.topicsIn(text);

  return {
    mentions,
    tag({ title, paragraphs, keywords = [] }) {
      const scores = new Map<TopicId, number>();
      // A topic counts once per paragraph: repeating a word in one paragraph is not more evidence.
      const add = (text: string, weight: number) => {
        for (const topic of mentions(text)) scores.set(topic, (scores.get(topic) ?? 0) + weight);
      };
      add(title, weights.title);
      let wordsBefore = 0;
      for (const paragraph of paragraphs) {
        const inLead = wordsBefore === 0 || wordsBefore < weights.leadWords;
        add(paragraph, inLead ? weights.lead : weights.body);
        wordsBefore += countWords(paragraph);
      }
      for (const keyword of keywords) add(keyword, weights.keyword);
      return TOPIC_IDS.map((topic) => ({ topic, score: scores.get(topic) ?? 0 }))
        .filter((entry) => entry.score >= weights.minScore)
        .sort((a, b) => b.score - a.score)
        .slice(0, MAX_TOPICS);
    },
  };
}
