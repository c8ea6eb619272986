import { normalizeTopicText } from "../topics/aliases.js";

/**
 * Page furniture: the lines and blocks around an article that are not the article
 * (navigation, promos, logo captions, share buttons, footers). Scraped text and
 * feed bodies carry the same furniture as pages, so one set of rules serves all.
 */

// Real sentences can mention a newsletter or a logo; furniture lines are short.
const FURNITURE_MAX_CHARS = 160;
// A bare mention of these words only marks a line as a promo when the line is very short.
const PROMO_WORD_MAX_CHARS = 80;
const PROMO_WORDS =
  /\b(newsletter|free trial|essai gratuit|offre speciale|limited offer|offre limitee)\b/;

// Matched against normalizeTopicText(line): lowercase, no accents, hyphens and apostrophes as spaces.
const FURNITURE_PATTERNS: readonly RegExp[] = [
  // Promos and calls to action.
  /\b(save|get|take)\b.{0,20}\b\d+ ?% off\b/,
  /\b\d+ ?% (off|de reduction|de remise)\b/,
  /\b(join|sign up (for|to)|subscribe to|get) our newsletter\b/,
  /^(subscribe|sign up|s abonner|abonnez vous|inscrivez vous)\b/,
  /\b(abonnez vous|inscrivez vous) a (notre|la) (newsletter|lettre)\b/,
  /\b(buy now|shop now|achetez maintenant|profitez de l offre)\b/,
  // Logo captions and picture credits.
  /^(\S+ ){0,4}logo$/,
  /^logo( \S+){0,4}$/,
  /^(photo|image|illustration|credit|credits|credit photo|source image)\b ?[:©]/,
  /^(getty images|afp|reuters|ap photo|shutterstock)$/,
  // Footers and legal lines.
  /^(©|\(c\)|copyright)\b/,
  /\b(all rights reserved|tous droits reserves|privacy policy|politique de confidentialite)\b/,
  /\b(terms of (use|service)|conditions generales|mentions legales|cookie(s)? (policy|settings))\b/,
  /\b(the post .+ appeared first on|est apparu en premier sur)\b/,
  // Navigation and teasers.
  /^(read|see) (more|also)\b/,
  /^(lire (la suite|aussi|plus)|voir aussi|a lire aussi|en savoir plus)\b/,
  /^(related|recommended) (articles|stories|posts)$/,
  /^(articles similaires|sur le meme sujet|dans la meme rubrique)$/,
  /^(next|previous) (article|story|post)$/,
  /^(article (suivant|precedent)|retour en haut|back to top|skip to (main )?content)$/,
  /^(advertisement|publicite|sponsored|sponsorise|contenu sponsorise|annonce)$/,
];

// A line made only of these words is a row of share buttons or menu entries.
const BUTTON_WORDS = new Set([
  "share",
  "shares",
  "partager",
  "partagez",
  "tweet",
  "email",
  "e mail",
  "mail",
  "print",
  "imprimer",
  "copy",
  "link",
  "copier",
  "le",
  "lien",
  "facebook",
  "twitter",
  "x",
  "linkedin",
  "whatsapp",
  "telegram",
  "reddit",
  "pinterest",
  "flipboard",
  "on",
  "sur",
  "this",
  "article",
  "cet",
  "home",
  "accueil",
  "menu",
  "search",
  "rechercher",
  "recherche",
  "log",
  "in",
  "login",
  "sign",
  "se",
  "connecter",
  "connexion",
  "comments",
  "commentaires",
  "comment",
  "commenter",
]);

/** True for a line that is page furniture rather than article text. */
export function isFurnitureLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === "") return false;
  if (trimmed.length > FURNITURE_MAX_CHARS) return false;
  const folded = normalizeTopicText(trimmed);
  // Also without punctuation, so "Share | Tweet" and "Read more: …" read as words.
  const normalized = folded
    .replace(/[|•·,:;!.]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (normalized === "") return true;
  const words = normalized.split(" ");
  if (words.every((word) => BUTTON_WORDS.has(word) || /^\d+$/.test(word))) return true;
  if (trimmed.length <= PROMO_WORD_MAX_CHARS && PROMO_WORDS.test(normalized)) return true;
  return FURNITURE_PATTERNS.some((pattern) => pattern.test(normalized) || pattern.test(folded));
}

// Elements that hold furniture on real pages, by tag.
const FURNITURE_SELECTORS = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "nav",
  "footer",
  "aside",
  "form",
  "button",
  "dialog",
  "[role=navigation]",
  "[role=banner]",
  "[role=contentinfo]",
  "[aria-hidden=true]",
  "[hidden]",
];

// Class or id words that name furniture ("share-buttons", "newsletter_box", "promo").
const FURNITURE_CLASS_WORDS = new Set([
  "share",
  "sharing",
  "social",
  "promo",
  "promotion",
  "newsletter",
  "subscribe",
  "subscription",
  "cookie",
  "cookies",
  "consent",
  "banner",
  "advert",
  "advertisement",
  "ads",
  "ad",
  "sponsor",
  "sponsored",
  "related",
  "recommended",
  "breadcrumb",
  "breadcrumbs",
  "popup",
  "modal",
  "paywall",
  "nav",
  "navbar",
  "menu",
  "sidebar",
  "footer",
  "comments",
]);

function namesFurniture(value: string | null): boolean {
  if (!value) return false;
  return value
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => FURNITURE_CLASS_WORDS.has(word));
}

// Elements that are the page's frame, never furniture, whatever their class says
// (a real site ships `<html class="… ads-enabled …">`).
const FRAME_TAGS = new Set(["HTML", "HEAD", "BODY", "ARTICLE", "MAIN"]);
// A class name alone never condemns a block holding this much paragraph text:
// promos, share rows and cookie banners are short; an article wrapper is not.
const CLASS_ONLY_MAX_TEXT_CHARS = 600;
// …unless most of that text is links (a related-articles rail, a menu).
const LINK_RAIL_MIN_DENSITY = 0.5;

function textLength(element: Element): number {
  return (element.textContent ?? "").replace(/\s+/g, " ").trim().length;
}

function linkDensity(element: Element): number {
  const total = textLength(element);
  if (total === 0) return 0;
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll("a"))) linked += textLength(link);
  return linked / total;
}

/**
 * The element that holds the article's text: the marked-up article when the page
 * has one, else the element whose own paragraphs carry the most text (how
 * Readability scores candidates, in short). Undefined for an empty page.
 */
export function findMainContent(root: ParentNode): Element | undefined {
  const marked = root.querySelector('[itemprop="articleBody"], article, main, [role="main"]');
  if (marked && textLength(marked) > 0) return marked;
  let best: Element | undefined;
  let bestScore = 0;
  for (const element of Array.from(root.querySelectorAll("div, section, td"))) {
    let score = 0;
    for (const child of Array.from(element.children)) {
      const tag = child.tagName.toUpperCase();
      // A <div> of bare text is a paragraph on sites that use no <p>.
      if (tag === "P" || (tag === "DIV" && child.children.length === 0)) {
        score += textLength(child);
      }
    }
    if (score > bestScore) {
      bestScore = score;
      best = element;
    }
  }
  return best;
}

/**
 * Removes navigation, promos, share buttons, banners and footers from a parsed page
 * or fragment, but never the main content nor anything that contains it. Tags that
 * only ever hold furniture (<nav>, <footer>, <aside>…) go outright; a furniture-like
 * class or id ("share-buttons", "cookie-banner") is only a suspicion, confirmed when
 * the block is short or mostly links.
 */
export function removeFurnitureElements(root: ParentNode): void {
  const main = findMainContent(root);
  const holdsMain = (element: Element) => main !== undefined && element.contains(main);
  for (const element of Array.from(root.querySelectorAll(FURNITURE_SELECTORS.join(",")))) {
    if (FRAME_TAGS.has(element.tagName.toUpperCase()) || holdsMain(element)) continue;
    element.remove();
  }
  for (const element of Array.from(root.querySelectorAll("[class],[id]"))) {
    if (FRAME_TAGS.has(element.tagName.toUpperCase()) || holdsMain(element)) continue;
    if (
      !namesFurniture(element.getAttribute("class")) &&
      !namesFurniture(element.getAttribute("id"))
    ) {
      continue;
    }
    if (
      textLength(element) <= CLASS_ONLY_MAX_TEXT_CHARS ||
      linkDensity(element) >= LINK_RAIL_MIN_DENSITY
    ) {
      element.remove();
    }
  }
}
