import { createHash } from "node:crypto";
import { InlineKeyboard } from "grammy";
import type { Translate } from "../../briefs/render.js";
import { displayTerm } from "../../watchlist/match.js";
import type { TermListKind } from "../../watchlist/term-list.js";
import { createCallbackData } from "../helpers/callback-data.js";

/**
 * A remove button: "term-rm:<w|m>:<key>". A term can hold 60 letters of any script
 * (180 bytes), more than callback data takes, so the button carries a short digest
 * of it; a stale tap finds no term with that digest and changes nothing.
 */
export const termRemoveButton = createCallbackData("term-rm", ["list", "key"]);
const TERMS_PER_ROW = 2;
const KEY_LENGTH = 12; // base64url characters: 72 bits, no collision within 50 terms

export const LIST_CODES: Readonly<Record<TermListKind, string>> = { watch: "w", mute: "m" };

export function listOfCode(code: string | undefined): TermListKind | undefined {
  if (code === LIST_CODES.watch) return "watch";
  if (code === LIST_CODES.mute) return "mute";
  return undefined;
}

export function termKey(term: string): string {
  return createHash("sha256").update(term).digest("base64url").slice(0, KEY_LENGTH);
}

/** One ✖ button per term, two a row. */
export function createTermsKeyboard(
  t: Translate,
  kind: TermListKind,
  terms: readonly string[],
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  terms.forEach((term, index) => {
    keyboard.text(
      t("term-remove-button", { term: displayTerm(term) }),
      termRemoveButton.pack({ list: LIST_CODES[kind], key: termKey(term) }),
    );
    if ((index + 1) % TERMS_PER_ROW === 0 && index + 1 < terms.length) keyboard.row();
  });
  return keyboard;
}
