import { noEvidenceFor, outcome, type Evidence, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { ExamScore, StudentRecord } from '../student-record.js';
import { isWithin, type StudentWindow } from '../student-window.js';

const NO_EVIDENCE = noEvidenceFor('COL-APIB');

/**
 * COL-APIB: one AP exam score ≥ 3 or one IB exam score ≥ 4, any subject, taken inside WIN-HS
 * (from grade 9 through the graduation date; a score after graduation does not count, §9.11).
 *
 * @param record - the §3 record.
 * @param params - the year's parameters.
 * @param window - the student's indicator window.
 * @returns the deciding outcome, or the best score so far.
 * @example evaluateApIb({ ib_exams: [{ date: '2024-05-06', subject: 'IB History HL', score: 4 }], ... }, p, w).is_met // true
 */
export function evaluateApIb(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): Outcome {
  const end = window.endFor(params.windows.ap_ib_end);
  const ap = findExam(record.ap_exams, params.college.ap_min_score, window, end, 'ap_exams');
  if (ap.is_met) return ap;
  const ib = findExam(record.ib_exams, params.college.ib_min_score, window, end, 'ib_exams');
  if (ib.is_met) return ib;
  // Neither counts: show an in-window score below the cut before anything else.
  return ap.reason === 'below_cut' || ib.evidence === null ? ap : ib;
}

function findExam(
  exams: ExamScore[] | undefined,
  cut: number,
  window: StudentWindow,
  end: string,
  source: string,
): Outcome {
  if (exams === undefined || exams.length === 0) return NO_EVIDENCE;
  let best: Outcome | null = null;
  let bestScore = -1;
  for (const exam of exams) {
    const evidence: Evidence = {
      source,
      date: exam.date,
      subject: exam.subject,
      field: 'score',
      value: exam.score,
      cut,
    };
    const isInside = isWithin(exam.date, window.start, end);
    if (isInside && exam.score >= cut) return outcome('COL-APIB', true, 'met', evidence);
    if (exam.score > bestScore) {
      bestScore = exam.score;
      best = outcome('COL-APIB', false, isInside ? 'below_cut' : 'outside_window', evidence);
    }
  }
  return best ?? NO_EVIDENCE;
}
