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
 * Locks the district's chain head for the rest of the transaction and reads it, creating the
 * head on the district's first event.
 */
async function lockChainHead(tx: TenantTransaction): Promise<{ seq: number; hash: string }> {
  const lockHead = () =>
    tx.one<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE',
      [tx.tenantId],
    );
  const head = await lockHead();
  if (head) return head;
  await tx.query(
    `INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING`,
    [tx.tenantId, AUDIT_GENESIS_HASH],
  );
  return (await lockHead())!;
}

/** Writes chained events and moves the head past them, in one statement. */
async function writeChainedEvents(
  tx: TenantTransaction,
  chained: ReadonlyArray<ChainedFields & { prev_hash: string; hash: string }>,
): Promise<void> {
  const last = chained[chained.length - 1]!;
  const column = <K extends keyof (typeof chained)[number]>(key: K) => chained.map((e) => e[key]);
  await tx.query(
    `WITH appended AS (
       INSERT INTO audit_events (tenant_id, seq, id, occurred_at, actor_type, actor_id, action,
         resource_type, resource_id, launch_id, outcome, detail, prev_hash, hash)
       SELECT $1::uuid, seq, id, occurred_at, actor_type, actor_id, action, resource_type,
              resource_id, launch_id, outcome, detail::jsonb, prev_hash, hash
         FROM unnest($2::bigint[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[],
              $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
              $13::text[], $14::text[])
           AS e (seq, id, occurred_at, actor_type, actor_id, action, resource_type, resource_id,
                 launch_id, outcome, detail, prev_hash, hash)
     )
     UPDATE audit_heads SET seq = $15, hash = $16 WHERE tenant_id = $1`,
    [
      tx.tenantId,
      column('seq'),
      column('id'),
      column('occurred_at'),
      column('actor_type'),
      column('actor_id'),
      column('action'),
      column('resource_type'),
      column('resource_id'),
      column('launch_id'),
      column('outcome'),
      chained.map((e) => JSON.stringify(e.detail)),
      column('prev_hash'),
      column('hash'),
      last.seq,
      last.hash,
    ],
  );
}

/** An event with the time it happened. */
export interface TimedAuditEvent {
  event: AuditEvent;
  at: Date;
}

/**
 * Appends events, each at its own time, to the transaction's district chain (see
 * {@link appendAudit}).
 */
export async function appendTimedAudit(
  tx: TenantTransaction,
  timed: readonly TimedAuditEvent[],
): Promise<void> {
  if (timed.length === 0) return;
  const head = await lockChainHead(tx);
  let seq = head.seq;
  let hash = head.hash;
  const chained = timed.map(({ event, at }) => {
    seq += 1;
    const fields: ChainedFields = {
      tenant_id: tx.tenantId,
      seq,
      id: randomUUID(),
      occurred_at: at.toISOString(),
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
    return { ...fields, prev_hash: prevHash, hash };
  });
  await writeChainedEvents(tx, chained);
}

/**
 * Appends events to the transaction's district chain. The head row is locked for the rest of the
 * transaction, so concurrent appends queue up in order, and a rolled-back change leaves no event.
 * Two statements whatever the number of events: the lock is held for as few round trips as can be.
 */
export async function appendAudit(
  tx: TenantTransaction,
  events: AuditEvent | readonly AuditEvent[],
  now: Date = new Date(),
): Promise<void> {
  const list = Array.isArray(events) ? events : [events as AuditEvent];
  await appendTimedAudit(
    tx,
    list.map((event) => ({ event, at: now })),
  );
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
