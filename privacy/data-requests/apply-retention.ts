import type { PrivacyContext } from '../privacy-context.js';
import { loadContractParameters } from '../contract-parameters.js';
import { deleteStudent } from './delete-student.js';

/** What a retention run did. */
export interface RetentionOutcome {
  /** False when the district has not set `withdrawn_student_grace_days`: nothing is deleted. */
  isGraceSet: boolean;
  deletedStudentIds: string[];
}

const DAY_MS = 86_400_000;

/**
 * Deletes students the roster marked as withdrawn (OneRoster `tobedeleted`, `deleted_at` set)
 * longer ago than the district's `withdrawn_student_grace_days` (privacy-checklist.md R8), each
 * through the same deletion as a district request, recorded as a system action. Idempotent.
 * Limitation: legal holds are not modelled, so a district that needs one must not set the grace
 * period until they are.
 * @param context database, keys, clock and data folder.
 * @param tenantId the district.
 * @returns the students deleted.
 */
export async function applyRetention(
  context: PrivacyContext,
  tenantId: string,
): Promise<RetentionOutcome> {
  const now = context.now();
  const candidates = await context.db.withTenant(tenantId, async (tx) => {
    const { withdrawnStudentGraceDays } = await loadContractParameters(tx);
    if (withdrawnStudentGraceDays === null) return null;
    const cutoff = new Date(now.getTime() - withdrawnStudentGraceDays * DAY_MS);
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM people WHERE role = 'student' AND deleted_at IS NOT NULL AND deleted_at < $1 ORDER BY id`,
      [cutoff],
    );
    return rows.map((row) => row.id);
  });
  if (candidates === null) return { isGraceSet: false, deletedStudentIds: [] };
  for (const personId of candidates) {
    await deleteStudent(context, tenantId, personId, { actorType: 'system', actorId: 'retention' });
  }
  return { isGraceSet: true, deletedStudentIds: candidates };
}
