import { describe, expect, it } from "vitest";
import { isFurnitureLine, removeFurnitureElements } from "../../src/ingest/clean.js";
import { htmlBlocks, parseHtmlDocument } from "../../src/ingest/html-text.js";

describe("isFurnitureLine", () => {
  it.each([
    "Save 20% off! Join our newsletter and get 20% off right away!",
    "Tencent logo",
    "Logo Tech Finance Daily",
    "Share",
    "Share | Tweet | LinkedIn | Email",
    "Partager sur Facebook",
    "Subscribe",
    "Abonnez-vous à notre newsletter",
    "© 2024 Tech Finance Daily. All rights reserved.",
    "Tous droits réservés",
    "Privacy policy",
    "Read more: our crypto coverage",
    "Lire aussi : la BCE et l’euro numérique",
    "Advertisement",
    "Photo: Tech Finance Daily",
    "The post SEC approves spot bitcoin ETFs appeared first on Tech Finance Daily.",
  ])("should drop %j", (line) => {
    expect(isFurnitureLine(line)).toBe(true);
  });

  it.each([
    "Tencent – 70 milliards de dollars investit dans la Fintech, la blockchain et l’IA",
    "Le gouvernement chinois adopte la blockchain",
    "Stripe said in a note to customers that its newsletter product would close, after fewer sign-ups than the company expected in 2023.",
    "Le Parlement européen a adopté le 13 mars 2024 la législation sur l’intelligence artificielle.",
  ])("should keep %j", (line) => {
    expect(isFurnitureLine(line)).toBe(false);
  });
});

describe("removeFurnitureElements", () => {
  it("should remove navigation, promos, share buttons and footers but keep the article", () => {
    const document = parseHtmlDocument(`<html><body>
      <nav><a>Home</a><a>Markets</a></nav>
      <div class="promo-box"><p>Get the app today and enjoy a better reading experience now</p></div>
      <article class="post">
        <p>Ethereum switched to proof of stake on September 15, 2022.</p>
        <div id="social-share"><a>Facebook</a></div>
      </article>
      <aside><p>Most read stories this week from our newsroom team</p></aside>
      <footer><p>Contact the newsroom by email for tips and corrections</p></footer>
    </body></html>`);
    removeFurnitureElements(document);
    expect(htmlBlocks(document.body).map((block) => block.text)).toEqual([
      "Ethereum switched to proof of stake on September 15, 2022.",
    ]);
  });
});
