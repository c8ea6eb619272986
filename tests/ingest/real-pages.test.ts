import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { runIngestCli } from "../../src/ingest/cli.js";
import { extractArticle } from "../../src/ingest/extract-article.js";
import { fixture, REPO_ROOT, type StoredItem, tempDataDir } from "./ingest-helpers.js";

const page = (name: string) => fixture(`pages/${name}`);

/** `npm run ingest` in-process on fixture pages; the closing table and the store it wrote. */
async function ingest(args: string[]) {
  let stdout = "";
  const out = new Writable({
    write(chunk, _encoding, done) {
      stdout += chunk;
      done();
    },
  });
  const dataDir = await tempDataDir();
  const code = await runIngestCli({
    argv: args,
    env: { DATA_DIR: dataDir, TRANSLATE_URL: "" },
    cwd: REPO_ROOT,
    stdout: out,
    stderr: out,
    fetch: globalThis.fetch,
    clock: systemClock,
  });
  const stored = await readFile(join(dataDir, "articles.json"), "utf8").then(
    (text) => (JSON.parse(text) as { articles: StoredItem[] }).articles,
    () => [] as StoredItem[],
  );
  return { code, stdout, stored };
}

describe("ingest on pages built like real sites", () => {
  it("should read the article inside an <html class=ads-enabled> root and a nav-looking wrapper, without the banners, rails and comments", async () => {
    const run = await ingest([page("ads-enabled-root.html")]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("unexpected error");
    const [article] = run.stored;
    expect(article?.url).toBe(
      "https://techledger.example.com/ai/2023/04/21/google-deepmind-merger",
    );
    expect(article?.source).toBe("Tech Ledger");
    expect(article?.publishedAt).toBe("2023-04-21T09:00:00.000Z");
    expect(article?.topics).toEqual(["ai"]);
    const summary = article?.briefs.en?.summary ?? "";
    expect(summary).toContain("Alphabet merged its Brain team with DeepMind in April 2023");
    for (const furniture of ["cookies", "newsletter", "Bitcoin is the future", "OpenAI releases"]) {
      expect(summary).not.toContain(furniture);
    }
  });

  it("should keep a long reader thread and a rail of teasers out of the brief and the topics, and date the page from its JSON-LD", async () => {
    const run = await ingest([page("long-comments-related-rail.html")]);
    expect(run.code).toBe(0);
    const [article] = run.stored;
    expect(article?.url).toBe(
      "https://reseaux-telecoms.example.fr/5g/2020/10/02/encheres-arcep-bande-3-5-ghz",
    );
    expect(article?.publishedAt).toBe("2020-10-02T06:30:00.000Z");
    expect(article?.source).toBe("Réseaux & Télécoms");
    // The thread talks bitcoin, AI, cloud and connected homes, the rail crypto and AI: none is the story's.
    expect(article?.topics).toEqual(["5g", "regulation"]);
    const summary = article?.briefs.fr?.summary ?? "";
    expect(summary).toContain("2,786 milliards d’euros");
    for (const furniture of ["bitcoin", "Mistral", "réactions", "ethers", "cloud", "Voir les"]) {
      expect(summary).not.toContain(furniture);
    }
  });

  it("should decode a windows-1252 page by its <meta> charset and take its address from the browser's 'saved from' comment", async () => {
    const run = await ingest([page("mica-windows-1252.html")]);
    const [article] = run.stored;
    expect(article?.url).toBe(
      "https://marches-numeriques.example.fr/regulation/mica-entre-en-vigueur",
    );
    expect(article?.briefs.fr?.title).toBe(
      "MiCA : ce qui change pour les plateformes de cryptoactifs",
    );
    const summary = article?.briefs.fr?.summary ?? "";
    expect(summary).toContain("s’applique pleinement depuis le 30 décembre 2024");
    expect(summary).not.toMatch(/Photo|À lire aussi|cookies/);
    expect(article?.topics).toEqual(["crypto", "regulation"]);
    expect(article?.source).toBe("Marchés numériques");
  });

  it("should read an article split across <div>s with no <article> or <p>, and link a page with no address of its own to a search, saying so", async () => {
    const run = await ingest([page("divs-only-no-url.html")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("the page names no address of its own");
    const [article] = run.stored;
    expect(article?.url).toMatch(/^https:\/\/duckduckgo\.com\/\?q=Block/);
    expect(article?.briefs.en?.summary).toContain("8.2 million current and former customers");
    expect(article?.briefs.en?.summary).not.toContain("Tweet");
    expect(article?.topics).toContain("fintech");
  });

  it("should take the address an editor gives with --url for a single saved page", async () => {
    const run = await ingest([
      "--url",
      "https://paiements.example.com/cash-app-breach",
      page("divs-only-no-url.html"),
    ]);
    expect(run.stored[0]?.url).toBe("https://paiements.example.com/cash-app-breach");
    expect(run.stdout).not.toContain("no address of its own");
  });

  it("should skip a German page full of tech words and name its language", async () => {
    const run = await ingest([page("german-tech.html")]);
    expect(run.code).toBe(0);
    expect(run.stored).toEqual([]);
    expect(run.stdout).toMatch(/skipped\s+\S*german-tech\.html\s+language de \(German\)/);
  });

  it("should keep a French article with a long English quote in French", async () => {
    const run = await ingest([page("french-english-quote.html")]);
    const [article] = run.stored;
    expect(Object.keys(article?.briefs ?? {})).toEqual(["fr"]);
    expect(article?.url).toBe("https://veille-tech.example.fr/ia/2023/11/02/bletchley-declaration");
    expect(article?.topics).toEqual(["ai"]);
    expect(article?.briefs.fr?.summary).not.toContain("Connectez-vous");
  });
});

describe("extractArticle", () => {
  it("should give text, title, language and metadata of a page", async () => {
    const html = await readFile(page("french-english-quote.html"), "utf8");
    const result = extractArticle(html, { url: "https://veille-tech.example.fr/feed-link" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.language).toBe("fr");
    expect(result.title).toContain("Bletchley Park");
    expect(result.text).toContain("28 pays et l’Union européenne");
    expect(result.metadata.url).toBe(
      "https://veille-tech.example.fr/ia/2023/11/02/bletchley-declaration",
    );
    expect(result.metadata.urlSource).toBe("og:url");
  });

  it("should answer every odd page with a reason, never an exception", () => {
    const odd = [
      "",
      "<html></html>",
      '<html class="ads nav"><body class="menu"></body></html>',
      "<!-- saved from url=(0019)https://example.com -->",
      "<div><script>document.write('hi')</script></div>",
      "<html><body><nav>Home Crypto Banque</nav><footer>© 2024</footer></body></html>",
    ];
    for (const html of odd) {
      const result = extractArticle(html);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^(no article text|no headline)/);
    }
  });

  it("should name a Spanish, Italian or Slovak page's language, and trust the source's language for a short French teaser", () => {
    const pages: [string, string | undefined, string][] = [
      [
        "El Banco de España advirtió sobre los riesgos de las criptomonedas y pidió una regulación más estricta para los proveedores de servicios en la Unión Europea.",
        undefined,
        "language es",
      ],
      [
        "La Banca d'Italia ha avvertito sui rischi delle criptovalute e ha chiesto una regolamentazione più severa per i fornitori di servizi digitali.",
        undefined,
        "language it",
      ],
      [
        "Národná banka Slovenska upozornila na riziká kryptomien a vyzvala na prísnejšiu reguláciu poskytovateľov služieb v Európskej únii.",
        "sk",
        "language sk",
      ],
    ];
    for (const [text, hint, reason] of pages) {
      const result = extractArticle(`<html><body><h1>Titre</h1><p>${text}</p></body></html>`, {
        hint,
      });
      expect(result.ok ? result.language : result.reason).toMatch(new RegExp(`^${reason}`));
    }
    const teaser = extractArticle(
      "<h1>Ledger lève 100 millions</h1><p>Ledger lève des fonds.</p>",
      {
        hint: "fr-FR",
      },
    );
    expect(teaser.ok && teaser.language).toBe("fr");
  });
});
