import { noEvidenceFor, outcome, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import { isWithin, type StudentWindow } from '../student-window.js';

const NO_EVIDENCE = noEvidenceFor('COL-ONR');

/**
 * COL-ONR: one OnRamps dual enrollment course completed inside WIN-HS that qualifies for at
 * least 3 hours of college credit.
 *
 * @param record - the §3 record.
 * @param params - the year's parameters.
 * @param window - the student's indicator window.
 * @returns the deciding outcome, or the best course so far.
 * @example evaluateOnRamps({ onramps: [{ completion_date: '2024-05-20', qualified_hours: 3 }], ... }, p, w).is_met // true
 */
export function evaluateOnRamps(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): Outcome {
  const courses = record.onramps;
  if (courses === undefined || courses.length === 0) return NO_EVIDENCE;
  const cut = params.college.onramps_hours_min;
  const end = window.endFor(params.windows.onramps_end);
  let best: Outcome | null = null;
  let bestHours = -1;
  for (const course of courses) {
    const evidence = {
      source: 'onramps',
      date: course.completion_date,
      field: 'qualified_hours',
      value: course.qualified_hours,
      cut,
    };
    const isInside = isWithin(course.completion_date, window.start, end);
    if (isInside && course.qualified_hours >= cut) return outcome('COL-ONR', true, 'met', evidence);
    if (course.qualified_hours > bestHours) {
      bestHours = course.qualified_hours;
      best = outcome('COL-ONR', false, isInside ? 'below_cut' : 'outside_window', evidence);
    }
  }
  return best ?? NO_EVIDENCE;
}
