import { hash } from 'node:crypto';
import { appendAudit, type TenantTransaction } from '../../store/index.js';
import type { MappedBase } from '../mapping/wire-fields.js';
import type { EntityCounts } from '../sync-counts.js';
import type { TableSpec } from './table-specs.js';
import { upsertChanged } from './upsert-changed.js';
import { recordsetFrom, rowJson, type ColumnType, type WriteContext } from './write-context.js';

/** A record of the batch with its row id and keyed content hash. */
export interface PlannedRow<R> {
  record: R;
  id: string;
  hash: string;
  /** The row's JSON for the upsert. */
  json: string;
}

/**
 * What a batch write did; `written` are the created and updated rows, for follow-up writes, and
 * `updated` those of them that were stored before.
 */
export interface BatchOutcome<R> {
  counts: Partial<EntityCounts>;
  written: PlannedRow<R>[];
  updated: PlannedRow<R>[];
}

/**
 * A keyed hash of the mapped record: equal content, equal hash, and it reveals nothing about the
 * content without the district's key. The key is the district's stable content secret, so a
 * one-shot SHA-256 suffices (equality only) instead of an HMAC object per record.
 */
export function contentHash(ctx: WriteContext, table: string, record: unknown): string {
  return hash(
    'sha256',
    `${ctx.contentKey}\u0000${table}\u0000${JSON.stringify(record)}`,
    'base64url',
  );
}

const BOOKKEEPING: ColumnType[] = [
  ['id', 'uuid'],
  ['source_hash', 'text'],
  ['seen_run_id', 'uuid'],
  ['status', 'text'],
  ['source_modified_at', 'timestamptz'],
  ['deleted_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

function columnsOf(spec: TableSpec<MappedBase>): ColumnType[] {
  return [...BOOKKEEPING, ...spec.columns];
}

function tupleOf<R extends MappedBase>(
  spec: TableSpec<R>,
  record: R,
  id: string,
  hash: string,
  ctx: WriteContext,
): unknown[] {
  return [
    ...[id, hash, ctx.runId, record.status, record.modifiedAt, null, ctx.now],
    ...spec.values(record, id, ctx.cipher),
  ];
}

/**
 * Row ids, hashes and the upsert JSON (personal fields encrypted) of a batch; no database work,
 * so it can run while the previous batch is written. A sourcedId repeated in the batch keeps its
 * last record (or is refused).
 */
export function planRows<R extends MappedBase>(
  spec: TableSpec<R>,
  records: readonly R[],
  ctx: WriteContext,
): PlannedRow<R>[] {
  const byId = new Map<string, PlannedRow<R>>();
  const columns = columnsOf(spec as TableSpec<MappedBase>);
  records.forEach((record, position) => {
    const id = ctx.cipher.rowId(spec.idKind, record.sourcedId);
    if (byId.has(id)) {
      ctx.onDuplicate?.(position);
      byId.delete(id);
    }
    const hash = contentHash(ctx, spec.table, record);
    byId.set(id, {
      record,
      id,
      hash,
      json: rowJson(columns, tupleOf(spec, record, id, hash, ctx)),
    });
  });
  return [...byId.values()];
}

async function selectExisting(
  tx: TenantTransaction,
  table: string,
  ids: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const rows = await tx.query(
    `SELECT id, source_hash, seen_run_id, deleted_at IS NOT NULL AS is_deleted
       FROM ${table} WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [tx.tenantId, ids],
  );
  return new Map(rows.map((row) => [row.id as string, row]));
}

async function upsertRows<R extends MappedBase>(
  tx: TenantTransaction,
  spec: TableSpec<R>,
  rows: PlannedRow<R>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(spec as TableSpec<MappedBase>);
  const json = `[${rows.map((row) => row.json).join(',')}]`;
  const names = columns.map(([name]) => name);
  const from = recordsetFrom(columns, 2);
  const updates = names.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`);
  await tx.query(
    `INSERT INTO ${spec.table} (tenant_id, ${names.join(', ')}) SELECT $1, ${names.join(', ')} FROM ${from}
      ORDER BY id
     ON CONFLICT (tenant_id, id) DO UPDATE SET ${updates.join(', ')}`,
    [tx.tenantId, json],
  );
}

async function markSeen(
  tx: TenantTransaction,
  table: string,
  ids: string[],
  ctx: WriteContext,
): Promise<void> {
  if (ids.length === 0 || !ctx.marksSeen) return;
  await tx.query(
    `UPDATE ${table} SET seen_run_id = $3 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [tx.tenantId, ids, ctx.runId],
  );
}

/**
 * Soft-deletes rows (deleted_at, status tobedeleted) that are not deleted yet and records one
 * audit event per row. Rows stay, so evidence and results keep their person.
 * @returns how many rows were deleted.
 */
export async function softDelete(
  tx: TenantTransaction,
  spec: Pick<TableSpec<MappedBase>, 'table' | 'resourceType'>,
  ids: string[],
  ctx: WriteContext,
  reason: 'tobedeleted' | 'absent',
): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = await tx.query<{ id: string }>(
    `UPDATE ${spec.table} SET deleted_at = $3, status = 'tobedeleted', seen_run_id = $4, updated_at = $3
      WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL RETURNING id`,
    [tx.tenantId, ids, ctx.now, ctx.runId],
  );
  await appendAudit(
    tx,
    deleted.map((row) => ({
      actorType: 'system' as const,
      actorId: ctx.runId,
      action: `roster.${spec.resourceType}.deleted`,
      resourceType: spec.resourceType,
      resourceId: row.id,
      detail: { runId: ctx.runId, reason },
    })),
    ctx.now,
  );
  return deleted.length;
}

/**
 * Writes one batch of mapped records of an entity: new and changed records are upserted in one
 * multi-row statement, unchanged ones only marked seen, `tobedeleted` ones soft-deleted.
 * Idempotent: the same batch written twice changes nothing the second time.
 */
export async function writeBatch<R extends MappedBase>(
  tx: TenantTransaction,
  spec: TableSpec<R>,
  records: readonly R[],
  ctx: WriteContext,
): Promise<BatchOutcome<R>> {
  return writePlannedRows(tx, spec, planRows(spec, records, ctx), ctx);
}

/** `writeBatch` for rows already planned by `planRows` (with the same context). */
export async function writePlannedRows<R extends MappedBase>(
  tx: TenantTransaction,
  spec: TableSpec<R>,
  rows: PlannedRow<R>[],
  ctx: WriteContext,
): Promise<BatchOutcome<R>> {
  // Most pages only add or refresh rows: one statement decides what changed, no read first.
  if (rows.length > 0 && rows.every((row) => row.record.status !== 'tobedeleted'))
    return upsertChanged(tx, spec.table, columnsOf(spec as TableSpec<MappedBase>), rows, ctx);
  const existing = await selectExisting(
    tx,
    spec.table,
    rows.map((r) => r.id),
  );
  const counts = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
  const toWrite: PlannedRow<R>[] = [];
  const updated: PlannedRow<R>[] = [];
  const toDelete: string[] = [];
  const unchanged: string[] = [];
  rows.forEach((row, position) => {
    const before = existing.get(row.id);
    if (before && before.seen_run_id === ctx.runId && ctx.onDuplicate) ctx.onDuplicate(position);
    if (row.record.status === 'tobedeleted') {
      if (before && !before.is_deleted) toDelete.push(row.id);
      else unchanged.push(row.id);
    } else if (!before) {
      counts.created += 1;
      toWrite.push(row);
    } else if (before.source_hash !== row.hash || before.is_deleted) {
      counts.updated += 1;
      toWrite.push(row);
      updated.push(row);
    } else {
      unchanged.push(row.id);
    }
  });
  await upsertRows(tx, spec, toWrite);
  await markSeen(tx, spec.table, unchanged, ctx);
  counts.deleted = await softDelete(
    tx,
    spec as TableSpec<MappedBase>,
    toDelete,
    ctx,
    'tobedeleted',
  );
  // A tobedeleted record already deleted (or never stored) leaves the table as it was.
  counts.unchanged = unchanged.length + toDelete.length - counts.deleted;
  return { counts, written: toWrite, updated };
}
