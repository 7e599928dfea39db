import type { HypotheticalEvidence } from '../../calculators/index.js';

/** The hypothetical evidence a planner can try, each a single well-defined §3 addition. */
export const WHAT_IF_SCENARIOS = [
  'tsi_math',
  'tsi_ela',
  'tsi_both',
  'dual_credit_ela',
  'ibc_completer',
] as const;

export type WhatIfScenario = (typeof WHAT_IF_SCENARIOS)[number];

/**
 * The §3 evidence a scenario adds, dated on `today` so it falls inside the student's window:
 * an SAT at the TSI benchmarks (EBRW 480, math 530; TSI-SAT), a 3-hour ELA dual credit course
 * (COL-DC), or a certification on the current list earned as a program-of-study completer
 * (CAR-IBC, CAR-IBC-POS).
 *
 * @param scenario - the scenario chosen.
 * @param today - ISO date of the hypothetical evidence.
 * @returns the evidence to add.
 */
export function evidenceFor(scenario: WhatIfScenario, today: string): HypotheticalEvidence {
  switch (scenario) {
    case 'tsi_math':
      return { sat: [{ date: today, math: 530 }] };
    case 'tsi_ela':
      return { sat: [{ date: today, ebrw: 480 }] };
    case 'tsi_both':
      return { sat: [{ date: today, ebrw: 480, math: 530 }] };
    case 'dual_credit_ela':
      return {
        dual_credit_courses: [
          { subject: 'ELA', hours: 3, credit_earned: true, completion_date: today },
        ],
      };
    case 'ibc_completer':
      return {
        ibc_earned: [
          {
            code: 'WHATIF-IBC',
            lists: ['2022-2025', '2025-2030'],
            earned_date: today,
            result_code: '01',
            aligned_pos_status: 'completer',
          },
        ],
      };
  }
}
