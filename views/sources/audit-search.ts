import type { TenantTransaction } from '../../store/index.js';

/** What the audit log search filters on; every field is optional. */
export interface AuditSearch {
  /** An action or the start of one, e.g. `student.read` or `student`. */
  action?: string;
  /** An internal id: the resource or the actor. */
  subjectId?: string;
  /** First and last day, ISO dates (inclusive, UTC). */
  from?: string;
  to?: string;
}

/** One audit event as the console lists it (ids, codes and counts only). */
export interface AuditLine {
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: string;
}

/** The console lists this many events per search, newest first. */
export const AUDIT_PAGE_SIZE = 100;

/**
 * Searches the district's audit trail, newest first.
 *
 * @param tx - a transaction of the district (row-level security keeps other districts out).
 * @param search - the filters.
 * @returns at most {@link AUDIT_PAGE_SIZE} events.
 */
export async function searchAuditLog(
  tx: TenantTransaction,
  search: AuditSearch,
): Promise<AuditLine[]> {
  const rows = await tx.query<{
    seq: number;
    occurred_at: Date;
    actor_type: string;
    actor_id: string | null;
    action: string;
    resource_type: string;
    resource_id: string | null;
    outcome: string;
  }>(
    `SELECT seq, occurred_at, actor_type, actor_id, action, resource_type, resource_id, outcome
       FROM audit_events
      WHERE ($1::text IS NULL OR action LIKE $1 || '%')
        AND ($2::text IS NULL OR resource_id = $2 OR actor_id = $2)
        AND ($3::date IS NULL OR occurred_at >= $3::date)
        AND ($4::date IS NULL OR occurred_at < $4::date + 1)
      ORDER BY seq DESC LIMIT ${AUDIT_PAGE_SIZE}`,
    [search.action ?? null, search.subjectId ?? null, search.from ?? null, search.to ?? null],
  );
  return rows.map((row) => ({
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    outcome: row.outcome,
  }));
}
