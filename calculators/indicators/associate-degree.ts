import { noEvidenceFor, outcome, type Outcome } from '../outcome.js';
import type { StudentRecord } from '../student-record.js';
import { isWithin, type StudentWindow } from '../student-window.js';

const NO_EVIDENCE = noEvidenceFor('COL-AD');

/**
 * COL-AD: an associate degree conferred from grade 9 through August 31 immediately following
 * high school graduation. The Outcomes Bonus (OB-COL) uses the same deadline.
 *
 * @param record - the §3 record.
 * @param window - the student's indicator window.
 * @returns the outcome.
 * @example evaluateAssociateDegree({ associate_degree_date: '2024-09-10', ... }, w).reason // 'outside_window'
 */
export function evaluateAssociateDegree(record: StudentRecord, window: StudentWindow): Outcome {
  const date = record.associate_degree_date;
  if (date === undefined || date === null) return NO_EVIDENCE;
  const evidence = { source: 'associate_degree_date', date, cut: window.august31After };
  return isWithin(date, window.start, window.august31After)
    ? outcome('COL-AD', true, 'met', evidence)
    : outcome('COL-AD', false, 'outside_window', evidence);
}
