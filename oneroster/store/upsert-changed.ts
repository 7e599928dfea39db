import type { TenantTransaction } from '../../store/index.js';
import type { MappedBase } from '../mapping/wire-fields.js';
import type { BatchOutcome, PlannedRow } from './write-batch.js';
import { recordsetFrom, type ColumnType, type WriteContext } from './write-context.js';

/**
 * Writes a planned batch that deletes nothing, without first reading the stored rows: one
 * INSERT … ON CONFLICT DO UPDATE writes only new rows and rows whose content hash changed (or
 * that were deleted), and RETURNING says which were inserted, so the created, updated and
 * unchanged counts stay exact. Rows it left alone are then marked seen.
 *
 * With `ctx.onDuplicate` (CSV files, where a sourcedId must not repeat) a row this run already
 * wrote is neither updated nor marked again, and so is found and refused at its position.
 */
export async function upsertChanged<R extends MappedBase>(
  tx: TenantTransaction,
  table: string,
  columns: readonly ColumnType[],
  rows: PlannedRow<R>[],
  ctx: WriteContext,
): Promise<BatchOutcome<R>> {
  const names = columns.map(([name]) => name).join(', ');
  const updates = columns
    .filter(([name]) => name !== 'id')
    .map(([name]) => `${name} = EXCLUDED.${name}`);
  const notRepeated = ctx.onDuplicate
    ? 'AND t.seen_run_id IS DISTINCT FROM EXCLUDED.seen_run_id'
    : '';
  // xmax is 0 only on a row version this statement inserted; an updated one carries our lock.
  const changed = await tx.query<{ id: string; inserted: boolean }>(
    `INSERT INTO ${table} AS t (tenant_id, ${names}) SELECT $1, ${names} FROM ${recordsetFrom(columns, 2)}
      ORDER BY id
     ON CONFLICT (tenant_id, id) DO UPDATE SET ${updates.join(', ')}
      WHERE (t.source_hash IS DISTINCT FROM EXCLUDED.source_hash OR t.deleted_at IS NOT NULL)
        ${notRepeated}
     RETURNING id, (xmax = 0) AS inserted`,
    [tx.tenantId, `[${rows.map((row) => row.json).join(',')}]`],
  );
  const written = new Set(changed.map((row) => row.id));
  const createdIds = new Set(changed.filter((row) => row.inserted).map((row) => row.id));
  const created = createdIds.size;
  const untouched = rows.filter((row) => !written.has(row.id)).map((row) => row.id);
  await markUntouched(tx, table, rows, untouched, ctx);
  return {
    counts: {
      created,
      updated: changed.length - created,
      unchanged: untouched.length,
      deleted: 0,
    },
    written: rows.filter((row) => written.has(row.id)),
    updated: rows.filter((row) => written.has(row.id) && !createdIds.has(row.id)),
  };
}

/** Marks unchanged rows seen by this run; under `onDuplicate`, one it saw already is refused. */
async function markUntouched<R extends MappedBase>(
  tx: TenantTransaction,
  table: string,
  rows: PlannedRow<R>[],
  untouched: string[],
  ctx: WriteContext,
): Promise<void> {
  if (untouched.length === 0 || !(ctx.marksSeen || ctx.onDuplicate)) return;
  const marked = await tx.query<{ id: string }>(
    `UPDATE ${table} SET seen_run_id = $3 WHERE tenant_id = $1 AND id = ANY($2::uuid[])
        AND seen_run_id IS DISTINCT FROM $3 RETURNING id`,
    [tx.tenantId, untouched, ctx.runId],
  );
  if (!ctx.onDuplicate || marked.length === untouched.length) return;
  const fresh = new Set(marked.map((row) => row.id));
  const waiting = new Set(untouched);
  rows.forEach((row, position) => {
    if (waiting.has(row.id) && !fresh.has(row.id)) ctx.onDuplicate!(position);
  });
}
