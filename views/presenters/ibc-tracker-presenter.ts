import type { Certification } from '../../integrations/certifications/index.js';
import type { DeliveryStatus } from '../../integrations/skyward/index.js';
import type {
  FindingSeverity,
  SubmissionCheck,
  SubmissionReport,
} from '../../integrations/submission-checks/index.js';

/** Where a certification stands for the tracker. */
export type IbcStanding = 'earned' | 'scheduled' | 'pending' | 'not_earned';

/** One certification line of the tracker. */
export interface IbcLine {
  personId: string;
  displayName: string | null;
  ibcCode: string;
  standing: IbcStanding;
  examDate: string | null;
  earnedDate: string | null;
  alignedPosStatus: string;
  delivery: DeliveryStatus['status'] | 'not_queued';
  deliveryCode: string | null;
}

/** One problem the PEIMS submission check found, as the tracker shows it. */
export interface SubmissionLine {
  personId: string;
  displayName: string | null;
  ibcCode: string;
  check: SubmissionCheck;
  severity: FindingSeverity;
}

/** The check before the PEIMS submission of the current school year. */
export interface SubmissionSection {
  /** As the district writes it: 2025–26. */
  schoolYearLabel: string;
  /** Whether the school year has any certification record to check. */
  hasRecords: boolean;
  counts: Record<FindingSeverity, number>;
  lines: SubmissionLine[];
}

/** The fields the IBC tracker shows. */
export interface IbcTrackerModel {
  counts: Record<IbcStanding, number>;
  lines: IbcLine[];
  submission: SubmissionSection;
}

/** TEDS C232 result codes: 01 earned, 02 not earned; anything else is still open. */
function standingOf(certification: Certification, today: string): IbcStanding {
  if (certification.resultCode === '01') return 'earned';
  if (certification.resultCode === '02') return 'not_earned';
  if (certification.examDate && certification.examDate >= today) return 'scheduled';
  return 'pending';
}

/**
 * Chooses what the IBC tracker shows: each certification of a visible student with its
 * standing (earned, exam scheduled, pending, not earned), dates, program-of-study alignment
 * and the Skyward delivery status of its latest change.
 *
 * @param certifications - the visible students' certifications.
 * @param names - display names by person id.
 * @param deliveries - delivery status by certification id.
 * @param today - ISO date that separates scheduled exams from pending results.
 * @param submission - the check of the current school year's records, on the same students.
 * @returns the model.
 */
export function presentIbcTracker(
  certifications: readonly Certification[],
  names: ReadonlyMap<string, string | null>,
  deliveries: ReadonlyMap<string, DeliveryStatus>,
  today: string,
  submission: SubmissionReport,
): IbcTrackerModel {
  const counts: Record<IbcStanding, number> = {
    earned: 0,
    scheduled: 0,
    pending: 0,
    not_earned: 0,
  };
  const lines = certifications.map((c) => {
    const standing = standingOf(c, today);
    counts[standing] += 1;
    const delivery = deliveries.get(c.id);
    return {
      personId: c.personId,
      displayName: names.get(c.personId) ?? null,
      ibcCode: c.ibcCode,
      standing,
      examDate: c.examDate,
      earnedDate: c.earnedDate,
      alignedPosStatus: c.alignedPosStatus,
      delivery: delivery?.status ?? ('not_queued' as const),
      deliveryCode: delivery?.failureCode ?? null,
    };
  });
  lines.sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? ''));
  return { counts, lines, submission: presentSubmission(submission, names) };
}

function presentSubmission(
  report: SubmissionReport,
  names: ReadonlyMap<string, string | null>,
): SubmissionSection {
  const counts: Record<FindingSeverity, number> = { blocking: 0, warning: 0, notice: 0 };
  for (const finding of report.findings) counts[finding.severity] += 1;
  const start = report.schoolYear - 1;
  return {
    schoolYearLabel: `${start}–${String(report.schoolYear).slice(2)}`,
    hasRecords: report.certifications > 0,
    counts,
    lines: report.findings.map((finding) => ({
      personId: finding.personId,
      displayName: names.get(finding.personId) ?? null,
      ibcCode: finding.ibcCode,
      check: finding.check,
      severity: finding.severity,
    })),
  };
}
