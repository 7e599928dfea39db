import type { WhatIfResult, WhatIfSnapshot } from '../../calculators/index.js';
import type { StudentRow } from '../sources/student-rows.js';
import { WHAT_IF_SCENARIOS, type WhatIfScenario } from './what-if-scenarios.js';

/** A student the planner offers, not yet ready. */
export interface WhatIfChoice {
  personId: string;
  displayName: string | null;
  isChosen: boolean;
}

/** The fields the what-if planner shows. */
export interface WhatIfModel {
  campusOrgId: string;
  graduationYear: number | null;
  choices: WhatIfChoice[];
  scenarios: Array<{ scenario: WhatIfScenario; isChosen: boolean }>;
  outcome: {
    before: WhatIfSnapshot;
    after: WhatIfSnapshot;
    delta: WhatIfResult['delta'];
    changed: Array<{
      displayName: string | null;
      becomesReady: boolean;
      becomesBonusReady: boolean;
    }>;
  } | null;
}

/**
 * Chooses what the planner shows: the form (students not yet ready, scenarios) and, after a
 * submission, the rate, component and bonus before and after, and which chosen students change.
 *
 * @param campusOrgId - the campus.
 * @param graduationYear - the class planned for.
 * @param candidates - visible students not yet ready, with names.
 * @param chosen - the students and scenario submitted, if any.
 * @param result - the what-if result, if computed.
 * @returns the model.
 */
export function presentWhatIf(
  campusOrgId: string,
  graduationYear: number | null,
  candidates: readonly StudentRow[],
  chosen: { personIds: readonly string[]; scenario: WhatIfScenario } | null,
  result: WhatIfResult | null,
): WhatIfModel {
  const names = new Map(candidates.map((row) => [row.personId, row.displayName]));
  return {
    campusOrgId,
    graduationYear,
    choices: candidates.map((row) => ({
      personId: row.personId,
      displayName: row.displayName,
      isChosen: chosen?.personIds.includes(row.personId) ?? false,
    })),
    scenarios: WHAT_IF_SCENARIOS.map((scenario) => ({
      scenario,
      isChosen: (chosen?.scenario ?? 'tsi_math') === scenario,
    })),
    outcome: result && {
      before: result.before,
      after: result.after,
      delta: result.delta,
      changed: result.changed.map((c) => ({
        displayName: names.get(c.student_id) ?? null,
        becomesReady: !c.ccmr_met[0] && c.ccmr_met[1],
        becomesBonusReady: !c.ob_eligible[0] && c.ob_eligible[1],
      })),
    },
  };
}
