import { noEvidenceFor, outcome, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import { isWithin, type StudentWindow } from '../student-window.js';

const NO_EVIDENCE = noEvidenceFor('COL-DC');

/**
 * COL-DC: counting only courses completed with credit inside WIN-HS, ELA hours ≥ 3, or math
 * hours ≥ 3, or total hours ≥ 9. A-DC-1 [U]: ELA and math hours are not added together toward
 * 3 unless the district's parameters say so. Summer courses after graduation fall outside the
 * window (§9.11).
 *
 * @param record - the §3 record.
 * @param params - the year's parameters.
 * @param window - the student's indicator window.
 * @returns the outcome; its evidence holds the hours counted.
 * @example evaluateDualCredit(twoElaTwoMathFourOther, p, w).is_met // false (8 hours, not pooled)
 */
export function evaluateDualCredit(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): Outcome {
  const courses = record.dual_credit_courses;
  if (courses === undefined || courses.length === 0) return NO_EVIDENCE;
  const rules = params.college;
  const end = window.endFor(params.windows.dual_credit_end);
  let ela = 0;
  let math = 0;
  let total = 0;
  let last = '';
  for (const course of courses) {
    if (!course.credit_earned || !isWithin(course.completion_date, window.start, end)) {
      continue;
    }
    if (course.subject === 'ELA') ela += course.hours;
    else if (course.subject === 'MATH') math += course.hours;
    total += course.hours;
    if (course.completion_date > last) last = course.completion_date;
  }
  const isMet =
    ela >= rules.dual_credit_ela_hours_min ||
    math >= rules.dual_credit_math_hours_min ||
    (rules.dual_credit_pool_ela_math && ela + math >= rules.dual_credit_ela_hours_min) ||
    total >= rules.dual_credit_total_hours_min;
  const evidence = {
    source: 'dual_credit_courses',
    date: last || undefined,
    field: 'ela/math/total_hours',
    value: `${ela}/${math}/${total}`,
    cut: `${rules.dual_credit_ela_hours_min}/${rules.dual_credit_math_hours_min}/${rules.dual_credit_total_hours_min}`,
  };
  if (isMet) return outcome('COL-DC', true, 'met', evidence);
  return outcome(
    total === 0 ? 'COL-DC' : 'A-DC-1',
    false,
    total === 0 ? 'not_earned' : 'below_cut',
    evidence,
  );
}
