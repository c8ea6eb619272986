/**
 * Where a deal stands in a story: announced, completed or abandoned. The same
 * parties and price come back months apart at each stage (Microsoft and
 * Activision, January 2022 and October 2023), and only the verb tells them apart.
 */
export type DealStage = "announced" | "completed" | "abandoned";

// Matched on lowercase text without accents.
const STAGE_PATTERNS: ReadonlyArray<[DealStage, RegExp]> = [
  [
    "announced",
    /\b(to (buy|acquire|take over)|agreed? to (buy|acquire)|will (buy|acquire|take over)|plans to (buy|acquire)|va (racheter|acquerir|reprendre)|annonce le rachat|projette de racheter)\b/,
  ],
  [
    "completed",
    /\b(completes?|completed|closes?|closed|finalise[sd]?|finalize[sd]?|finalise|boucle|a boucle|finalisee?)\b[^.]{0,40}\b(deal|acquisition|takeover|purchase|merger|rachat|acquisition|operation)\b/,
  ],
  [
    "abandoned",
    /\b(abandon(s|ed)?|call(s|ed)? off|scrap(s|ped)?|terminat(e|es|ed)|renonce(nt)?|abandonne(nt)?|jette(nt)? l'eponge)\b/,
  ],
];

function plainText(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function dealStages(text: string): Set<DealStage> {
  const plain = plainText(text);
  const stages = new Set<DealStage>();
  for (const [stage, pattern] of STAGE_PATTERNS) if (pattern.test(plain)) stages.add(stage);
  return stages;
}

/** Both stories say where the deal stands, and they say different things. */
export function isStageConflict(a: ReadonlySet<DealStage>, b: ReadonlySet<DealStage>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const stage of a) if (b.has(stage)) return false;
  return true;
}
