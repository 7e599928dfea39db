import type { TenantTransaction } from '../store/index.js';
import type { SyncCounts } from './sync-counts.js';

/** One sync or import run as the admin view shows it. */
export interface SyncRunStatus {
  id: string;
  mode: 'full' | 'delta' | 'csv';
  state: 'running' | 'completed' | 'failed';
  startedAt: Date;
  finishedAt: Date | null;
  currentEntity: string | null;
  processed: number;
  total: number;
  percent: number;
  counts: Partial<SyncCounts>;
  errorCode: string | null;
}

/** The district's rostering state: its provider, watermark, and latest runs. */
export interface SyncStatus {
  connection: { version: string; baseUrl: string; authKind: string } | null;
  /** Delta syncs ask for records modified after this (the start of the last successful sync). */
  watermark: Date | null;
  isRunning: boolean;
  /** Latest runs, newest first (at most 10). */
  runs: SyncRunStatus[];
}

/**
 * Reads the rostering state of the transaction's district, for the admin view.
 * @param tx a tenant transaction.
 * @returns connection (no credentials), watermark, whether a sync runs, and the latest runs.
 */
export async function getSyncStatus(tx: TenantTransaction): Promise<SyncStatus> {
  const connection = await tx.one<{ version: string; base_url: string; auth_kind: string }>(
    'SELECT version, base_url, auth_kind FROM oneroster_connections WHERE tenant_id = $1',
    [tx.tenantId],
  );
  const state = await tx.one<{ watermark: Date | null; lock_run_id: string | null }>(
    'SELECT watermark, lock_run_id FROM oneroster_sync_state WHERE tenant_id = $1',
    [tx.tenantId],
  );
  const rows = await tx.query(
    `SELECT id, mode, state, started_at, finished_at, current_entity, processed, total, percent, counts, error_code
       FROM oneroster_sync_runs WHERE tenant_id = $1 ORDER BY started_at DESC, id LIMIT 10`,
    [tx.tenantId],
  );
  return {
    connection: connection
      ? {
          version: connection.version,
          baseUrl: connection.base_url,
          authKind: connection.auth_kind,
        }
      : null,
    watermark: state?.watermark ?? null,
    isRunning: Boolean(state?.lock_run_id),
    runs: rows.map((r) => ({
      id: r.id as string,
      mode: r.mode as SyncRunStatus['mode'],
      state: r.state as SyncRunStatus['state'],
      startedAt: r.started_at as Date,
      finishedAt: (r.finished_at as Date | null) ?? null,
      currentEntity: (r.current_entity as string | null) ?? null,
      processed: Number(r.processed),
      total: Number(r.total),
      percent: Number(r.percent),
      counts: r.counts as Partial<SyncCounts>,
      errorCode: (r.error_code as string | null) ?? null,
    })),
  };
}
