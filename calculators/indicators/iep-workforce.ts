import { noEvidenceFor, outcome, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';

const NO_EVIDENCE = noEvidenceFor('CAR-IEPWF');

/**
 * CAR-IEPWF: a graduate whose PEIMS C062 graduation type code is 04, 05, 54 or 55 (IEP
 * completed plus workforce readiness). Read from the graduation record, so only graduates.
 *
 * @param record - the §3 record.
 * @param params - the year's parameters (code list).
 * @returns the outcome.
 * @example evaluateIepWorkforce({ graduated: true, graduation_type_code: '54', ... }, p).is_met // true
 */
export function evaluateIepWorkforce(record: StudentRecord, params: YearParameters): Outcome {
  const code = record.graduation_type_code;
  if (!record.graduated) return outcome('CAR-IEPWF', false, 'not_a_graduate');
  if (code === undefined || code === null) return NO_EVIDENCE;
  const evidence = { source: 'graduation_type_code', code };
  return params.sped.iep_workforce_codes.includes(code)
    ? outcome('CAR-IEPWF', true, 'met', evidence)
    : outcome('CAR-IEPWF', false, 'code_not_listed', evidence);
}
