import type { Article } from "../../src/articles/schema.js";

/** A true, well-documented story the demo can "publish"; the copy gets a fresh id and date. */
export type SampleArticle = Pick<Article, "id" | "url" | "source" | "topics" | "briefs">;

/**
 * What the "Publish a sample article" button cycles through. Each one is a real event
 * with facts checked against the linked report, so the demo never shows made-up news.
 * The first ones carry the most followed topics (fintech, crypto, AI) so that a reader
 * who tapped a topic under /start soon sees a push.
 */
export const SAMPLE_ARTICLES: readonly SampleArticle[] = [
  {
    id: "revolut-uk-banking-licence-2024",
    url: "https://www.bankingdive.com/news/revolut-uk-banking-license-pra-storonsky-2021-revenue-audit-mobilization-ipo/722419/",
    source: "Banking Dive",
    topics: ["fintech", "regulation"],
    briefs: {
      en: {
        title: "Revolut wins a UK banking licence, with restrictions, after a three-year wait",
        summary:
          "Revolut said on 25 July 2024 that the Prudential Regulation Authority had granted it a UK banking licence with restrictions, three years after it applied in 2021. The London-based fintech, with more than nine million UK customers and 45 million worldwide, enters a “mobilisation” phase in which it may hold at most £50,000 of customer deposits while it builds and tests its banking systems. It already held a European banking licence from Lithuania.",
      },
      fr: {
        title:
          "Revolut obtient une licence bancaire britannique, avec restrictions, après trois ans d’attente",
        summary:
          "Revolut a annoncé le 25 juillet 2024 que la Prudential Regulation Authority lui accordait une licence bancaire au Royaume-Uni assortie de restrictions, trois ans après sa demande de 2021. La fintech londonienne, qui compte plus de neuf millions de clients britanniques et 45 millions dans le monde, entre dans une phase de «\u00a0mobilisation\u00a0» pendant laquelle elle ne peut détenir plus de 50\u00a0000\u00a0£ de dépôts, le temps de construire et tester ses systèmes bancaires. Elle dispose déjà d’une licence bancaire européenne obtenue en Lituanie.",
      },
    },
  },
  {
    id: "circle-nyse-ipo-2025",
    url: "https://www.renaissancecapital.com/IPO-Center/News/111369/Circle-skyrockets-168-percent-in-largest-ever-pop-for-a-billion-dollar-IPO",
    source: "Renaissance Capital",
    topics: ["crypto", "fintech"],
    briefs: {
      en: {
        title: "Circle, the USDC issuer, jumps 168% in its New York Stock Exchange debut",
        summary:
          "Circle Internet Group, the company behind the USDC stablecoin, started trading on the New York Stock Exchange under the ticker CRCL on 5 June 2025. It sold 34 million shares at $31, above its initial range, raising about $1.05bn. The stock opened at $69 and closed its first day at $83.23, 168% above the offer price: the biggest first-day gain for a billion-dollar US IPO in Renaissance Capital’s more than 30 years of records.",
      },
      fr: {
        title:
          "Circle, émetteur de l’USDC, bondit de 168\u00a0% pour ses débuts au New York Stock Exchange",
        summary:
          "Circle Internet Group, l’entreprise derrière le stablecoin USDC, est cotée au New York Stock Exchange sous le symbole CRCL depuis le 5 juin 2025. Elle a vendu 34 millions d’actions à 31 dollars, au-dessus de sa fourchette initiale, et levé environ 1,05 milliard de dollars. Le titre a ouvert à 69 dollars et terminé sa première séance à 83,23 dollars, 168\u00a0% au-dessus du prix d’introduction\u00a0: la plus forte hausse d’un premier jour pour une introduction américaine d’au moins un milliard de dollars en plus de 30 ans de relevés de Renaissance Capital.",
      },
    },
  },
  {
    id: "openai-chatgpt-launch-2022",
    url: "https://openai.com/index/chatgpt/",
    source: "OpenAI",
    topics: ["ai"],
    briefs: {
      en: {
        title: "OpenAI opens ChatGPT to the public as a free research preview",
        summary:
          "OpenAI released ChatGPT on 30 November 2022 as a free research preview. The chatbot holds a conversation: it can answer follow-up questions, admit its mistakes and turn down inappropriate requests. It was fine-tuned from a model in the GPT-3.5 series with reinforcement learning from human feedback. Five days later, chief executive Sam Altman said it had passed one million users.",
      },
      fr: {
        title: "OpenAI ouvre ChatGPT au public en accès gratuit, en version de recherche",
        summary:
          "OpenAI a lancé ChatGPT le 30 novembre 2022 sous la forme d’un aperçu de recherche gratuit. Le chatbot converse\u00a0: il répond aux questions de suivi, reconnaît ses erreurs et refuse les demandes inappropriées. Il a été affiné à partir d’un modèle de la série GPT-3.5 par apprentissage par renforcement à partir de retours humains. Cinq jours plus tard, son PDG Sam Altman annonçait qu’il avait dépassé le million d’utilisateurs.",
      },
    },
  },
  {
    id: "bitcoin-fourth-halving-2024",
    url: "https://www.forbesindia.com/article/cryptocurrency/bitcoins-fourth-halving-completed-coinciding-with-a-surge-in-transaction-fees/92685/1",
    source: "Forbes India",
    topics: ["crypto", "blockchain"],
    briefs: {
      en: {
        title: "Bitcoin’s fourth halving cuts the block reward to 3.125 BTC",
        summary:
          "Bitcoin went through its fourth halving at block 840,000, mined by the ViaBTC pool shortly after midnight UTC on 20 April 2024. The reward for each new block fell from 6.25 to 3.125 bitcoins, as the protocol prescribes every 210,000 blocks, about every four years, until the 21 million cap is reached. The rush to get into the historic block pushed its transaction fees to about 37.6 BTC, some $2.4m.",
      },
      fr: {
        title:
          "Le quatrième «\u00a0halving\u00a0» de Bitcoin réduit la récompense par bloc à 3,125 BTC",
        summary:
          "Bitcoin a connu son quatrième «\u00a0halving\u00a0» au bloc 840\u00a0000, miné par le pool ViaBTC peu après minuit UTC le 20 avril 2024. La récompense par nouveau bloc est passée de 6,25 à 3,125 bitcoins, comme le prévoit le protocole tous les 210\u00a0000 blocs, soit environ tous les quatre ans, jusqu’au plafond de 21 millions. La course pour figurer dans ce bloc historique a porté ses frais de transaction à environ 37,6 BTC, quelque 2,4 millions de dollars.",
      },
    },
  },
  {
    id: "visa-plaid-merger-called-off-2021",
    url: "https://www.engadget.com/visa-plaid-acqusition-doj-233500519.html",
    source: "Engadget",
    topics: ["fintech", "regulation"],
    briefs: {
      en: {
        title: "Visa drops its $5.3bn takeover of Plaid after a US antitrust lawsuit",
        summary:
          "Visa and Plaid called off their $5.3bn merger on 12 January 2021, a year after announcing it. The US Department of Justice had sued in November 2020 to block the deal, arguing that Visa, a monopolist in online debit, wanted to eliminate Plaid as a nascent competitive threat. Visa chief executive Al Kelly said he was confident Visa would have prevailed in court, but that protracted litigation would take substantial time; a trial had been set for June.",
      },
      fr: {
        title:
          "Visa renonce à racheter Plaid pour 5,3 milliards de dollars après une plainte antitrust",
        summary:
          "Visa et Plaid ont renoncé le 12 janvier 2021 à leur fusion de 5,3 milliards de dollars, annoncée un an plus tôt. Le département américain de la Justice avait porté plainte en novembre 2020 pour bloquer l’opération, estimant que Visa, en monopole sur le débit en ligne, voulait éliminer en Plaid une menace concurrentielle naissante. Le PDG de Visa, Al Kelly, s’est dit convaincu de l’emporter devant le tribunal, mais un long procès aurait pris trop de temps\u00a0; l’audience était prévue en juin.",
      },
    },
  },
  {
    id: "eu-dora-applies-2025",
    url: "https://www.natlawreview.com/article/eus-digital-operational-resilience-act-comes-effect",
    source: "The National Law Review",
    topics: ["regulation", "fintech"],
    briefs: {
      en: {
        title:
          "The EU’s Digital Operational Resilience Act (DORA) now applies to the financial sector",
        summary:
          "Since 17 January 2025, financial entities in the EU, from banks and insurers to investment firms and crypto-asset service providers, must comply with the Digital Operational Resilience Act, Regulation (EU) 2022/2554. They need a documented ICT risk-management framework, must report major ICT-related incidents to their supervisors, test their digital resilience and manage the risks of their technology suppliers. Critical ICT third-party providers, such as large cloud companies, come under direct EU oversight.",
      },
      fr: {
        title: "Le règlement européen DORA sur la résilience opérationnelle numérique s’applique",
        summary:
          "Depuis le 17 janvier 2025, les entités financières de l’UE, des banques et assureurs aux entreprises d’investissement et prestataires de services sur crypto-actifs, doivent respecter le règlement sur la résilience opérationnelle numérique (DORA), règlement (UE) 2022/2554. Elles doivent disposer d’un cadre documenté de gestion des risques informatiques, notifier les incidents majeurs à leurs superviseurs, tester leur résilience numérique et encadrer les risques liés à leurs fournisseurs technologiques. Les prestataires tiers critiques, comme les grands fournisseurs de cloud, passent sous surveillance européenne directe.",
      },
    },
  },
];
