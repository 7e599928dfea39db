import { outcome, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import type { ClosestScore } from './closest-score.js';

/**
 * TSI-CPC: a college preparatory course in the subject, completed with credit, in a grade the
 * year allows (TSI-CPC-YEAR) and, when the year requires it, from an approved provider
 * (TSI-CPC-PROVIDER). Courses carry no date, so no window applies.
 *
 * @param record - the §3 record.
 * @param params - the year's parameters.
 * @param subject - `ELA` or `MATH`.
 * @param closest - receives a course that did not count, so its reason can be shown.
 * @returns a met outcome, or `null` when no course counts.
 * @example checkCollegePrep(rec, parametersFor(2027), 'MATH') // null for a grade-11 course
 */
export function checkCollegePrep(
  record: StudentRecord,
  params: YearParameters,
  subject: 'ELA' | 'MATH',
  closest?: ClosestScore,
): Outcome | null {
  const courses = record.college_prep;
  if (courses === undefined) return null;
  const rules = params.college_prep;
  for (const course of courses) {
    if (course.subject !== subject || !course.completed_with_credit) continue;
    const evidence = {
      source: 'college_prep',
      subject,
      field: 'grade_level',
      value: course.grade_level,
    };
    if (!rules.allowed_grade_levels.includes(course.grade_level)) {
      closest?.offer('TSI-CPC-YEAR', 0, evidence, 'grade_level_not_allowed');
    } else if (rules.approved_provider_required && course.approved_provider !== true) {
      closest?.offer('TSI-CPC-PROVIDER', 0, evidence, 'provider_not_approved');
    } else {
      return outcome('TSI-CPC', true, 'met', evidence);
    }
  }
  return null;
}
