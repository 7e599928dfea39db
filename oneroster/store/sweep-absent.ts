import type { TenantTransaction } from '../../store/index.js';
import type { MappedBase } from '../mapping/wire-fields.js';
import type { TableSpec } from './table-specs.js';
import { softDelete } from './write-batch.js';
import { clearDemographics } from './write-demographics.js';
import type { WriteContext } from './write-context.js';

/** How many absent rows one step removes: deletions are audited row by row, so keep steps short. */
export const SWEEP_STEP = 500;

/**
 * One step of removing what a full snapshot no longer contains: soft-deletes up to SWEEP_STEP
 * rows of the table that this run did not see.
 * @returns how many rows were deleted (0 when none are left).
 */
export async function sweepAbsentStep(
  tx: TenantTransaction,
  spec: Pick<TableSpec<MappedBase>, 'table' | 'resourceType'>,
  ctx: WriteContext,
): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM ${spec.table} WHERE tenant_id = $1 AND deleted_at IS NULL
       AND seen_run_id IS DISTINCT FROM $2 LIMIT ${SWEEP_STEP}`,
    [tx.tenantId, ctx.runId],
  );
  return softDelete(
    tx,
    spec,
    rows.map((r) => r.id),
    ctx,
    'absent',
  );
}

/**
 * One step of clearing demographics that a full snapshot no longer contains.
 * @returns how many people had their demographics cleared.
 */
export async function sweepAbsentDemographicsStep(
  tx: TenantTransaction,
  ctx: WriteContext,
): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM people WHERE tenant_id = $1 AND demographics_hash IS NOT NULL
       AND demographics_seen_run_id IS DISTINCT FROM $2 LIMIT ${SWEEP_STEP}`,
    [tx.tenantId, ctx.runId],
  );
  return clearDemographics(
    tx,
    rows.map((r) => r.id),
    ctx,
    'absent',
  );
}
