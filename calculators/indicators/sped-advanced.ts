import { noEvidenceFor, outcome, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';

const NO_EVIDENCE = noEvidenceFor('CAR-SPEDADV');

/**
 * CAR-SPEDADV: a graduate receiving special education services in the graduation year whose
 * plan is RHSP, DAP, FHSP-E or FHSP-DLA. A former special education student or plain FHSP
 * does not qualify.
 *
 * @param record - the §3 record.
 * @param params - the year's parameters (plan list).
 * @returns the outcome.
 * @example evaluateSpedAdvanced({ graduated: true, sped_in_graduation_year: true, graduation_plan: 'FHSP-E', ... }, p).is_met // true
 */
export function evaluateSpedAdvanced(record: StudentRecord, params: YearParameters): Outcome {
  if (!record.graduated) return outcome('CAR-SPEDADV', false, 'not_a_graduate');
  if (record.sped_in_graduation_year !== true) return NO_EVIDENCE;
  const plan = record.graduation_plan ?? null;
  const evidence = { source: 'graduation_plan', value: plan ?? 'none' };
  return plan !== null && params.sped.advanced_plans.includes(plan)
    ? outcome('CAR-SPEDADV', true, 'met', evidence)
    : outcome('CAR-SPEDADV', false, 'plan_not_listed', evidence);
}
