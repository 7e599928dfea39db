import type { AppContext } from '../app/app-context.js';
import { purgeExpiredLaunchState } from './purge-expired-launch-state.js';

/** Runs with the nightly retention (RETENTION_CRON) and removes expired LTI logins and sessions. */
export const LTI_PURGE_JOB = 'lti.purge-expired';

/**
 * Declares the LTI housekeeping job. It shares the retention schedule: both remove what the
 * product no longer needs to keep.
 * @param context the application context.
 */
export function defineLtiJobs(context: AppContext): void {
  context.jobs.defineScheduled({
    name: LTI_PURGE_JOB,
    purpose: 'security_integrity',
    cron: context.config.retentionCron,
    timezone: context.config.scheduleTimezone,
    handle: async ({ jobId }) => {
      const removed = await purgeExpiredLaunchState(context.db, context.now());
      context.logger.info({ event: 'lti.purge.completed', jobId, ...removed });
    },
  });
}
