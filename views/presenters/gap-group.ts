import type { StudentResult } from '../../calculators/index.js';

/** The gap groups the campus dashboard sorts not-ready students into, closest first. */
export const GAP_GROUPS = [
  'tsi_math_only',
  'tsi_ela_only',
  'ibc_without_pos',
  'no_evidence',
  'other',
] as const;

export type GapGroup = (typeof GAP_GROUPS)[number];

/**
 * The one gap group of a student who is not ready: TSI math only missing (ELA met), TSI ELA
 * only missing (math met), an industry-based certification earned without the program of
 * study it needs (CAR-IBC-POS), no evidence at all, or anything else.
 *
 * @param result - the student's result.
 * @returns the group, or null when the student is ready.
 */
export function classifyGap(result: StudentResult): GapGroup | null {
  if (result.ccmr_met) return null;
  if (result.tsi_ela_met && !result.tsi_math_met) return 'tsi_math_only';
  if (result.tsi_math_met && !result.tsi_ela_met) return 'tsi_ela_only';
  const lines = result.explanations.indicators;
  if (lines.some((line) => line.reason === 'pos_requirement_not_met')) return 'ibc_without_pos';
  if (lines.every((line) => line.reason === 'no_evidence' || line.reason === 'not_a_graduate')) {
    return 'no_evidence';
  }
  return 'other';
}
