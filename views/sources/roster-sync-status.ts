import type { TenantTransaction } from '../../store/index.js';

/** What the widgets say about the roster's freshness. */
export interface RosterSyncStatus {
  /** When the last successful roster sync finished; null when none has. */
  syncedAt: Date | null;
  /** `rest`, `csv` or null when no connection is configured. */
  source: string | null;
  /** Outcome of the most recent attempt: `completed`, `failed`, `running` or null. */
  lastOutcome: string | null;
}

/**
 * The roster sync status of the district.
 *
 * Limitation: the OneRoster module's getSyncStatus is not available yet, so this answers from
 * the roster rows themselves (the newest `updated_at` of people), with no source or outcome.
 *
 * @param tx - a transaction of the district.
 * @returns the status.
 */
export async function readRosterSyncStatus(tx: TenantTransaction): Promise<RosterSyncStatus> {
  const row = await tx.one<{ synced_at: Date | null }>(
    'SELECT max(updated_at) AS synced_at FROM people',
  );
  return { syncedAt: row?.synced_at ?? null, source: null, lastOutcome: null };
}
