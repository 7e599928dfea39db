import { randomUUID } from 'node:crypto';
import type { TenantCipher, TenantTransaction } from '../../store/index.js';
import { loadContractParameters } from '../contract-parameters.js';
import { subjectHash } from './load-subject.js';

export type DataRequestKind = 'export' | 'correct' | 'delete';

/** A data request as tracked for its deadline. */
export interface DataRequest {
  id: string;
  kind: DataRequestKind;
  subjectHash: string;
  requestedBy: string | null;
  status: 'received' | 'completed' | 'failed';
  receivedAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  isOverdue: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Records a request as received, with its due date from the district's contract: view and
 * correct within `lea_request_response_days`, delete within `deletion_on_request_days`.
 * @returns the request id and due date.
 */
export async function openDataRequest(
  tx: TenantTransaction,
  cipher: TenantCipher,
  input: { kind: DataRequestKind; personId: string; requestedBy: string | null; now: Date },
): Promise<{ id: string; dueAt: Date }> {
  const parameters = await loadContractParameters(tx);
  const days =
    input.kind === 'delete' ? parameters.deletionOnRequestDays : parameters.leaRequestResponseDays;
  const id = randomUUID();
  const dueAt = new Date(input.now.getTime() + days * DAY_MS);
  await tx.query(
    `INSERT INTO data_requests (tenant_id, id, kind, subject_hash, requested_by, received_at, due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      tx.tenantId,
      id,
      input.kind,
      subjectHash(cipher, input.personId),
      input.requestedBy,
      input.now,
      dueAt,
    ],
  );
  return { id, dueAt };
}

/** Marks a request completed with its (non-identifying) outcome: counts and ids of records. */
export async function completeDataRequest(
  tx: TenantTransaction,
  id: string,
  outcome: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE data_requests SET status = 'completed', completed_at = $2, outcome = $3 WHERE id = $1`,
    [id, now, JSON.stringify(outcome)],
  );
}

/**
 * Lists the district's data requests, newest first, flagging those past due and not completed.
 * @param tx a transaction of the district.
 * @param now the clock.
 * @returns the requests.
 */
export async function listDataRequests(tx: TenantTransaction, now: Date): Promise<DataRequest[]> {
  const rows = await tx.query('SELECT * FROM data_requests ORDER BY received_at DESC, id');
  return rows.map((row) => ({
    id: row.id as string,
    kind: row.kind as DataRequestKind,
    subjectHash: row.subject_hash as string,
    requestedBy: (row.requested_by as string | null) ?? null,
    status: row.status as DataRequest['status'],
    receivedAt: row.received_at as Date,
    dueAt: row.due_at as Date,
    completedAt: (row.completed_at as Date | null) ?? null,
    isOverdue: row.status !== 'completed' && (row.due_at as Date).getTime() < now.getTime(),
  }));
}
