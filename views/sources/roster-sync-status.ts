import { getSyncStatus } from '../../oneroster/index.js';
import type { TenantTransaction } from '../../store/index.js';

/** What the widgets say about the roster's freshness. */
export interface RosterSyncStatus {
  /** When the last successful roster sync finished; null when none has. */
  syncedAt: Date | null;
  /** Whether a sync is running now. */
  isRunning: boolean;
}

/**
 * The roster's freshness from the OneRoster module: the end of the newest completed sync.
 *
 * @param tx - a transaction of the district.
 * @returns the status.
 */
export async function readRosterSyncStatus(tx: TenantTransaction): Promise<RosterSyncStatus> {
  const status = await getSyncStatus(tx);
  const completed = status.runs.find((run) => run.state === 'completed' && run.finishedAt);
  return { syncedAt: completed?.finishedAt ?? null, isRunning: status.isRunning };
}
