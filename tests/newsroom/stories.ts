import type { FeedItem } from "./loopback-sites.js";

/** Real events, written for these tests (the facts are checked; the wording is ours). */
export const AI_ACT: FeedItem = {
  title: "The EU AI Act enters into force",
  link: "/news/eu-ai-act",
  description:
    "The European Union's Artificial Intelligence Act entered into force on 1 August 2024. It sorts AI systems by risk and bans some uses outright, such as social scoring. Most of its rules apply from August 2026.",
  pubDate: "Thu, 01 Aug 2024 09:00:00 GMT",
};

export const DIGITAL_POUND: FeedItem = {
  title: "Bank of England consults on a digital pound",
  link: "/news/digital-pound",
  description:
    "The Bank of England and HM Treasury published a consultation on a digital pound on 7 February 2023. They said a retail central bank digital currency is likely to be needed in the future. A decision on whether to build it was expected around the middle of the decade.",
  pubDate: "Tue, 07 Feb 2023 10:00:00 GMT",
};

export const MICA: FeedItem = {
  title: "MiCA now covers crypto-asset service providers",
  link: "/news/mica",
  description:
    "The EU's Markets in Crypto-Assets regulation has applied in full since 30 December 2024. Crypto-asset service providers now need an authorisation from a national regulator. Its rules for stablecoin issuers already applied from 30 June 2024.",
  pubDate: "Mon, 30 Dec 2024 08:00:00 GMT",
};

/** A teaser: one line in the feed, the article on its page. */
export const NVIDIA_TEASER: FeedItem = {
  title: "Nvidia's data center revenue hits a record",
  link: "/articles/nvidia-q2-fy2024",
  description: "Nvidia posts its quarter.",
  pubDate: "Wed, 23 Aug 2023 20:30:00 GMT",
};

export const NVIDIA_PAGE_PARAGRAPHS = [
  "Nvidia reported revenue of $13.51 billion for the second quarter of its fiscal year 2024, which ended on 30 July 2023. That is up 101% from a year earlier and up 88% from the previous quarter.",
  "Data center revenue reached a record $10.32 billion, up 141% from the first quarter and up 171% from a year ago. Cloud providers and large consumer internet companies bought its Hopper and Ampere GPUs to train and run generative AI models.",
  "The company expected revenue of about $16 billion for the third quarter. Its chief executive, Jensen Huang, said a new computing era had begun, as companies worldwide move from general-purpose computing to accelerated computing and generative AI.",
];

/** French, served in windows-1252: curly apostrophes (0x92) and the euro sign (0x80) included. */
export const ARCEP_5G_TITLE = "Les enchères 5G rapportent près de 2,8 milliards d’euros à l’État";
export const ARCEP_5G_PARAGRAPHS = [
  "L’Arcep a attribué les fréquences de la bande 3,4-3,8 GHz à Orange, SFR, Bouygues Telecom et Free à l’issue d’une enchère achevée le 1er octobre 2020. Chaque opérateur avait d’abord obtenu un bloc de 50 MHz à prix fixe, pour 350 millions d’euros.",
  "Les enchères ont ensuite réparti onze blocs de 10 MHz, et Orange en a remporté quatre, pour un total de 90 MHz. Au total, ces fréquences de la 5G rapportent près de 2,8 milliards d’euros (environ 2,8 Md€) à l’État.",
  "Les premières offres commerciales 5G ont été lancées en France à la fin de l’année 2020. Chaque opérateur s’est engagé à déployer 10 500 sites en 5G d’ici à la fin de 2025.",
];

/** The SEC's approval of 11 spot bitcoin ETFs on 10 January 2024, as two outlets wrote it. */
export const BITCOIN_ETFS_DAILY: FeedItem = {
  title: "SEC approves the first spot bitcoin ETFs in the United States",
  link: "/2024/01/10/sec-approves-spot-bitcoin-etfs",
  description:
    "The U.S. Securities and Exchange Commission on Wednesday approved the listing and trading of 11 spot bitcoin exchange-traded products. The decision ended a decade-long effort by asset managers such as BlackRock and Fidelity to offer funds that hold the cryptocurrency directly. SEC Chair Gary Gensler said the approval was not an endorsement of bitcoin.",
  pubDate: "Wed, 10 Jan 2024 23:00:00 GMT",
};
export const BITCOIN_ETFS_WIRE: FeedItem = {
  title: "Bitcoin ETFs get the green light from the SEC after a decade of rejections",
  link: "/2024/01/10/bitcoin-etfs-green-light",
  description:
    "U.S. regulators approved 11 spot bitcoin exchange-traded products on Wednesday, clearing applications from BlackRock, Fidelity and others. SEC Chair Gary Gensler stressed that the Securities and Exchange Commission did not endorse bitcoin. Trading in the funds was due to start on Thursday.",
  pubDate: "Wed, 10 Jan 2024 23:30:00 GMT",
};

/** The European Commission's fine on Apple of 4 March 2024, in one site's two editions. */
export const APPLE_FINE_EN = {
  title: "EU fines Apple over €1.8 billion over music streaming rules",
  paragraphs: [
    "The European Commission fined Apple over €1.8 billion on 4 March 2024 for abusing its dominant position on the market for the distribution of music streaming apps to iPhone and iPad users through its App Store.",
    "The Commission found that Apple barred app developers from telling users about alternative and cheaper music subscription services available outside the app. Apple said it would appeal the decision.",
  ],
};
export const APPLE_FINE_FR = {
  title: "L’UE inflige à Apple une amende de plus de 1,8 milliard d’euros",
  paragraphs: [
    "La Commission européenne a infligé le 4 mars 2024 une amende de plus de 1,8 milliard d’euros à Apple pour abus de position dominante sur le marché de la distribution d’applications de streaming musical aux utilisateurs d’iPhone et d’iPad via son App Store.",
    "Selon la Commission, Apple interdisait aux développeurs d’informer les utilisateurs des offres d’abonnement moins chères disponibles hors de l’application. Apple a annoncé faire appel de la décision.",
  ],
};
