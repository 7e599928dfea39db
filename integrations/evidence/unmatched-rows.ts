import { appendAudit, type TenantTransaction } from '../../store/index.js';
import type { IbcList } from '../ibc-list/index.js';
import { loadIbcList } from '../ibc-list/index.js';
import { enqueueRecompute, writeTrackerRow } from './apply-import.js';
import { UnmatchedRowUnavailable } from './errors.js';
import type { EvidenceActor, EvidenceContext } from './evidence-context.js';
import type { RowPayload } from './layout.js';
import type { StudentIdentity } from './match-students.js';
import { writeCertificationRow } from './write-certification-rows.js';
import { writeEvidenceRows } from './write-evidence-rows.js';
import { writeStudentStatus } from './write-student-status.js';

/** An unmatched row as staff see it in the list (identity only on request, decrypted). */
export interface UnmatchedRow {
  id: string;
  importId: string;
  importType: string;
  row: number;
  reason: string;
  candidatePersonId: string | null;
  payload: RowPayload;
  status: 'open' | 'resolved' | 'dismissed';
  createdAt: Date;
}

type UnmatchedDbRow = {
  id: string;
  import_id: string;
  import_type: string;
  row_number: number;
  reason: string;
  candidate_person_id: string | null;
  payload: RowPayload;
  status: UnmatchedRow['status'];
  created_at: Date;
};

const COLUMNS = `id, import_id, import_type, row_number, reason, candidate_person_id, payload, status, created_at`;

function toUnmatched(row: UnmatchedDbRow): UnmatchedRow {
  return {
    id: row.id,
    importId: row.import_id,
    importType: row.import_type,
    row: row.row_number,
    reason: row.reason,
    candidatePersonId: row.candidate_person_id,
    payload: row.payload,
    status: row.status,
    createdAt: row.created_at,
  };
}

/**
 * The district's unmatched rows, oldest first.
 *
 * @param tx - the district's transaction.
 * @param status - which rows (default open).
 * @returns the rows, without the identity cells.
 */
export async function listUnmatchedRows(
  tx: TenantTransaction,
  status: UnmatchedRow['status'] = 'open',
): Promise<UnmatchedRow[]> {
  const rows = await tx.query<UnmatchedDbRow>(
    `SELECT ${COLUMNS} FROM evidence_unmatched WHERE status = $1 ORDER BY created_at, import_id, row_number`,
    [status],
  );
  return rows.map(toUnmatched);
}

/**
 * The identity cells of an unmatched row (decrypted), for the staff member resolving it. The
 * caller audits the read for its viewer.
 *
 * @param context - the keys.
 * @param tx - the district's transaction.
 * @param id - the unmatched row.
 * @returns the identity.
 * @throws UnmatchedRowUnavailable (ERR_EVIDENCE_UNMATCHED_NOT_OPEN).
 */
export async function readUnmatchedIdentity(
  context: Pick<EvidenceContext, 'keys'>,
  tx: TenantTransaction,
  id: string,
): Promise<StudentIdentity> {
  const row = await tx.one<{ identity_enc: Buffer }>(
    'SELECT identity_enc FROM evidence_unmatched WHERE id = $1',
    [id],
  );
  if (!row) throw new UnmatchedRowUnavailable();
  const cipher = await context.keys.cipherFor(tx);
  return (
    cipher.decryptJson<StudentIdentity>(row.identity_enc, {
      table: 'evidence_unmatched',
      column: 'identity_enc',
      rowId: id,
    }) ?? {}
  );
}

async function openRow(tx: TenantTransaction, id: string): Promise<UnmatchedRow> {
  const row = await tx.one<UnmatchedDbRow>(
    `SELECT ${COLUMNS} FROM evidence_unmatched WHERE id = $1 AND status = 'open' FOR UPDATE`,
    [id],
  );
  if (!row) throw new UnmatchedRowUnavailable();
  return toUnmatched(row);
}

async function applyPayload(
  context: EvidenceContext,
  tx: TenantTransaction,
  row: UnmatchedRow,
  personId: string,
  meta: { ibcList: IbcList; actor: EvidenceActor; now: Date },
): Promise<boolean> {
  const { payload } = row;
  const source = `import:${row.importType}`;
  if (payload.target === 'evidence') {
    const cipher = await context.keys.cipherFor(tx);
    const evidence = [{ personId, kind: payload.kind, data: payload.data }];
    return (
      (
        await writeEvidenceRows(tx, cipher, evidence, {
          importId: row.importId,
          source,
          now: meta.now,
        })
      ).length > 0
    );
  }
  if (payload.target === 'status')
    return writeStudentStatus(tx, personId, payload.fields, meta.now);
  if (payload.target === 'certification') {
    return writeCertificationRow(
      context,
      tx,
      { personId, fields: payload.fields, ibcList: meta.ibcList, source },
      meta.actor,
    );
  }
  return writeTrackerRow(tx, personId, payload.indicators, row.importId);
}

/**
 * Attaches an unmatched row to the student a staff member chose: applies its content, marks it
 * resolved, audits, and queues the student's recompute, all in the caller's transaction.
 *
 * @param context - database, keys, queue, clock.
 * @param tx - the district's transaction.
 * @param input - the unmatched row and the chosen student.
 * @param actor - the staff member.
 * @returns whether the student's inputs changed.
 * @throws UnmatchedRowUnavailable (ERR_EVIDENCE_UNMATCHED_NOT_OPEN) for an unknown or settled
 *   row, or a person who is not an active student of the district.
 */
export async function resolveUnmatchedRow(
  context: EvidenceContext,
  tx: TenantTransaction,
  input: { unmatchedId: string; personId: string },
  actor: EvidenceActor,
): Promise<{ changed: boolean }> {
  const row = await openRow(tx, input.unmatchedId);
  const student = await tx.one(
    `SELECT 1 AS found FROM people WHERE id = $1 AND role = 'student' AND deleted_at IS NULL`,
    [input.personId],
  );
  if (!student) throw new UnmatchedRowUnavailable();
  const now = context.now();
  const changed = await applyPayload(context, tx, row, input.personId, {
    ibcList: await loadIbcList(tx),
    actor,
    now,
  });
  await tx.query(
    `UPDATE evidence_unmatched SET status = 'resolved', resolved_person_id = $2, resolved_at = $3 WHERE id = $1`,
    [row.id, input.personId, now],
  );
  await appendAudit(
    tx,
    {
      ...actor,
      action: 'evidence.unmatched.resolved',
      resourceType: 'evidence_unmatched',
      resourceId: row.id,
      detail: { personId: input.personId, importId: row.importId, changed },
    },
    now,
  );
  if (changed) await enqueueRecompute(context, tx, null, [input.personId]);
  return { changed };
}

/**
 * Sets an unmatched row aside (not this district's student, or a known bad line).
 *
 * @param context - the clock.
 * @param tx - the district's transaction.
 * @param unmatchedId - the row.
 * @param actor - the staff member.
 * @throws UnmatchedRowUnavailable (ERR_EVIDENCE_UNMATCHED_NOT_OPEN).
 */
export async function dismissUnmatchedRow(
  context: Pick<EvidenceContext, 'now'>,
  tx: TenantTransaction,
  unmatchedId: string,
  actor: EvidenceActor,
): Promise<void> {
  const row = await openRow(tx, unmatchedId);
  const now = context.now();
  await tx.query(
    `UPDATE evidence_unmatched SET status = 'dismissed', resolved_at = $2 WHERE id = $1`,
    [row.id, now],
  );
  await appendAudit(
    tx,
    {
      ...actor,
      action: 'evidence.unmatched.dismissed',
      resourceType: 'evidence_unmatched',
      resourceId: row.id,
    },
    now,
  );
}
