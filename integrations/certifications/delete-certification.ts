import { z } from 'zod';
import { appendAudit, type TenantTransaction } from '../../store/index.js';
import { enqueueSkywardWriteBack } from '../skyward/index.js';
import type { CertificationActor, CertificationContext } from './certification.js';
import { CertificationInvalid, CertificationNotFound } from './errors.js';

/** What a delete did: `unchanged` when the record was already deleted (a retried delete). */
export interface DeleteCertificationResult {
  id: string;
  version: number;
  outcome: 'deleted' | 'unchanged';
}

/**
 * Deletes a certification (kept as a tombstone with a new version, so Skyward is told to remove
 * it). Idempotent: deleting a deleted record changes nothing. The delete, its audit event and
 * its Skyward write-back commit together in the caller's transaction.
 * @param context the application's queue, keys and clock.
 * @param tx the district's transaction.
 * @param id the certification's id.
 * @param actor who is deleting, for the audit trail.
 * @returns the id, the tombstone's version and what happened.
 * @throws CertificationInvalid (ERR_CERTIFICATION_INVALID) when `id` is not a UUID.
 * @throws CertificationNotFound (ERR_CERTIFICATION_NOT_FOUND) when no such record exists.
 */
export async function deleteCertification(
  context: CertificationContext,
  tx: TenantTransaction,
  id: string,
  actor: CertificationActor,
): Promise<DeleteCertificationResult> {
  if (!z.uuid().safeParse(id).success) throw new CertificationInvalid('id', 'expected a UUID');
  const existing = await tx.one<{ version: number; person_id: string; deleted_at: Date | null }>(
    'SELECT version, person_id, deleted_at FROM certifications WHERE id = $1 FOR UPDATE',
    [id],
  );
  if (!existing) throw new CertificationNotFound(id);
  if (existing.deleted_at) return { id, version: existing.version, outcome: 'unchanged' };

  const now = context.now();
  const row = await tx.one<{ version: number }>(
    `UPDATE certifications SET version = version + 1, deleted_at = $2, updated_at = $2
     WHERE id = $1 RETURNING version`,
    [id, now],
  );
  const version = row!.version;
  await appendAudit(
    tx,
    {
      ...actor,
      action: 'certification.deleted',
      resourceType: 'certification',
      resourceId: id,
      detail: { version, personId: existing.person_id },
    },
    now,
  );
  await enqueueSkywardWriteBack(context, tx, {
    certificationId: id,
    personId: existing.person_id,
    version,
    operation: 'delete',
  });
  return { id, version, outcome: 'deleted' };
}
