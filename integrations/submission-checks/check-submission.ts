import { parametersFor, SUPPORTED_YEARS, type PosStatus } from '../../calculators/index.js';
import { appendAudit, type AuditEvent, type TenantTransaction } from '../../store/index.js';
import { checkCertifications } from './check-certifications.js';
import type {
  CertificationUnderCheck,
  SkywardStanding,
  SubmissionFinding,
} from './submission-finding.js';

/** A submission check's report. */
export interface SubmissionReport {
  schoolYear: number;
  certifications: number;
  findings: SubmissionFinding[];
}

type CheckRow = {
  id: string;
  person_id: string;
  ibc_code: string;
  result_code: string;
  exam_date: string | null;
  earned_date: string | null;
  exam_fee_cents: number | null;
  aligned_pos_status: PosStatus;
  lists: string[];
  is_deleted: boolean;
  outbox_status: string | null;
  failure_reason: string | null;
  accountability_year: number | null;
  is_connected: boolean;
};

/** The POS status each accountability year needs, read once per year. */
function posRequiredFor(year: number | null): PosStatus | null {
  if (year === null || !SUPPORTED_YEARS.includes(year)) return null;
  return parametersFor(year).ibc.pos_required;
}

function standingOf(row: CheckRow): SkywardStanding {
  if (row.outbox_status === null) return row.is_connected ? 'not_queued' : 'not_connected';
  if (!row.is_connected && row.outbox_status === 'pending') return 'not_connected';
  return row.outbox_status as SkywardStanding;
}

/**
 * Runs the PEIMS submission checks on a district's certifications of one school year, with each
 * record's Skyward standing (the outbox line of its latest version) and its student's class
 * requirements (from the stored result). The read is audited under the actor.
 * @param tx the district's transaction.
 * @param actor who asked (CLI operator, or the viewer of the IBC tracker).
 * @param schoolYear the year the school year ends in (2026 = 2025–26).
 * @param now the clock.
 * @param personIds only these students' records (a viewer's scope); all when absent.
 * @returns the findings, blocking first.
 */
export async function checkSubmission(
  tx: TenantTransaction,
  actor: Pick<AuditEvent, 'actorType' | 'actorId' | 'launchId'>,
  schoolYear: number,
  now: Date,
  personIds?: readonly string[],
): Promise<SubmissionReport> {
  const rows = await tx.query<CheckRow>(
    `SELECT c.id, c.person_id, c.ibc_code, c.result_code, c.exam_date::text AS exam_date,
       c.earned_date::text AS earned_date, c.exam_fee_cents, c.aligned_pos_status, c.lists,
       c.deleted_at IS NOT NULL AS is_deleted, o.status AS outbox_status, o.failure_reason,
       r.accountability_year,
       EXISTS (SELECT 1 FROM skyward_connections) AS is_connected
     FROM certifications c
     LEFT JOIN skyward_outbox o ON o.certification_id = c.id AND o.version = c.version
     LEFT JOIN student_results r ON r.person_id = c.person_id
     WHERE c.school_year = $1 AND ($2::uuid[] IS NULL OR c.person_id = ANY ($2::uuid[]))
     ORDER BY c.person_id, c.id`,
    [schoolYear, personIds ?? null],
  );
  const certifications: CertificationUnderCheck[] = rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    ibcCode: row.ibc_code,
    resultCode: row.result_code,
    examDate: row.exam_date,
    earnedDate: row.earned_date,
    examFeeCents: row.exam_fee_cents,
    alignedPosStatus: row.aligned_pos_status,
    lists: row.lists,
    isDeleted: row.is_deleted,
    skyward: standingOf(row),
    skywardReason: row.failure_reason,
    posRequired: posRequiredFor(row.accountability_year),
  }));
  const findings = checkCertifications(certifications, schoolYear);
  await appendAudit(
    tx,
    {
      ...actor,
      action: 'submission.checked',
      resourceType: 'certification',
      resourceId: null,
      detail: {
        schoolYear,
        certifications: certifications.length,
        findings: findings.length,
        students: new Set(certifications.map((certification) => certification.personId)).size,
      },
    },
    now,
  );
  return { schoolYear, certifications: certifications.length, findings };
}
