import type { TenantTransaction } from '../../store/index.js';
import type { CertificationActor, CertificationContext } from './certification.js';
import { saveCertifications, type SaveCertificationResult } from './save-certifications.js';

/**
 * Creates or changes a certification. Idempotent: saving the content already stored changes
 * nothing (no version bump, no audit event, no write-back). Otherwise, in the caller's
 * transaction, the version is bumped, the change is audited and its Skyward write-back queued,
 * so the three commit together or not at all. Saving a deleted record restores it.
 * @param context the application's queue, keys and clock.
 * @param tx the district's transaction.
 * @param input the certification (see `certificationInputSchema`).
 * @param actor who is saving, for the audit trail.
 * @returns the record id, its version and what happened.
 * @throws CertificationInvalid (ERR_CERTIFICATION_INVALID) naming the bad field.
 * @throws CertificationPersonUnknown (ERR_CERTIFICATION_UNKNOWN_PERSON).
 */
export async function saveCertification(
  context: CertificationContext,
  tx: TenantTransaction,
  input: unknown,
  actor: CertificationActor,
): Promise<SaveCertificationResult> {
  const [result] = await saveCertifications(context, tx, [input], actor);
  return result!;
}
