import { hostname } from 'node:os';
import type { TenantTransaction } from '../../store/index.js';
import { SyncInProgress } from '../errors.js';
import type { SyncCounts } from '../sync-counts.js';

export type SyncMode = 'full' | 'delta' | 'csv';

/** Identifies this process as a lock holder: host and pid. */
function holderName(): string {
  return `${hostname()}|${process.pid}`;
}

/** A lock held by a process of this host that is gone can be taken over at once. */
function isHolderAlive(holder: string | null, heartbeatAt: Date | null, now: Date): boolean {
  if (!holder) return false;
  const [host, pid] = holder.split('|');
  if (host === hostname()) {
    try {
      process.kill(Number(pid), 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  // Another host: trust its heartbeat for ten minutes (each page renews it).
  return heartbeatAt !== null && now.getTime() - heartbeatAt.getTime() < 10 * 60_000;
}

/**
 * Takes the district's sync lock and records a new running run. A lock left by a process that
 * died (killed mid-sync) is taken over, and its run is marked failed.
 * @returns the watermark of the last successful sync, if any.
 * @throws SyncInProgress (ERR_ONEROSTER_SYNC_IN_PROGRESS) when a live process holds the lock.
 */
export async function startRun(
  tx: TenantTransaction,
  run: { id: string; mode: SyncMode; now: Date },
): Promise<{ watermark: Date | null }> {
  await tx.query(
    `INSERT INTO oneroster_sync_state (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING`,
    [tx.tenantId],
  );
  const state = await tx.one<{
    watermark: Date | null;
    lock_run_id: string | null;
    lock_holder: string | null;
    lock_heartbeat_at: Date | null;
  }>(
    `SELECT watermark, lock_run_id, lock_holder, lock_heartbeat_at FROM oneroster_sync_state
      WHERE tenant_id = $1 FOR UPDATE`,
    [tx.tenantId],
  );
  if (state!.lock_run_id) {
    if (isHolderAlive(state!.lock_holder, state!.lock_heartbeat_at, run.now))
      throw new SyncInProgress();
    await tx.query(
      `UPDATE oneroster_sync_runs SET state = 'failed', error_code = 'ERR_ONEROSTER_ABORTED', finished_at = $3
        WHERE tenant_id = $1 AND id = $2 AND state = 'running'`,
      [tx.tenantId, state!.lock_run_id, run.now],
    );
  }
  await tx.query(
    `UPDATE oneroster_sync_state SET lock_run_id = $2, lock_holder = $3, lock_heartbeat_at = $4 WHERE tenant_id = $1`,
    [tx.tenantId, run.id, holderName(), run.now],
  );
  await tx.query(
    `INSERT INTO oneroster_sync_runs (tenant_id, id, mode, state, started_at) VALUES ($1, $2, $3, 'running', $4)`,
    [tx.tenantId, run.id, run.mode, run.now],
  );
  return { watermark: state!.watermark };
}

/**
 * Progress of a running run, written in the same transaction as the page it counts. Pages of a
 * sync may commit out of order, so processed and percent only ever grow.
 */
export async function recordProgress(
  tx: TenantTransaction,
  runId: string,
  progress: { entity: string; processed: number; total: number; counts: SyncCounts; now: Date },
): Promise<void> {
  const percent =
    progress.total > 0 ? Math.min(100, Math.floor((100 * progress.processed) / progress.total)) : 0;
  await tx.query(
    `UPDATE oneroster_sync_runs SET current_entity = $3, processed = GREATEST(processed, $4),
        total = $5, percent = GREATEST(percent, $6), counts = $7
      WHERE tenant_id = $1 AND id = $2`,
    [
      tx.tenantId,
      runId,
      progress.entity,
      progress.processed,
      progress.total,
      percent,
      JSON.stringify(progress.counts),
    ],
  );
  await tx.query(
    `UPDATE oneroster_sync_state SET lock_heartbeat_at = $3 WHERE tenant_id = $1 AND lock_run_id = $2`,
    [tx.tenantId, runId, progress.now],
  );
}

/**
 * Ends a run and releases the lock. A completed run moves the watermark (delta syncs then ask for
 * records modified after it); a failed one leaves it, so the next sync covers the same ground.
 */
export async function finishRun(
  tx: TenantTransaction,
  runId: string,
  outcome: {
    state: 'completed' | 'failed';
    counts: SyncCounts;
    now: Date;
    watermark?: Date;
    errorCode?: string;
  },
): Promise<void> {
  await tx.query(
    `UPDATE oneroster_sync_runs SET state = $3, finished_at = $4, counts = $5, error_code = $6,
        percent = CASE WHEN $3 = 'completed' THEN 100 ELSE percent END
      WHERE tenant_id = $1 AND id = $2`,
    [
      tx.tenantId,
      runId,
      outcome.state,
      outcome.now,
      JSON.stringify(outcome.counts),
      outcome.errorCode ?? null,
    ],
  );
  await tx.query(
    `UPDATE oneroster_sync_state SET lock_run_id = NULL, lock_holder = NULL, lock_heartbeat_at = NULL,
        watermark = COALESCE($3, watermark)
      WHERE tenant_id = $1 AND lock_run_id = $2`,
    [tx.tenantId, runId, outcome.watermark ?? null],
  );
}
