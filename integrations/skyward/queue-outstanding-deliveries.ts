import { listTenants } from '../../store/index.js';
import type { AppContext } from '../../app/app-context.js';
import { requestDelivery } from './enqueue-write-back.js';

/**
 * Whether the district has Skyward work left: changes not yet in a file, a file prepared but not
 * uploaded, or an uploaded change whose acknowledgement has not been read.
 */
const OUTSTANDING_WORK = `SELECT EXISTS (SELECT 1 FROM skyward_connections)
   AND (EXISTS (SELECT 1 FROM skyward_outbox WHERE status IN ('pending', 'delivered'))
     OR EXISTS (SELECT 1 FROM skyward_batches WHERE status = 'prepared')) AS outstanding`;

/**
 * Queues a delivery for every active district with Skyward work left. A delivery job gives up
 * after its retries (a server down for a day outlasts them); this sweep, run on a schedule,
 * picks the work up again, and reads the acknowledgements Skyward writes after a delivery.
 * A district whose delivery job is already waiting is not queued twice.
 * @param context the application context.
 * @returns the districts for which a delivery was queued.
 */
export async function queueOutstandingDeliveries(context: AppContext): Promise<string[]> {
  const queued: string[] = [];
  for (const tenant of await listTenants(context.db)) {
    if (tenant.status !== 'active') continue;
    const isQueued = await context.db.withTenant(tenant.id, async (tx) => {
      const row = await tx.one<{ outstanding: boolean }>(OUTSTANDING_WORK);
      return row!.outstanding && (await requestDelivery(context, tx));
    });
    if (isQueued) queued.push(tenant.id);
  }
  return queued;
}
