import { outcome, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import type { ObCategory, ObCohort, StudentOutcomesBonus } from '../student-result.js';
import { isWithin, type StudentWindow } from '../student-window.js';
import { isOnValidList } from '../indicators/ibc.js';

// Shared, frozen answers for the common cases: one object serves every student (results are
// read-only), which keeps this per-student step free of allocations in most cases.
const NO_ENLISTMENT: Outcome = Object.freeze(outcome('OB-MIL', false, 'no_evidence'));
const NO_CREDENTIAL: Outcome = Object.freeze(outcome('OB-CAR', false, 'no_evidence'));
const ENROLLED = Object.freeze({ source: 'ps_enrolled_by_10th_day_fall', value: true });
const NOT_ENROLLED = Object.freeze({ source: 'ps_enrolled_by_10th_day_fall', value: false });
const COLLEGE_MET: Outcome = Object.freeze(outcome('OB-COL', true, 'met', ENROLLED));
const COLLEGE_NOT_ENROLLED: Outcome = Object.freeze(
  outcome('OB-COL', false, 'not_enrolled', NOT_ENROLLED),
);
const NOT_A_GRADUATE: Outcome = Object.freeze(outcome('OB-ELIG', false, 'not_a_graduate'));
const NO_BONUS: StudentOutcomesBonus = Object.freeze({
  eligible: false,
  category: Object.freeze([]) as unknown as ObCategory[],
  cohorts: Object.freeze([]) as unknown as ObCohort[],
  amount: 0,
});
const COHORTS: ReadonlyArray<ObCohort[]> = [
  ['NONED'],
  ['ED'],
  ['NONED', 'SPED'],
  ['ED', 'SPED'],
].map((cohorts) => Object.freeze(cohorts) as ObCohort[]);
const CATEGORIES: ReadonlyArray<ObCategory[]> = Array.from(
  { length: 8 },
  (_, mask) =>
    Object.freeze(
      (['college', 'career', 'military'] as const).filter((_, bit) => (mask & (1 << bit)) !== 0),
    ) as ObCategory[],
);

/** The accountability outcomes the Outcomes Bonus reuses. */
export interface ObInputs {
  ela: Outcome;
  math: Outcome;
  associateDegree: Outcome;
  enlistment: Outcome;
}

/**
 * A student's Outcomes Bonus standing (ccmr-rules.md §5): OB-ELIG, OB-COHORT, OB-TSI, OB-COL,
 * OB-CAR, OB-MIL and the per-student potential amount of OB-AMT.
 *
 * @param record - the §3 record.
 * @param params - the year's parameters (awards).
 * @param window - the student's window (August 31 and December 31 deadlines).
 * @param inputs - accountability outcomes computed already.
 * @param reasons - receives one outcome per OB route, for the explanations.
 * @returns the standing; a non-graduate has no cohort and no amount.
 * @example evaluateStudentOutcomesBonus(edSpedEnlisted, p, w, inputs, []).amount // 7000
 */
export function evaluateStudentOutcomesBonus(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
  inputs: ObInputs,
  reasons: Outcome[],
): StudentOutcomesBonus {
  if (!record.graduated) {
    reasons.push(NOT_A_GRADUATE);
    return NO_BONUS;
  }
  const isEd = record.econ_disadv === true;
  const isSped = record.sped_in_graduation_year === true;

  const isTsiMet = isAssessmentPass(inputs.ela) && isAssessmentPass(inputs.math);
  const college = checkCollege(record, isTsiMet, inputs);
  const career = checkCareer(record, params, window, isTsiMet, inputs);
  // OB-MIL applies the accountability enlistment tests; the JROTC route is not in §48.110.
  const isJrotcRoute = inputs.enlistment.rule_id === 'MIL-JROTC-ASVAB';
  const military = isJrotcRoute ? NO_ENLISTMENT : relabel(inputs.enlistment, 'OB-MIL');
  reasons.push(college, career, military);
  const mask = (college.is_met ? 1 : 0) | (career.is_met ? 2 : 0) | (military.is_met ? 4 : 0);

  const eligible = mask !== 0;
  const awards = params.outcomes_bonus.awards_usd;
  const amount = eligible ? (isEd ? awards.ED : awards.NONED) + (isSped ? awards.SPED : 0) : 0;
  const cohorts = COHORTS[(isEd ? 1 : 0) | (isSped ? 2 : 0)];
  return { eligible, category: CATEGORIES[mask], cohorts, amount };
}

/** OB-TSI: met on an assessment; a college prep course is not an assessment. */
function isAssessmentPass(subject: Outcome): boolean {
  return subject.is_met && subject.rule_id !== 'TSI-CPC';
}

/** OB-COL: (OB-TSI and enrolled by the 10th day of fall) or an associate degree by August 31. */
function checkCollege(record: StudentRecord, isTsiMet: boolean, inputs: ObInputs): Outcome {
  if (inputs.associateDegree.is_met) return relabel(inputs.associateDegree, 'OB-COL');
  if (!isTsiMet) return explainTsiGap(inputs);
  return record.ps_enrolled_by_10th_day_fall === true ? COLLEGE_MET : COLLEGE_NOT_ENROLLED;
}

/** OB-CAR: OB-TSI and an IBC (any TEA list, no POS) or a Level I/II certificate by August 31. */
function checkCareer(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
  isTsiMet: boolean,
  inputs: ObInputs,
): Outcome {
  if (!isTsiMet) return explainTsiGap(inputs);
  // The OB deadline is August 31 by rule text, whatever window accountability uses.
  for (const certificate of record.level_certificates ?? []) {
    if (isWithin(certificate.award_date, window.start, window.august31After)) {
      return outcome('OB-CAR', true, 'met', {
        source: 'level_certificates',
        date: certificate.award_date,
        field: 'level',
        value: certificate.level,
      });
    }
  }
  for (const ibc of record.ibc_earned ?? []) {
    if (ibc.result_code !== '01') continue;
    if (!isWithin(ibc.earned_date, window.start, window.august31After)) continue;
    // Any TEA list, not the year's allowed lists [U]; the sunset and effective dates still apply.
    if (!isOnValidList(ibc, ibc.lists, params)) continue;
    return outcome('OB-CAR', true, 'met', {
      source: 'ibc_earned',
      code: ibc.code,
      date: ibc.earned_date,
    });
  }
  return NO_CREDENTIAL;
}

/** OB-TSI not met: the subject that fell short, or a college prep course standing in for a test. */
function explainTsiGap(inputs: ObInputs): Outcome {
  const subject = isAssessmentPass(inputs.ela) ? inputs.math : inputs.ela;
  const reason = subject.is_met ? 'course_not_assessment' : subject.reason;
  return outcome('OB-TSI', false, reason, subject.evidence);
}

function relabel(source: Outcome, rule_id: string): Outcome {
  return source.is_met ? outcome(rule_id, true, 'met', source.evidence) : source;
}
