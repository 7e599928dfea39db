import { randomUUID } from 'node:crypto';
import { appendAudit, type TenantTransaction } from '../../store/index.js';
import { enqueueSkywardWriteBacks, type WriteBackChange } from '../skyward/index.js';
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

interface Pending {
  id: string;
  input: ValidCertificationInput;
}

/** The JSON record `jsonb_to_recordset` turns into a row, with column names as keys. */
function toRecord({ id, input }: Pending) {
  return {
    id,
    person_id: input.personId,
    ibc_code: input.ibcCode,
    vendor_code: input.vendorCode ?? null,
    exam_fee_cents: input.examFeeCents ?? null,
    result_code: input.resultCode,
    exam_date: input.examDate ?? null,
    earned_date: input.earnedDate ?? null,
    school_year: input.schoolYear,
    campus_org_id: input.campusOrgId ?? null,
    aligned_pos_status: input.alignedPosStatus,
    lists: input.lists,
    receipt_file_id: input.receiptFileId ?? null,
    source: input.source,
  };
}

/** The record type of `toRecord` for `jsonb_to_recordset`. */
const RECORD_TYPE = `r (id uuid, person_id uuid, ibc_code text, vendor_code text,
  exam_fee_cents integer, result_code text, exam_date date, earned_date date, school_year integer,
  campus_org_id uuid, aligned_pos_status text, lists text[], receipt_file_id text, source text)`;

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

async function resolveIds(
  context: CertificationContext,
  tx: TenantTransaction,
  inputs: ValidCertificationInput[],
): Promise<Pending[]> {
  const cipher = inputs.some((input) => !input.id && input.sourceKey)
    ? await context.keys.cipherFor(tx)
    : undefined;
  return inputs.map((input) => ({
    id:
      input.id ??
      (input.sourceKey ? cipher!.rowId('certification', input.sourceKey) : randomUUID()),
    input,
  }));
}

async function assertPeopleExist(tx: TenantTransaction, pending: Pending[]): Promise<void> {
  const wanted = [...new Set(pending.map((entry) => entry.input.personId))];
  const found = await tx.query<{ id: string }>(
    'SELECT id FROM people WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL',
    [wanted],
  );
  const known = new Set(found.map((row) => row.id));
  const missing = wanted.find((personId) => !known.has(personId));
  if (missing) throw new CertificationPersonUnknown(missing);
}

/** Inserts version 1 of new records; returns the ids a concurrent save inserted first. */
async function insertFirstVersions(tx: TenantTransaction, created: Pending[], now: Date) {
  if (created.length === 0) return new Set<string>();
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO certifications (tenant_id, id, person_id, ibc_code, vendor_code, exam_fee_cents,
       result_code, exam_date, earned_date, school_year, campus_org_id, aligned_pos_status, lists,
       receipt_file_id, source, version, created_at, updated_at)
     SELECT $1, r.*, 1, $3, $3 FROM jsonb_to_recordset($2::jsonb) AS ${RECORD_TYPE}
     ON CONFLICT (tenant_id, id) DO NOTHING
     RETURNING id`,
    [tx.tenantId, JSON.stringify(created.map(toRecord)), now],
  );
  const done = new Set(inserted.map((row) => row.id));
  return new Set(created.filter((entry) => !done.has(entry.id)).map((entry) => entry.id));
}

/** Writes changed records as their next version; returns id → new version. */
async function updateToNextVersions(tx: TenantTransaction, updated: Pending[], now: Date) {
  if (updated.length === 0) return new Map<string, number>();
  const rows = await tx.query<{ id: string; version: number }>(
    `UPDATE certifications c SET person_id = r.person_id, ibc_code = r.ibc_code,
       vendor_code = r.vendor_code, exam_fee_cents = r.exam_fee_cents,
       result_code = r.result_code, exam_date = r.exam_date, earned_date = r.earned_date,
       school_year = r.school_year, campus_org_id = r.campus_org_id,
       aligned_pos_status = r.aligned_pos_status, lists = r.lists,
       receipt_file_id = r.receipt_file_id, source = r.source, version = c.version + 1,
       deleted_at = NULL, updated_at = $2
     FROM jsonb_to_recordset($1::jsonb) AS ${RECORD_TYPE}
     WHERE c.id = r.id
     RETURNING c.id, c.version`,
    [JSON.stringify(updated.map(toRecord)), now],
  );
  return new Map(rows.map((row) => [row.id, row.version]));
}

/** Saves records whose ids are all distinct, with a handful of statements for the whole set. */
async function saveDistinct(
  context: CertificationContext,
  tx: TenantTransaction,
  pending: Pending[],
  actor: CertificationActor,
): Promise<SaveCertificationResult[]> {
  const now = context.now();
  const existing = new Map(
    (
      await tx.query<CertificationRow>(
        `SELECT ${CERTIFICATION_COLUMNS} FROM certifications WHERE id = ANY($1::uuid[]) FOR UPDATE`,
        [pending.map((entry) => entry.id)],
      )
    ).map((row) => [row.id, row]),
  );
  const created = pending.filter((entry) => !existing.has(entry.id));
  const raced = await insertFirstVersions(tx, created, now);
  if (raced.size > 0) {
    // A concurrent save created these first; save them again, now as updates.
    const retried = await saveDistinct(
      context,
      tx,
      pending.filter((e) => raced.has(e.id)),
      actor,
    );
    const retriedById = new Map(retried.map((result) => [result.id, result]));
    const rest = await saveDistinct(
      context,
      tx,
      pending.filter((e) => !raced.has(e.id)),
      actor,
    );
    const restById = new Map(rest.map((result) => [result.id, result]));
    return pending.map((entry) => retriedById.get(entry.id) ?? restById.get(entry.id)!);
  }
  const changed = pending.filter((entry) => {
    const row = existing.get(entry.id);
    return row !== undefined && !hasSameContent(row, entry.input);
  });
  const versions = await updateToNextVersions(tx, changed, now);
  const results = pending.map((entry): SaveCertificationResult => {
    const row = existing.get(entry.id);
    if (!row) return { id: entry.id, version: 1, outcome: 'created' };
    const version = versions.get(entry.id);
    return version === undefined
      ? { id: entry.id, version: row.version, outcome: 'unchanged' }
      : { id: entry.id, version, outcome: 'updated' };
  });
  await recordChanges(context, tx, pending, results, actor);
  return results;
}

/** Audits the changes and queues their write-back, in the same transaction. */
async function recordChanges(
  context: CertificationContext,
  tx: TenantTransaction,
  pending: Pending[],
  results: SaveCertificationResult[],
  actor: CertificationActor,
): Promise<void> {
  const changes: WriteBackChange[] = [];
  const events = results.flatMap((result, index) => {
    if (result.outcome === 'unchanged') return [];
    const personId = pending[index]!.input.personId;
    changes.push({
      certificationId: result.id,
      personId,
      version: result.version,
      operation: 'upsert',
    });
    return [
      {
        ...actor,
        action: `certification.${result.outcome}`,
        resourceType: 'certification',
        resourceId: result.id,
        detail: { version: result.version, personId },
      },
    ];
  });
  await appendAudit(tx, events, context.now());
  await enqueueSkywardWriteBacks(context, tx, changes);
}

/** Splits inputs into runs without a repeated id, so each run can be saved as a set. */
function distinctRuns(pending: Pending[]): Pending[][] {
  const runs: Pending[][] = [[]];
  let seen = new Set<string>();
  for (const entry of pending) {
    if (seen.has(entry.id)) {
      runs.push([]);
      seen = new Set();
    }
    runs.at(-1)!.push(entry);
    seen.add(entry.id);
  }
  return runs;
}

/**
 * Creates or changes many certifications in the caller's transaction, with a few statements
 * per set rather than per record (an import's path). Same rules as `saveCertification`:
 * same content = unchanged; a change bumps the version, is audited and queues its write-back.
 * @param context the application's queue, keys and clock.
 * @param tx the district's transaction.
 * @param inputs the certifications (see `certificationInputSchema`).
 * @param actor who is saving, for the audit trail.
 * @returns one result per input, in input order.
 * @throws CertificationInvalid (ERR_CERTIFICATION_INVALID) naming the record and field; nothing
 *   is written.
 * @throws CertificationPersonUnknown (ERR_CERTIFICATION_UNKNOWN_PERSON).
 */
export async function saveCertifications(
  context: CertificationContext,
  tx: TenantTransaction,
  inputs: readonly unknown[],
  actor: CertificationActor,
): Promise<SaveCertificationResult[]> {
  const valid = inputs.map((input, index) =>
    parseCertificationInput(input, inputs.length > 1 ? index + 1 : undefined),
  );
  if (valid.length === 0) return [];
  const pending = await resolveIds(context, tx, valid);
  await assertPeopleExist(tx, pending);
  const results: SaveCertificationResult[] = [];
  for (const run of distinctRuns(pending))
    results.push(...(await saveDistinct(context, tx, run, actor)));
  return results;
}
