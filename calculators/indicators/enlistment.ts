import { noEvidenceFor, outcome, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import type { StudentWindow } from '../student-window.js';

const NO_EVIDENCE = noEvidenceFor('MIL-ENL');

/**
 * MIL-ENL: enlisted in the U.S. Armed Forces or the Texas National Guard, checked in the order
 * MIL-YEAR (credited this year?), MIL-COMPONENT, MIL-DOC (DD Form 4, or from 2026 a DMDC match
 * or DD Form 4) and MIL-DEADLINE (by December 31 following graduation). The Outcomes Bonus
 * (OB-MIL) applies the same tests.
 *
 * When the year enables it (§4.6, [U], off by default), four years of JROTC plus an AFQT at
 * or above the year's minimum also credits the indicator, under `MIL-JROTC-ASVAB`.
 *
 * @param record - the §3 record.
 * @param params - the year's parameters.
 * @param window - the student's indicator window.
 * @returns the outcome.
 * @example evaluateEnlistment(activeWithDd4, parametersFor(2024), w).is_met // true
 */
export function evaluateEnlistment(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): Outcome {
  const rules = params.military;
  const enlistment = record.enlistment;
  if (enlistment === undefined || enlistment === null) return checkJrotcRoute(record, params);
  const evidence = {
    source: 'enlistment',
    date: enlistment.date,
    field: 'component',
    value: enlistment.component,
    cut: window.december31After,
  };
  if (!rules.credited) return outcome('MIL-YEAR', false, 'not_credited_this_year', evidence);
  if (!rules.components.includes(enlistment.component)) {
    return outcome('MIL-COMPONENT', false, 'component_not_credited', evidence);
  }
  const isDocumented =
    enlistment.dd4_complete || (rules.evidence === 'dmdc_or_dd4' && enlistment.dmdc_match);
  if (!isDocumented) return outcome('MIL-DOC', false, 'documentation_missing', evidence);
  if (enlistment.date > window.december31After) {
    return outcome('MIL-DEADLINE', false, 'outside_window', evidence);
  }
  return outcome('MIL-ENL', true, 'met', evidence);
}

function checkJrotcRoute(record: StudentRecord, params: YearParameters): Outcome {
  const rules = params.military;
  if (!rules.jrotc_asvab_route) return NO_EVIDENCE;
  const years = record.jrotc_years ?? 0;
  const afqt = record.asvab_afqt ?? 0;
  const evidence = { source: 'jrotc_years+asvab_afqt', value: `${years}/${afqt}` };
  return years >= rules.jrotc_years_min && afqt >= rules.asvab_afqt_min
    ? outcome('MIL-JROTC-ASVAB', true, 'met', evidence)
    : outcome('MIL-JROTC-ASVAB', false, 'below_cut', evidence);
}
