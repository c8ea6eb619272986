import { normalizeTopicText } from "../topics/aliases.js";
import { TOPIC_IDS, type TopicId } from "../topics/catalog.js";

/**
 * The words that tag an article with a catalog topic, in French and English.
 * Separate from the readers' topic aliases (locales/): those read what a reader
 * types ("loi", "nuage", "payments" are fine there), these read whole articles,
 * where such broad words would tag nearly everything.
 *
 * `terms` match without regard to case or accents, as whole words; "(s)" and "(x)"
 * mark an optional plural. `exactCase` terms must appear as written: "IA" and "AI"
 * only as capitals, or French "j'ai" would read as AI.
 */
export interface TopicTerms {
  terms: readonly string[];
  exactCase?: readonly string[];
}

export const TOPIC_LEXICON: Readonly<Record<TopicId, TopicTerms>> = {
  fintech: {
    terms: [
      "fintech(s)",
      "technologie(s) financiere(s)",
      "financial technology",
      "neobanque(s)",
      "neobank(s)",
      "banque(s) en ligne",
      "digital bank(s)",
      "online bank(s)",
      "open banking",
      "paiement(s) mobile(s)",
      "paiement(s) en ligne",
      "paiement(s) numerique(s)",
      "paiements",
      "mobile payment(s)",
      "online payment(s)",
      "digital payment(s)",
      "payments",
      "payment(s) company",
      "buy now pay later",
      "paiement fractionne",
      "insurtech(s)",
      "regtech(s)",
      "euro numerique",
      "digital euro",
      "monnaie(s) numerique(s) de banque(s) centrale(s)",
      "central bank digital currenc(y)",
      "cbdc(s)",
      "mnbc",
    ],
  },
  blockchain: {
    terms: [
      "blockchain(s)",
      "chaine(s) de blocs",
      "registre(s) distribue(s)",
      "distributed ledger(s)",
      "dlt",
      "smart contract(s)",
      "contrat(s) intelligent(s)",
      "hyperledger",
      "tokenisation",
      "tokenization",
      "web3",
      "proof of stake",
      "proof of work",
      "preuve d enjeu",
      "preuve de travail",
    ],
  },
  crypto: {
    terms: [
      "crypto(s)",
      "cryptomonnaie(s)",
      "crypto monnaie(s)",
      "cryptocurrenc(y)",
      "crypto actif(s)",
      "cryptoactif(s)",
      "crypto asset(s)",
      "digital asset(s)",
      "actif(s) numerique(s)",
      "bitcoin(s)",
      "ethereum",
      "ether",
      "stablecoin(s)",
      "altcoin(s)",
    ],
  },
  ai: {
    terms: [
      "intelligence(s) artificielle(s)",
      "artificial intelligence",
      "apprentissage automatique",
      "apprentissage profond",
      "machine learning",
      "deep learning",
      "generative ai",
      "ia generative(s)",
      "grand(s) modele(s) de langage",
      "large language model(s)",
      "llm(s)",
      "reseau(x) de neurones",
      "neural network(s)",
      "chatgpt",
      "openai",
      "chatbot(s)",
    ],
    exactCase: ["IA", "AI", "IAs", "AIs"],
  },
  cloud: {
    terms: [
      "cloud",
      "clouds",
      "cloud computing",
      "informatique en nuage",
      "infonuagique",
      "amazon web services",
      "aws",
      "azure",
      "google cloud",
      "saas",
    ],
  },
  "5g": {
    terms: ["5g", "reseau(x) de cinquieme generation", "fifth generation network(s)"],
  },
  iot: {
    terms: [
      "iot",
      "internet des objets",
      "internet of things",
      "objet(s) connecte(s)",
      "appareil(s) connecte(s)",
      "connected device(s)",
      "maison(s) connectee(s)",
      "smart home(s)",
      "capteur(s) connecte(s)",
    ],
  },
  datacenters: {
    terms: [
      "centre(s) de donnees",
      "data center(s)",
      "data centre(s)",
      "datacenter(s)",
      "datacentre(s)",
      "hyperscale",
      "hyperscaler(s)",
    ],
  },
  regulation: {
    terms: [
      "reglementation(s)",
      "regulation(s)",
      "regulateur(s)",
      "regulator(s)",
      "regulatory",
      "reglementaire(s)",
      "autorite(s) de regulation",
      "legislation",
      "legislateur(s)",
      "lawmaker(s)",
      "securities and exchange commission",
      "autorite des marches financiers",
      "esma",
      "arcep",
      "mica",
      "ai act",
      "digital markets act",
      "digital services act",
      "antitrust",
      "conformite reglementaire",
      "compliance",
    ],
    exactCase: ["SEC", "AMF", "DMA"],
  },
};

/** Title words count this much more than one paragraph mentioning the topic. */
export const TITLE_WEIGHT = 3;
/** Each paragraph (or feed category) that mentions a topic adds this much. */
export const PARAGRAPH_WEIGHT = 1;
/** A topic is tagged from this score: the title alone, or two separate paragraphs. */
export const MIN_TOPIC_SCORE = 2;
/**
 * A short article (a feed teaser) may name its subject only once; when no topic
 * reaches MIN_TOPIC_SCORE, one mention is enough in an article this short.
 */
export const SHORT_ARTICLE_PARAGRAPHS = 4;
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

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function termPattern(term: string): string {
  return escapeRegExp(normalizeTopicText(term))
    .replace(/\\\(s\\\)/g, "s?")
    .replace(/\\\(x\\\)/g, "x?")
    .replace(/\\\(y\\\)/g, "(?:y|ies)");
}

// Whole words only: no letter or digit on either side ("cloud" not in "Soundcloud").
const wordBounded = (alternatives: string[], flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, flags);

/** Builds the matcher once; the lexicon is fixed, so callers can share one tagger. */
export function createTopicTagger(
  lexicon: Readonly<Record<TopicId, TopicTerms>> = TOPIC_LEXICON,
): TopicTagger {
  const matchers = TOPIC_IDS.map((topic) => {
    const { terms, exactCase = [] } = lexicon[topic];
    return {
      topic,
      folded: terms.length > 0 ? wordBounded(terms.map(termPattern), "u") : undefined,
      exact: exactCase.length > 0 ? wordBounded(exactCase.map(escapeRegExp), "u") : undefined,
    };
  });

  const mentions = (text: string): Set<TopicId> => {
    const folded = normalizeTopicText(text);
    const found = new Set<TopicId>();
    for (const matcher of matchers) {
      if (matcher.folded?.test(folded) || matcher.exact?.test(text)) found.add(matcher.topic);
    }
    return found;
  };

  return {
    mentions,
    tag({ title, paragraphs, keywords = [] }) {
      const scores = new Map<TopicId, number>();
      const add = (topics: Set<TopicId>, weight: number) => {
        for (const topic of topics) scores.set(topic, (scores.get(topic) ?? 0) + weight);
      };
      add(mentions(title), TITLE_WEIGHT);
      for (const paragraph of paragraphs) add(mentions(paragraph), PARAGRAPH_WEIGHT);
      for (const keyword of keywords) add(mentions(keyword), PARAGRAPH_WEIGHT);
      const ranked = TOPIC_IDS.map((topic) => ({ topic, score: scores.get(topic) ?? 0 })).sort(
        (a, b) => b.score - a.score,
      );
      const strong = ranked.filter((entry) => entry.score >= MIN_TOPIC_SCORE);
      if (strong.length > 0) return strong.slice(0, MAX_TOPICS);
      if (paragraphs.length > SHORT_ARTICLE_PARAGRAPHS) return [];
      return ranked.filter((entry) => entry.score >= PARAGRAPH_WEIGHT).slice(0, MAX_TOPICS);
    },
  };
}
