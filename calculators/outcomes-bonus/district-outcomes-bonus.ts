import { roundCount } from '../aggregation/rounding.js';
import type { CountRounding, YearParameters } from '../parameters/year-parameters.js';
import type { ObCohort, StudentResult } from '../student-result.js';

/** Annual graduates and OB-ready graduates of one cohort. */
export interface CohortCount {
  /** N: annual graduates in the cohort. */
  graduates: number;
  /** OB-ready graduates in the cohort. */
  ready: number;
}

/** The bonus of one cohort (OB-CALC). */
export interface CohortBonus {
  N: number;
  ready: number;
  min_count: number;
  above: number;
  bonus: number;
}

/** A district's Outcomes Bonus (OB-CALC). */
export interface DistrictOutcomesBonus {
  ED: CohortBonus;
  NONED: CohortBonus;
  SPED: CohortBonus;
  /** Sum of the three cohort bonuses, in dollars. */
  total: number;
}

const COHORTS: readonly ObCohort[] = ['ED', 'NONED', 'SPED'];

/**
 * The district Outcomes Bonus (TEC §48.110; ccmr-rules.md §5: OB-THRESH, OB-MIN, OB-AMT,
 * OB-CALC). For each cohort the minimum is N × threshold rounded up (or down, by option), and
 * each OB-ready graduate above the minimum earns the cohort's award.
 *
 * Limitation: this is the final-count method. TEA's preliminary listings, which use a two-year
 * average of each district's college enrolment, are not modelled.
 *
 * @param counts - per cohort, graduates and OB-ready graduates.
 * @param params - the year's parameters (thresholds, awards, rounding).
 * @param rounding - overrides the year's OB-MIN rounding.
 * @returns per-cohort figures and the total.
 * @example computeOutcomesBonus({ ED: { graduates: 100, ready: 20 }, NONED: { graduates: 50, ready: 15 }, SPED: { graduates: 12, ready: 4 } }, p).total // 62000
 */
export function computeOutcomesBonus(
  counts: Record<ObCohort, CohortCount>,
  params: YearParameters,
  rounding?: CountRounding,
): DistrictOutcomesBonus {
  const rules = params.outcomes_bonus;
  const mode = rounding ?? rules.min_count_rounding;
  const result = { total: 0 } as DistrictOutcomesBonus;
  for (const cohort of COHORTS) {
    const { graduates, ready } = counts[cohort];
    const minCount = roundCount(graduates * rules.thresholds[cohort], mode);
    const above = Math.max(0, ready - minCount);
    const bonus = above * rules.awards_usd[cohort];
    result[cohort] = { N: graduates, ready, min_count: minCount, above, bonus };
    result.total += bonus;
  }
  return result;
}

/**
 * Counts graduates and OB-ready graduates per cohort from student results (OB-COHORT: a SPED
 * graduate counts in ED or NONED and in SPED).
 *
 * @param results - evaluated students; non-graduates have no cohort and are skipped.
 * @returns the counts {@link computeOutcomesBonus} takes.
 */
export function countOutcomesBonusCohorts(
  results: Iterable<Pick<StudentResult, 'outcomes_bonus'>>,
): Record<ObCohort, CohortCount> {
  const counts: Record<ObCohort, CohortCount> = {
    ED: { graduates: 0, ready: 0 },
    NONED: { graduates: 0, ready: 0 },
    SPED: { graduates: 0, ready: 0 },
  };
  for (const { outcomes_bonus: ob } of results) {
    for (const cohort of ob.cohorts) {
      counts[cohort].graduates += 1;
      if (ob.eligible) counts[cohort].ready += 1;
    }
  }
  return counts;
}
