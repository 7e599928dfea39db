import { createHash, randomUUID } from 'node:crypto';
import type { Database, TenantTransaction } from './database.js';

/** What happened to student data, by whom; ids only, never names or payloads. */
export interface AuditEvent {
  /** `user` (an LTI-launched person), `system` (a job or sync), `cli` (an operator command). */
  actorType: 'user' | 'system' | 'cli';
  /** Internal id of the person or process that acted. */
  actorId?: string | null;
  /** `noun.verb`, e.g. `student.read`, `roster.person.deleted`, `lti.launch.rejected`. */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  launchId?: string | null;
  outcome?: 'ok' | 'denied' | 'rejected' | 'failed';
  /** Ids, codes and counts only. */
  detail?: Record<string, unknown>;
}

/** The hash before the first event of every chain. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The fields that are hashed, in a fixed order, so verification recomputes the same bytes. */
export interface ChainedFields {
  tenant_id: string;
  seq: number;
  id: string;
  occurred_at: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  launch_id: string | null;
  outcome: string;
  detail: Record<string, unknown>;
}

/** Serialises an object with sorted keys, so equal content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** hash(n) = SHA-256(hash(n-1) ‖ canonical fields of n). */
export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

/**
 * Appends events to the transaction's district chain. The head row is locked for the rest of the
 * transaction, so concurrent appends queue up in order, and a rolled-back change leaves no event.
 */
export async function appendAudit(
  tx: TenantTransaction,
  events: AuditEvent | readonly AuditEvent[],
  now: Date = new Date(),
): Promise<void> {
  const list = Array.isArray(events) ? events : [events as AuditEvent];
  if (list.length === 0) return;
  await tx.query(
    `INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING`,
    [tx.tenantId, AUDIT_GENESIS_HASH],
  );
  const head = await tx.one<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE',
    [tx.tenantId],
  );
  let seq = head!.seq;
  let hash = head!.hash;
  for (const event of list) {
    seq += 1;
    const fields: ChainedFields = {
      tenant_id: tx.tenantId,
      seq,
      id: randomUUID(),
      occurred_at: now.toISOString(),
      actor_type: event.actorType,
      actor_id: event.actorId ?? null,
      action: event.action,
      resource_type: event.resourceType,
      resource_id: event.resourceId ?? null,
      launch_id: event.launchId ?? null,
      outcome: event.outcome ?? 'ok',
      detail: event.detail ?? {},
    };
    const prevHash = hash;
    hash = chainHash(prevHash, fields);
    await tx.query(
      `INSERT INTO audit_events (tenant_id, seq, id, occurred_at, actor_type, actor_id, action,
         resource_type, resource_id, launch_id, outcome, detail, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [
        fields.tenant_id,
        seq,
        fields.id,
        fields.occurred_at,
        fields.actor_type,
        fields.actor_id,
        fields.action,
        fields.resource_type,
        fields.resource_id,
        fields.launch_id,
        fields.outcome,
        JSON.stringify(fields.detail),
        prevHash,
        hash,
      ],
    );
  }
  await tx.query('UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1', [
    tx.tenantId,
    seq,
    hash,
  ]);
}

/** Records an event that belongs to no district yet (e.g. a launch from an unknown platform). */
export async function appendSystemAudit(
  db: Database,
  event: { action: string; outcome: string; detail?: Record<string, unknown> },
  now: Date = new Date(),
): Promise<void> {
  await db.withSystem((tx) =>
    tx.query(
      `INSERT INTO system_audit_events (id, occurred_at, action, outcome, detail)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        randomUUID(),
        now.toISOString(),
        event.action,
        event.outcome,
        JSON.stringify(event.detail ?? {}),
      ],
    ),
  );
}
