import { randomUUID } from 'node:crypto';
import { appendAudit, type TenantTransaction } from '../../store/index.js';
import { enqueueSkywardWriteBack } from '../skyward/index.js';
import type { CertificationActor, CertificationContext } from './certification.js';
import { parseCertificationInput, type ValidCertificationInput } from './certification-input.js';
import {
  CERTIFICATION_COLUMNS,
  toCertification,
  type CertificationRow,
} from './certification-row.js';
import { CertificationPersonUnknown } from './errors.js';

/** What a save did: `unchanged` when the stored record already had this content. */
export interface SaveCertificationResult {
  id: string;
  version: number;
  outcome: 'created' | 'updated' | 'unchanged';
}

/** The stored values of an input, in column order from ibc_code to source. */
function columnValues(input: ValidCertificationInput): unknown[] {
  return [
    input.personId,
    input.ibcCode,
    input.vendorCode ?? null,
    input.examFeeCents ?? null,
    input.resultCode,
    input.examDate ?? null,
    input.earnedDate ?? null,
    input.schoolYear,
    input.campusOrgId ?? null,
    input.alignedPosStatus,
    input.lists,
    input.receiptFileId ?? null,
    input.source,
  ];
}

/** Compares everything Skyward or a student record could see; `source` is bookkeeping only. */
function hasSameContent(row: CertificationRow, input: ValidCertificationInput): boolean {
  const stored = toCertification(row);
  return (
    stored.deletedAt === null &&
    stored.personId === input.personId &&
    stored.ibcCode === input.ibcCode &&
    stored.vendorCode === (input.vendorCode ?? null) &&
    stored.examFeeCents === (input.examFeeCents ?? null) &&
    stored.resultCode === input.resultCode &&
    stored.examDate === (input.examDate ?? null) &&
    stored.earnedDate === (input.earnedDate ?? null) &&
    stored.schoolYear === input.schoolYear &&
    stored.campusOrgId === (input.campusOrgId ?? null) &&
    stored.alignedPosStatus === input.alignedPosStatus &&
    stored.receiptFileId === (input.receiptFileId ?? null) &&
    stored.lists.join('\u0000') === input.lists.join('\u0000')
  );
}

async function resolveId(
  context: CertificationContext,
  tx: TenantTransaction,
  input: ValidCertificationInput,
): Promise<string> {
  if (input.id) return input.id;
  if (!input.sourceKey) return randomUUID();
  const cipher = await context.keys.cipherFor(tx);
  return cipher.rowId('certification', input.sourceKey);
}

async function assertPersonExists(tx: TenantTransaction, personId: string): Promise<void> {
  const person = await tx.one(
    'SELECT 1 AS found FROM people WHERE id = $1 AND deleted_at IS NULL',
    [personId],
  );
  if (!person) throw new CertificationPersonUnknown(personId);
}

/** Inserts version 1, or returns undefined when a concurrent save inserted the row first. */
async function insertFirstVersion(
  tx: TenantTransaction,
  id: string,
  input: ValidCertificationInput,
  now: Date,
): Promise<number | undefined> {
  const row = await tx.one<{ version: number }>(
    `INSERT INTO certifications (tenant_id, id, person_id, ibc_code, vendor_code, exam_fee_cents,
       result_code, exam_date, earned_date, school_year, campus_org_id, aligned_pos_status, lists,
       receipt_file_id, source, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, $16)
     ON CONFLICT (tenant_id, id) DO NOTHING
     RETURNING version`,
    [tx.tenantId, id, ...columnValues(input), now],
  );
  return row?.version;
}

async function updateToNextVersion(
  tx: TenantTransaction,
  id: string,
  input: ValidCertificationInput,
  now: Date,
): Promise<number> {
  const row = await tx.one<{ version: number }>(
    `UPDATE certifications SET person_id = $2, ibc_code = $3, vendor_code = $4,
       exam_fee_cents = $5, result_code = $6, exam_date = $7, earned_date = $8, school_year = $9,
       campus_org_id = $10, aligned_pos_status = $11, lists = $12, receipt_file_id = $13,
       source = $14, version = version + 1, deleted_at = NULL, updated_at = $15
     WHERE id = $1
     RETURNING version`,
    [id, ...columnValues(input), now],
  );
  return row!.version;
}

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
  const valid = parseCertificationInput(input);
  const now = context.now();
  const id = await resolveId(context, tx, valid);
  await assertPersonExists(tx, valid.personId);

  const selectForUpdate = `SELECT ${CERTIFICATION_COLUMNS} FROM certifications WHERE id = $1 FOR UPDATE`;
  let existing = await tx.one<CertificationRow>(selectForUpdate, [id]);
  let version: number | undefined;
  if (!existing) {
    version = await insertFirstVersion(tx, id, valid, now);
    if (version === undefined) existing = await tx.one<CertificationRow>(selectForUpdate, [id]);
  }
  if (existing && hasSameContent(existing, valid)) {
    return { id, version: existing.version, outcome: 'unchanged' };
  }
  const outcome = existing ? 'updated' : 'created';
  if (existing) version = await updateToNextVersion(tx, id, valid, now);

  await appendAudit(
    tx,
    {
      ...actor,
      action: `certification.${outcome}`,
      resourceType: 'certification',
      resourceId: id,
      detail: { version, personId: valid.personId },
    },
    now,
  );
  await enqueueSkywardWriteBack(context, tx, {
    certificationId: id,
    personId: valid.personId,
    version: version!,
    operation: 'upsert',
  });
  return { id, version: version!, outcome };
}
