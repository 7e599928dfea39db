import { z } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { recomputeResults } from '../app/results/index.js';
import { isAppError, listTenants } from '../store/index.js';
import { SyncInProgress } from './errors.js';
import { ROSTER_ENTITIES, type SyncCounts } from './sync-counts.js';
import { syncRoster } from './sync-roster.js';

/** Runs on the configured schedule and queues one sync per connected district. */
export const SCHEDULED_ROSTER_SYNC_JOB = 'oneroster.sync-scheduled';
/** Syncs one district's roster: delta, or full when the last full sync is too old. */
export const ROSTER_SYNC_JOB = 'oneroster.sync';

const tenantPayload = z.object({ tenantId: z.uuid() });
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether the next sync of a district should be full: its last completed full sync (which is
 * what finds records a provider dropped without flagging them) is older than `fullSyncDays`.
 */
export async function isFullSyncDue(
  context: AppContext,
  tenantId: string,
  fullSyncDays: number,
): Promise<boolean> {
  const last = await context.db.withTenant(tenantId, (tx) =>
    tx.one<{ finished_at: Date | null }>(
      `SELECT max(finished_at) AS finished_at FROM oneroster_sync_runs
        WHERE state = 'completed' AND mode = 'full'`,
    ),
  );
  const finishedAt = last?.finished_at;
  return !finishedAt || context.now().getTime() - finishedAt.getTime() >= fullSyncDays * DAY_MS;
}

/** Whether a sync created, changed or deleted anything. */
function hasRosterChanged(counts: SyncCounts): boolean {
  return ROSTER_ENTITIES.some((entity) => {
    const { created, updated, deleted } = counts[entity];
    return created + updated + deleted > 0;
  });
}

/** Active districts with a OneRoster connection saved. */
async function connectedTenantIds(context: AppContext): Promise<string[]> {
  const ids: string[] = [];
  for (const tenant of await listTenants(context.db)) {
    if (tenant.status !== 'active') continue;
    const connection = await context.db.withTenant(tenant.id, (tx) =>
      tx.one('SELECT 1 AS connected FROM oneroster_connections'),
    );
    if (connection) ids.push(tenant.id);
  }
  return ids;
}

/**
 * Queues a sync of every active district with a OneRoster connection; a district whose sync is
 * already waiting is not queued twice.
 * @param context the application context.
 * @param jobId the scheduled job doing this, for the log.
 * @returns the districts queued.
 */
export async function queueRosterSyncs(context: AppContext, jobId?: string): Promise<string[]> {
  const tenantIds = await connectedTenantIds(context);
  for (const tenantId of tenantIds) {
    await context.db.withTenant(tenantId, (tx) =>
      context.jobs.enqueue(tx, ROSTER_SYNC_JOB, { tenantId }, { singletonKey: tenantId }),
    );
  }
  context.logger.info({ event: 'roster.sync.scheduled', jobId, districts: tenantIds.length });
  return tenantIds;
}

/**
 * Syncs one district as the schedule does: full when one is due, otherwise delta. When the
 * roster changed (a student graduated, moved campus, changed program), every student's result
 * is recomputed; only those whose inputs changed are written. Logs ids, mode, counts and
 * duration only. A sync of the district already running makes this a no-op.
 * @param context the application context.
 * @param tenantId the district.
 * @param jobId the job doing this, for the log.
 * @throws what syncRoster throws, except SyncInProgress.
 */
export async function syncDistrictOnSchedule(
  context: AppContext,
  tenantId: string,
  jobId?: string,
): Promise<void> {
  const startedMs = Date.now();
  const full = await isFullSyncDue(context, tenantId, context.config.rosterFullSyncDays);
  try {
    const run = await syncRoster(context, tenantId, { full });
    const results = hasRosterChanged(run.counts)
      ? await recomputeResults(context, tenantId)
      : { evaluated: 0, changed: 0 };
    context.logger.info({
      event: 'roster.sync.completed',
      tenantId,
      jobId,
      runId: run.runId,
      mode: run.mode,
      counts: run.counts,
      resultsEvaluated: results.evaluated,
      resultsChanged: results.changed,
      durationMs: Date.now() - startedMs,
    });
  } catch (error) {
    // A sync started by hand is already doing this job's work.
    if (error instanceof SyncInProgress) {
      context.logger.info({ event: 'roster.sync.skipped', tenantId, jobId, code: error.code });
      return;
    }
    const code = isAppError(error) ? error.code : 'ERR_ONEROSTER_SYNC_FAILED';
    context.logger.warn(
      { event: 'roster.sync.failed', tenantId, jobId, code, durationMs: Date.now() - startedMs },
      'roster sync failed; it will be retried',
    );
    throw error;
  }
}

/**
 * Declares the roster sync jobs: `oneroster.sync-scheduled` on ONEROSTER_SYNC_CRON (none when
 * it is off), which queues `oneroster.sync` for each connected district. A failed sync is
 * retried three times, 5, 10 and 20 minutes later; what a failed run wrote stays consistent and
 * the retry completes it.
 * @param context the application context.
 */
export function defineRosterSyncJobs(context: AppContext): void {
  context.jobs.defineScheduled({
    name: SCHEDULED_ROSTER_SYNC_JOB,
    purpose: 'deliver_service',
    cron: context.config.rosterSyncCron,
    timezone: context.config.scheduleTimezone,
    handle: async ({ jobId }) => {
      await queueRosterSyncs(context, jobId);
    },
  });
  context.jobs.define<{ tenantId: string }>({
    name: ROSTER_SYNC_JOB,
    purpose: 'deliver_service',
    policy: 'short',
    retryLimit: 3,
    retryDelaySeconds: 300,
    retryBackoff: true,
    handle: (payload, { jobId }) =>
      syncDistrictOnSchedule(context, tenantPayload.parse(payload).tenantId, jobId),
  });
}
