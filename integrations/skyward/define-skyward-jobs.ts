import { z } from 'zod';
import { isAppError } from '../../store/index.js';
import type { AppContext } from '../../app/app-context.js';
import { SKYWARD_DELIVER_JOB, SKYWARD_SWEEP_JOB } from './job-names.js';
import { deliverPending } from './deliver-pending.js';
import { queueOutstandingDeliveries } from './queue-outstanding-deliveries.js';

const payloadSchema = z.object({ tenantId: z.uuid() });

/**
 * Declares the delivery job and its sweep. A failed delivery (server down, refused login)
 * throws, and the queue retries it with doubling delays: 30 s, 1 min, 2 min, … ten times. The
 * sweep, on SKYWARD_RETRY_CRON, queues a delivery for every district with work still left, so
 * an outage longer than the retries delays a change but never strands it.
 * @param context the application context.
 */
export function defineSkywardJobs(context: AppContext): void {
  context.jobs.defineScheduled({
    name: SKYWARD_SWEEP_JOB,
    purpose: 'deliver_service',
    cron: context.config.skywardRetryCron,
    timezone: context.config.scheduleTimezone,
    async handle({ jobId }) {
      const queued = await queueOutstandingDeliveries(context);
      context.logger.info({ event: 'skyward.sweep.completed', jobId, districts: queued.length });
    },
  });
  context.jobs.define<{ tenantId: string }>({
    name: SKYWARD_DELIVER_JOB,
    purpose: 'deliver_service',
    retryLimit: 10,
    retryDelaySeconds: 30,
    retryBackoff: true,
    async handle(payload, { jobId }) {
      const { tenantId } = payloadSchema.parse(payload);
      const startedMs = Date.now();
      try {
        const { acknowledgements, ...summary } = await deliverPending(context, tenantId, {
          isJobRun: true,
        });
        context.logger.info(
          {
            event: 'skyward.delivery.completed',
            tenantId,
            jobId,
            ...summary,
            ackAccepted: acknowledgements.accepted,
            ackRejected: acknowledgements.rejected,
            durationMs: Date.now() - startedMs,
          },
          'skyward delivery finished',
        );
      } catch (error) {
        const code = isAppError(error) ? error.code : 'ERR_SKYWARD_UNEXPECTED';
        context.logger.warn(
          {
            event: 'skyward.delivery.failed',
            tenantId,
            jobId,
            code,
            durationMs: Date.now() - startedMs,
          },
          'skyward delivery failed; it will be retried',
        );
        throw error;
      }
    },
  });
}
