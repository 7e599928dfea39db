import { noEvidenceFor, outcome, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import { isWithin, type StudentWindow } from '../student-window.js';

const NO_EVIDENCE = noEvidenceFor('CAR-LVL');

/**
 * CAR-LVL: a Level I or Level II certificate awarded from grade 9 through August 31 following
 * graduation ([U] end date).
 *
 * @param record - the §3 record.
 * @param params - the year's parameters (window end).
 * @param window - the student's indicator window.
 * @returns the outcome.
 * @example evaluateLevelCertificate({ level_certificates: [{ level: 'I', award_date: '2024-08-01' }], ... }, p, w).is_met // true for a May 2024 graduate
 */
export function evaluateLevelCertificate(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): Outcome {
  const certificates = record.level_certificates;
  if (certificates === undefined || certificates.length === 0) {
    return NO_EVIDENCE;
  }
  const end = window.endFor(params.windows.level_certificate_end);
  let late: Outcome | null = null;
  for (const certificate of certificates) {
    const evidence = {
      source: 'level_certificates',
      date: certificate.award_date,
      field: 'level',
      value: certificate.level,
      cut: end,
    };
    if (isWithin(certificate.award_date, window.start, end)) {
      return outcome('CAR-LVL', true, 'met', evidence);
    }
    late ??= outcome('CAR-LVL', false, 'outside_window', evidence);
  }
  return late ?? NO_EVIDENCE;
}
