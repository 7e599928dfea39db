import type { Transaction } from '../../store/index.js';

/** Where a certification's latest change stands on its way to Skyward. */
export interface DeliveryStatus {
  certificationId: string;
  personId: string;
  version: number;
  operation: 'upsert' | 'delete';
  status: 'pending' | 'delivered' | 'acknowledged' | 'failed';
  /** A code such as ERR_SKYWARD_REJECTED when failed. */
  failureCode: string | null;
  /** Skyward's message (rejected) or why the line could not be built. */
  failureReason: string | null;
  batchId: string | null;
  enqueuedAt: Date;
  deliveredAt: Date | null;
  acknowledgedAt: Date | null;
}

interface StatusRow {
  [column: string]: unknown;
  certification_id: string;
  person_id: string;
  version: number;
  operation: 'upsert' | 'delete';
  status: DeliveryStatus['status'];
  failure_code: string | null;
  failure_reason: string | null;
  batch_id: string | null;
  enqueued_at: Date;
  delivered_at: Date | null;
  acknowledged_at: Date | null;
}

/**
 * The delivery status of each certification's latest change, for the IBC tracker and the admin
 * console. Changes overtaken by a newer version are not listed: the newer one speaks for them.
 * @param tx the district's transaction.
 * @param filter `personId` to list one student's certifications.
 * @returns one entry per certification, ordered by certification id.
 */
export async function getDeliveryStatus(
  tx: Transaction,
  filter: { personId?: string } = {},
): Promise<DeliveryStatus[]> {
  const rows = await tx.query<StatusRow>(
    `SELECT DISTINCT ON (certification_id) certification_id, person_id, version, operation, status,
       failure_code, failure_reason, batch_id, enqueued_at, delivered_at, acknowledged_at
     FROM skyward_outbox
     WHERE status <> 'superseded' AND ($1::uuid IS NULL OR person_id = $1::uuid)
     ORDER BY certification_id, version DESC`,
    [filter.personId ?? null],
  );
  return rows.map((row) => ({
    certificationId: row.certification_id,
    personId: row.person_id,
    version: row.version,
    operation: row.operation,
    status: row.status,
    failureCode: row.failure_code,
    failureReason: row.failure_reason,
    batchId: row.batch_id,
    enqueuedAt: row.enqueued_at,
    deliveredAt: row.delivered_at,
    acknowledgedAt: row.acknowledged_at,
  }));
}
