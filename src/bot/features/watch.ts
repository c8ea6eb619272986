import { Composer } from "grammy";
import { type Reader, reactivateReader } from "../../readers/reader.js";
import { parseTerms } from "../../watchlist/match.js";
import { describeTerms } from "../../watchlist/reader-terms.js";
import { addTerms, removeTerms, type TermListKind, termsOf } from "../../watchlist/term-list.js";
import type { Context } from "../context.js";
import { updateReader } from "../helpers/reader.js";
import { describeProblems, listedTerms, TERM_LIMITS } from "../helpers/terms.js";
import { createTermsKeyboard, listOfCode, termKey, termRemoveButton } from "../keyboards/terms.js";

const OTHER: Record<TermListKind, TermListKind> = { watch: "mute", mute: "watch" };

/** The list with a remove button per term, or how to start one. */
function listView(ctx: Context, kind: TermListKind) {
  const terms = listedTerms(ctx, kind);
  if (terms.length === 0) return { text: ctx.t(`${kind}-list-empty`), keyboard: undefined };
  return {
    text: ctx.t(`${kind}-list-title`, {
      count: terms.length,
      max: TERM_LIMITS.max,
      terms: describeTerms(terms),
    }),
    keyboard: createTermsKeyboard(ctx.t, kind, terms),
  };
}

/**
 * Reads the arguments into terms, or answers why it cannot: one refused term refuses
 * the whole command, so a typo never half-applies.
 */
async function readTerms(ctx: Context, args: string): Promise<string[] | undefined> {
  const { terms, problems } = parseTerms(args);
  if (problems.length > 0) {
    await ctx.reply(`${describeProblems(ctx, problems)}\n${ctx.t("term-nothing-changed")}`);
    return undefined;
  }
  if (terms.length === 0) {
    await ctx.reply(ctx.t("term-none"));
    return undefined;
  }
  return terms;
}

async function addToList(ctx: Context, kind: TermListKind, terms: string[]): Promise<void> {
  const now = ctx.deps.clock.now();
  let outcome: ReturnType<typeof addTerms> | undefined;
  let leftOther: string[] = [];
  await updateReader(ctx, (current) => {
    // Watching brings pushes back after /stop, as following a topic does.
    const reader = kind === "watch" ? reactivateReader(current, now) : current;
    outcome = addTerms(reader[kind], terms, now);
    if (outcome.full) return current;
    // A term is watched or muted, not both: the latest word wins.
    const other = removeTerms(reader[OTHER[kind]], outcome.added);
    leftOther = other.removed;
    return { ...reader, [kind]: outcome.list, [OTHER[kind]]: other.list } as Reader;
  });
  if (!outcome) return;
  if (outcome.full) {
    const count = termsOf(ctx.reader?.[kind]).length;
    await ctx.reply(ctx.t(`${kind}-full`, { max: TERM_LIMITS.max, count }));
    return;
  }
  const lines: string[] = [];
  if (outcome.added.length > 0) {
    lines.push(ctx.t(`${kind}-added`, { terms: describeTerms(outcome.added) }));
  }
  if (leftOther.length > 0) {
    lines.push(ctx.t(`${kind}-left-${OTHER[kind]}`, { terms: describeTerms(leftOther) }));
  }
  if (outcome.already.length > 0) {
    lines.push(ctx.t(`${kind}-already`, { terms: describeTerms(outcome.already) }));
  }
  await ctx.reply(lines.join("\n"));
}

async function removeFromList(ctx: Context, kind: TermListKind, terms: string[]): Promise<void> {
  let outcome: ReturnType<typeof removeTerms> | undefined;
  if (ctx.reader) {
    await updateReader(ctx, (reader) => {
      outcome = removeTerms(reader[kind], terms);
      return outcome.removed.length > 0 ? { ...reader, [kind]: outcome.list } : reader;
    });
  }
  const removed = outcome?.removed ?? [];
  const missing = outcome?.missing ?? terms;
  const lines: string[] = [];
  if (removed.length > 0) lines.push(ctx.t(`un${kind}-done`, { terms: describeTerms(removed) }));
  if (missing.length > 0) {
    lines.push(ctx.t(`un${kind}-missing`, { terms: describeTerms(missing) }));
  }
  await ctx.reply(lines.join("\n"));
}

const composer = new Composer<Context>();
// In groups the list is the group's; group-admins.ts lets only its administrators change it.
const feature = composer.chatType(["private", "group", "supergroup"]);

for (const kind of ["watch", "mute"] as const) {
  feature.command(kind, async (ctx) => {
    const args = ctx.match.trim();
    if (args === "") {
      const view = listView(ctx, kind);
      await ctx.reply(view.text, view.keyboard ? { reply_markup: view.keyboard } : {});
      return;
    }
    const terms = await readTerms(ctx, args);
    if (terms) await addToList(ctx, kind, terms);
  });

  feature.command(`un${kind}`, async (ctx) => {
    const args = ctx.match.trim();
    if (args === "") {
      const listed = describeTerms(listedTerms(ctx, kind)) || "—";
      await ctx.reply(ctx.t(`un${kind}-usage`, { terms: listed }));
      return;
    }
    const terms = await readTerms(ctx, args);
    if (terms) await removeFromList(ctx, kind, terms);
  });
}

feature.callbackQuery(termRemoveButton.filter, async (ctx) => {
  const data = termRemoveButton.unpack(ctx.callbackQuery.data);
  const kind = listOfCode(data?.list);
  const term = kind && listedTerms(ctx, kind).find((listed) => termKey(listed) === data?.key);
  if (!kind || !term || !ctx.reader) {
    await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
    return;
  }
  await updateReader(ctx, (reader) => ({
    ...reader,
    [kind]: removeTerms(reader[kind], [term]).list,
  }));
  await ctx.answerCallbackQuery({ text: ctx.t("term-removed", { term: describeTerms([term]) }) });
  // Same message, one button fewer: the list is edited in place.
  const view = listView(ctx, kind);
  await ctx.editMessageText(view.text, view.keyboard ? { reply_markup: view.keyboard } : {});
});

export { composer as watchFeature };
