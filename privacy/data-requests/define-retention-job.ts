import type { AppContext } from '../../app/app-context.js';
import { isAppError, listTenants } from '../../store/index.js';
import { applyRetention } from './apply-retention.js';

/** Runs on RETENTION_CRON and applies every active district's retention rules. */
export const RETENTION_JOB = 'privacy.retention';

/**
 * Applies retention to every active district, one after another. A district that fails is
 * logged and the others still run; the job then fails, so the failure shows in the queue, and
 * the next scheduled run tries again (retention is idempotent).
 * @param context the application context.
 * @param jobId the job doing this, for the log.
 * @returns the number of students deleted in all districts.
 */
export async function applyRetentionEverywhere(
  context: AppContext,
  jobId?: string,
): Promise<number> {
  let deleted = 0;
  let failures = 0;
  for (const tenant of await listTenants(context.db)) {
    if (tenant.status !== 'active') continue;
    try {
      const outcome = await applyRetention(context, tenant.id);
      deleted += outcome.deletedStudentIds.length;
      if (outcome.deletedStudentIds.length > 0) {
        context.logger.info({
          event: 'privacy.retention.applied',
          tenantId: tenant.id,
          jobId,
          deleted: outcome.deletedStudentIds.length,
        });
      }
    } catch (error) {
      failures += 1;
      const code = isAppError(error) ? error.code : 'ERR_RETENTION_FAILED';
      context.logger.warn({ event: 'privacy.retention.failed', tenantId: tenant.id, jobId, code });
    }
  }
  if (failures > 0) throw new Error(`retention failed in ${failures} district(s); see the log`);
  return deleted;
}

/**
 * Declares the retention job, scheduled on RETENTION_CRON (none when it is off). Districts that
 * have not set a grace period are visited and left untouched.
 * @param context the application context.
 */
export function defineRetentionJob(context: AppContext): void {
  context.jobs.defineScheduled({
    name: RETENTION_JOB,
    purpose: 'legal_compliance',
    cron: context.config.retentionCron,
    timezone: context.config.scheduleTimezone,
    handle: async ({ jobId }) => {
      await applyRetentionEverywhere(context, jobId);
    },
  });
}
