import { getSyncStatus } from '../../oneroster/index.js';
import type { TenantTransaction } from '../../store/index.js';

/** What the widgets say about the roster's freshness. */
export interface RosterSyncStatus {
  /** When the last successful roster sync finished; null when none has. */
  syncedAt: Date | null;
  /** Whether a sync is running now. */
  isRunning: boolean;
}

/** How long one process reuses a district's sync status: the footer's "as of" line. */
const STATUS_TTL_MS = 15_000;

const recent = new Map<string, { status: RosterSyncStatus; readAtMs: number }>();

/**
 * The roster's freshness from the OneRoster module: the end of the newest completed sync.
 * Reused for a few seconds per district, since every widget request shows it.
 *
 * @param tx - a transaction of the district.
 * @returns the status.
 */
export async function readRosterSyncStatus(tx: TenantTransaction): Promise<RosterSyncStatus> {
  const cached = recent.get(tx.tenantId);
  if (cached && Date.now() - cached.readAtMs < STATUS_TTL_MS) return cached.status;
  const sync = await getSyncStatus(tx);
  const completed = sync.runs.find((run) => run.state === 'completed' && run.finishedAt);
  const status = { syncedAt: completed?.finishedAt ?? null, isRunning: sync.isRunning };
  recent.set(tx.tenantId, { status, readAtMs: Date.now() });
  return status;
}
