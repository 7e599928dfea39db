import { createHash, randomUUID } from 'node:crypto';
import type { Database, TenantTransaction } from './database.js';
import { preparedSql } from './prepared-sql.js';

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
 * One event (the usual case: a launch, a page view) is one statement: the database locks the
 * head, computes the event's hash from the head's and moves the head, so the lock is taken and
 * used in one round trip. Several events are two statements.
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

/** An event with the time it happened, for events gathered before they are written. */
export interface TimedAuditEvent {
  event: AuditEvent;
  at: Date;
}

/**
 * Appends events that each carry their own time, in order, as `appendAudit` does (see
 * `commitAuditEvent`, which gathers the reads of concurrent requests into one transaction).
 */
export async function appendTimedAudit(
  tx: TenantTransaction,
  timed: readonly TimedAuditEvent[],
): Promise<void> {
  if (timed.length === 0) return;
  if (timed.length === 1) {
    const fields = unchainedFields(tx.tenantId, timed[0]!.event, timed[0]!.at.toISOString());
    if (await appendOne(tx, fields)) return;
    await createHead(tx);
    if (!(await appendOne(tx, fields))) throw new Error('the audit chain head is missing');
    return;
  }
  let head = await lockHead(tx);
  if (!head) {
    await createHead(tx);
    head = (await lockHead(tx))!;
  }
  const rows: ChainedRow[] = [];
  let { seq, hash } = head;
  for (const { event, at } of timed) {
    seq += 1;
    const fields: ChainedFields = {
      ...unchainedFields(tx.tenantId, event, at.toISOString()),
      seq,
    };
    const prevHash = hash;
    hash = chainHash(prevHash, fields);
    rows.push({ fields, prevHash, hash });
  }
  for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
    await insertAndMoveHead(tx, rows.slice(at, at + ROWS_PER_INSERT));
  }
}

type UnchainedFields = Omit<ChainedFields, 'seq'>;

interface ChainedRow {
  fields: ChainedFields;
  prevHash: string;
  hash: string;
}

/** 13 parameters a row, 3 shared: well under PostgreSQL's 65,535 parameters a statement. */
const ROWS_PER_INSERT = 1000;

const EVENT_COLUMNS = `tenant_id, seq, id, occurred_at, actor_type, actor_id, action, resource_type,
  resource_id, launch_id, outcome, detail, prev_hash, hash`;

function unchainedFields(tenantId: string, event: AuditEvent, occurredAt: string): UnchainedFields {
  return {
    tenant_id: tenantId,
    id: randomUUID(),
    occurred_at: occurredAt,
    actor_type: event.actorType,
    actor_id: event.actorId ?? null,
    action: event.action,
    resource_type: event.resourceType,
    resource_id: event.resourceId ?? null,
    launch_id: event.launchId ?? null,
    outcome: event.outcome ?? 'ok',
    detail: event.detail ?? {},
  };
}

/**
 * The canonical JSON of an event's fields cut around its seq, which only the database knows
 * while it holds the head: canonical = before + seq + after, the exact text chainHash hashes.
 */
function canonicalAroundSeq(fields: UnchainedFields): { before: string; after: string } {
  const entries = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => ({ key: k, text: `${JSON.stringify(k)}:${canonicalJson(v)}` }));
  const lower = entries.filter((entry) => entry.key < 'seq').map((entry) => entry.text);
  const upper = entries.filter((entry) => entry.key > 'seq').map((entry) => entry.text);
  return {
    before: `{${[...lower, ''].join(',')}"seq":`,
    after: `${['', ...upper].join(',')}}`,
  };
}

const APPEND_ONE = preparedSql(
  'audit-append-one',
  `WITH head AS (
     SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE
   ), next AS (
     SELECT seq + 1 AS seq, hash AS prev_hash,
       encode(sha256(convert_to(hash || $2 || (seq + 1)::text || $3, 'UTF8')), 'hex') AS hash
     FROM head
   ), moved AS (
     UPDATE audit_heads SET seq = next.seq, hash = next.hash FROM next
     WHERE audit_heads.tenant_id = $1 RETURNING audit_heads.seq
   )
   INSERT INTO audit_events (${EVENT_COLUMNS})
   SELECT $1, next.seq, $4::uuid, $5::timestamptz, $6::text, $7::text, $8::text, $9::text,
     $10::text, $11::text, $12::text, $13::jsonb, next.prev_hash, next.hash
   FROM next JOIN moved ON moved.seq = next.seq
   RETURNING seq`,
);

/**
 * One event in one statement: lock the head, hash(n) = SHA-256(hash(n-1) ‖ canonical fields)
 * computed in SQL over the same UTF-8 bytes as chainHash (seq as its decimal text, as JSON
 * writes an integer), insert the event, move the head. Under READ COMMITTED a waiting append
 * sees the head its predecessor committed.
 * @returns false when the district has no chain head yet.
 */
async function appendOne(tx: TenantTransaction, fields: UnchainedFields): Promise<boolean> {
  const { before, after } = canonicalAroundSeq(fields);
  const rows = await tx.query(APPEND_ONE, [
    fields.tenant_id,
    before,
    after,
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
  ]);
  return rows.length === 1;
}

async function createHead(tx: TenantTransaction): Promise<void> {
  await tx.query(
    `INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING`,
    [tx.tenantId, AUDIT_GENESIS_HASH],
  );
}

async function lockHead(tx: TenantTransaction) {
  return tx.one<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE',
    [tx.tenantId],
  );
}

/** Inserts chained rows and moves the (locked) head to the last of them, in one statement. */
async function insertAndMoveHead(tx: TenantTransaction, rows: ChainedRow[]): Promise<void> {
  const last = rows[rows.length - 1]!;
  const params: unknown[] = [tx.tenantId, last.fields.seq, last.hash];
  const values = rows.map(({ fields, prevHash, hash }) => {
    const first = params.length + 1;
    params.push(
      fields.seq,
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
    );
    const slots = Array.from({ length: 13 }, (_, i) => `$${first + i}`);
    return `($1, ${slots.join(', ')})`;
  });
  await tx.query(
    `WITH moved AS (UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1)
     INSERT INTO audit_events (${EVENT_COLUMNS}) VALUES ${values.join(', ')}`,
    params,
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
