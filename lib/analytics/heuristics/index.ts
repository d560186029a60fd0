/**
 * The heuristic catalogue (PRODUCT.md §4): pure functions over one job's fields, no database. Scores look up
 * severity by id, so ids are stable and unique (heuristics.test.ts enforces both).
 */
import { commandHeuristics } from './command';
import { lolbinHeuristics } from './lolbin';
import { masqueradeHeuristics } from './masquerade';
import { nameHeuristics } from './names';
import { networkHeuristics } from './network';
import { pathHeuristics } from './path';
import { principalHeuristics } from './principal';
import { scheduleHeuristics } from './schedule';
import { stealthHeuristics } from './stealth';
import type { Heuristic, HeuristicHit, HeuristicInput } from './types';

export type { Heuristic, HeuristicExample, HeuristicFamily, HeuristicHit, HeuristicInput, Severity } from './types';
export { exampleInput, toHeuristicInput } from './input';

export const HEURISTICS: Heuristic[] = [
  ...pathHeuristics,
  ...lolbinHeuristics,
  ...commandHeuristics,
  ...networkHeuristics,
  ...principalHeuristics,
  ...stealthHeuristics,
  ...nameHeuristics,
  ...masqueradeHeuristics,
  ...scheduleHeuristics,
];

const BY_ID = new Map(HEURISTICS.map((h) => [h.id, h]));

export function heuristicById(id: string): Heuristic | undefined {
  return BY_ID.get(id);
}

/** All hits for one job, in catalogue order. */
export function evaluateHeuristics(input: HeuristicInput): HeuristicHit[] {
  const hits: HeuristicHit[] = [];
  for (const h of HEURISTICS) {
    if (h.appliesTo && !h.appliesTo.includes(input.family)) continue;
    const hit = h.test(input);
    if (hit) hits.push(hit);
  }
  return hits;
}
