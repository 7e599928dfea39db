import { chainHash, type ChainedFields, type Transaction } from '../../store/index.js';

/** One stored audit event, as read back for verification and export. */
export interface StoredAuditEvent extends ChainedFields {
  prev_hash: string;
  hash: string;
}

/**
 * Reads a district's audit events in chain order, as the schema owner (verification must see the
 * rows exactly as stored, whatever the application role may see).
 * @param tx an owner transaction.
 * @param tenantId the district.
 * @param range optional time window (inclusive from, exclusive to).
 * @returns the events ordered by sequence number.
 */
export async function readAuditEvents(
  tx: Transaction,
  tenantId: string,
  range: { from?: Date; to?: Date } = {},
): Promise<StoredAuditEvent[]> {
  const rows = await tx.query(
    `SELECT tenant_id, seq, id, occurred_at, actor_type, actor_id, action, resource_type,
            resource_id, launch_id, outcome, detail, prev_hash, hash
     FROM audit_events
     WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR occurred_at >= $2)
       AND ($3::timestamptz IS NULL OR occurred_at < $3)
     ORDER BY seq`,
    [tenantId, range.from?.toISOString() ?? null, range.to?.toISOString() ?? null],
  );
  return rows.map((row) => ({
    tenant_id: row.tenant_id as string,
    seq: Number(row.seq),
    id: row.id as string,
    occurred_at: (row.occurred_at as Date).toISOString(),
    actor_type: row.actor_type as string,
    actor_id: (row.actor_id as string | null) ?? null,
    action: row.action as string,
    resource_type: row.resource_type as string,
    resource_id: (row.resource_id as string | null) ?? null,
    launch_id: (row.launch_id as string | null) ?? null,
    outcome: row.outcome as string,
    detail: (row.detail as Record<string, unknown>) ?? {},
    prev_hash: row.prev_hash as string,
    hash: row.hash as string,
  }));
}

/** Recomputes an event's hash from its predecessor's hash and its own fields. */
export function recomputeHash(prevHash: string, event: StoredAuditEvent): string {
  const { prev_hash: _prev, hash: _hash, ...fields } = event;
  return chainHash(prevHash, fields);
}
