import { noEvidenceFor, outcome, type Outcome } from '../outcome.js';
import type { StudentRecord } from '../student-record.js';
import { isWithin, type StudentWindow } from '../student-window.js';

const NO_EVIDENCE = noEvidenceFor('CAR-LVL');

/**
 * CAR-LVL: a Level I or Level II certificate awarded from grade 9 through August 31 following
 * graduation ([U] end date).
 *
 * @param record - the §3 record.
 * @param window - the student's indicator window.
 * @returns the outcome.
 * @example evaluateLevelCertificate({ level_certificates: [{ level: 'I', award_date: '2024-08-01' }], ... }, w).is_met // true for a May 2024 graduate
 */
export function evaluateLevelCertificate(record: StudentRecord, window: StudentWindow): Outcome {
  const certificates = record.level_certificates;
  if (certificates === undefined || certificates.length === 0) {
    return NO_EVIDENCE;
  }
  let late: Outcome | null = null;
  for (const certificate of certificates) {
    const evidence = {
      source: 'level_certificates',
      date: certificate.award_date,
      field: 'level',
      value: certificate.level,
      cut: window.august31After,
    };
    if (isWithin(certificate.award_date, window.start, window.august31After)) {
      return outcome('CAR-LVL', true, 'met', evidence);
    }
    late ??= outcome('CAR-LVL', false, 'outside_window', evidence);
  }
  return late ?? NO_EVIDENCE;
}
