import { isPosReached } from '../../calculators/index.js';
import {
  SEVERITY_OF,
  type CertificationUnderCheck,
  type SubmissionCheck,
  type SubmissionFinding,
} from './submission-finding.js';

/** PEIMS result code (E1733) of an earned certification. */
const EARNED = '01';

/** From 2025–26 on, IBCs earned June 1 to August 31 go in the Extended Year submission. */
const FIRST_EXTENDED_YEAR_SCHOOL_YEAR = 2026;

/** The first exams of a student in a school year whose fee the state reimburses. */
const REIMBURSED_EXAMS_PER_STUDENT = 2;

const SEVERITY_ORDER = { blocking: 0, warning: 1, notice: 2 } as const;

function isSummer(date: string): boolean {
  const month = Number(date.slice(5, 7));
  return month >= 6 && month <= 8;
}

/** The certifications of one student in exam order: the first ones are the reimbursed ones. */
function byExamOrder(a: CertificationUnderCheck, b: CertificationUnderCheck): number {
  return (a.examDate ?? '9999').localeCompare(b.examDate ?? '9999');
}

/**
 * Checks a school year's certifications the way a PEIMS coordinator would before submitting:
 * every current record acknowledged by Skyward and every removal too; codes on a TEA IBC list;
 * earned IBCs with the aligned program-of-study status the student's class needs; an exam fee on
 * each student's first two exams; summer IBCs flagged for the Extended Year submission.
 * @param certifications the year's records, deleted ones included (their removal must reach
 *   Skyward), in any order.
 * @param schoolYear the year the school year ends in (2026 = 2025–26).
 * @returns the findings, blocking first, then by student and code.
 */
export function checkCertifications(
  certifications: readonly CertificationUnderCheck[],
  schoolYear: number,
): SubmissionFinding[] {
  const findings: SubmissionFinding[] = [];
  const add = (
    check: SubmissionCheck,
    certification: CertificationUnderCheck,
    detail: SubmissionFinding['detail'] = {},
  ) =>
    findings.push({
      check,
      severity: SEVERITY_OF[check],
      certificationId: certification.id,
      personId: certification.personId,
      ibcCode: certification.ibcCode,
      detail,
    });

  for (const certification of certifications) {
    const skyward = { skyward: certification.skyward, reason: certification.skywardReason };
    if (certification.isDeleted) {
      // A record never sent needs no removal; one sent and not yet removed does.
      if (!['acknowledged', 'superseded', 'not_queued'].includes(certification.skyward)) {
        add('ibc_removal_not_in_skyward', certification, skyward);
      }
      continue;
    }
    if (certification.skyward !== 'acknowledged') add('ibc_not_in_skyward', certification, skyward);
    const isEarned = certification.resultCode === EARNED;
    if (isEarned && certification.lists.length === 0) add('ibc_not_on_tea_list', certification);
    if (
      isEarned &&
      certification.lists.length > 0 &&
      certification.posRequired !== null &&
      !isPosReached(certification.alignedPosStatus, certification.posRequired)
    ) {
      add('ibc_pos_short', certification, {
        reached: certification.alignedPosStatus,
        required: certification.posRequired,
      });
    }
    if (
      isEarned &&
      schoolYear >= FIRST_EXTENDED_YEAR_SCHOOL_YEAR &&
      certification.earnedDate !== null &&
      isSummer(certification.earnedDate)
    ) {
      add('ibc_summer_extended_year', certification, { earnedDate: certification.earnedDate });
    }
  }

  const byStudent = new Map<string, CertificationUnderCheck[]>();
  for (const certification of certifications) {
    if (certification.isDeleted) continue;
    const own = byStudent.get(certification.personId) ?? [];
    own.push(certification);
    byStudent.set(certification.personId, own);
  }
  for (const own of byStudent.values()) {
    for (const certification of [...own].sort(byExamOrder).slice(0, REIMBURSED_EXAMS_PER_STUDENT)) {
      if (!certification.examFeeCents) add('ibc_exam_fee_missing', certification);
    }
  }

  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.personId.localeCompare(b.personId) ||
      a.ibcCode.localeCompare(b.ibcCode) ||
      a.check.localeCompare(b.check),
  );
}
