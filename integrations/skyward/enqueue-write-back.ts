import type { JobQueue, TenantTransaction } from '../../store/index.js';
import { SKYWARD_DELIVER_JOB } from './job-names.js';

/** Transactions that already made sure a delivery is queued; an import saves many in one. */
const requestedIn = new WeakSet<TenantTransaction>();

/** One change of a certification to write back. */
export interface WriteBackChange {
  certificationId: string;
  personId: string;
  /** The version the change produced; with the id, it identifies the line in every file. */
  version: number;
  operation: 'upsert' | 'delete';
}

/**
 * Adds changes to the district's Skyward outbox and makes sure a delivery job is queued, all
 * inside the caller's transaction: if the changes roll back, nothing is queued. A burst of saves
 * queues one job, through the `skyward_dispatch` flag the job clears when it starts.
 * @param context the job queue and the clock.
 * @param tx the district's transaction that made the changes.
 * @param changes each certification id, version and operation.
 */
export async function enqueueSkywardWriteBacks(
  context: { readonly jobs: JobQueue; now(): Date },
  tx: TenantTransaction,
  changes: readonly WriteBackChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO skyward_outbox (tenant_id, certification_id, version, operation, person_id,
       enqueued_at)
     SELECT $1, c.certification_id, c.version, c.operation, c.person_id, $3
     FROM jsonb_to_recordset($2::jsonb)
       AS c (certification_id uuid, version integer, operation text, person_id uuid)
     ON CONFLICT (tenant_id, certification_id, version) DO NOTHING`,
    [
      tx.tenantId,
      JSON.stringify(
        changes.map((change) => ({
          certification_id: change.certificationId,
          version: change.version,
          operation: change.operation,
          person_id: change.personId,
        })),
      ),
      context.now(),
    ],
  );
  if (requestedIn.has(tx)) return;
  await requestDelivery(context, tx);
  requestedIn.add(tx);
}

/**
 * Adds one change to the outbox; see `enqueueSkywardWriteBacks`.
 * @param context the job queue and the clock.
 * @param tx the district's transaction that made the change.
 * @param change the certification id, version and operation.
 */
export function enqueueSkywardWriteBack(
  context: { readonly jobs: JobQueue; now(): Date },
  tx: TenantTransaction,
  change: WriteBackChange,
): Promise<void> {
  return enqueueSkywardWriteBacks(context, tx, [change]);
}

/**
 * Queues the district's delivery job unless one is already waiting.
 * @param context the job queue.
 * @param tx the district's transaction.
 * @returns whether a job was queued.
 */
export async function requestDelivery(
  context: { readonly jobs: JobQueue },
  tx: TenantTransaction,
): Promise<boolean> {
  const flipped = await tx.one(
    `INSERT INTO skyward_dispatch (tenant_id, is_job_queued) VALUES ($1, true)
     ON CONFLICT (tenant_id) DO UPDATE SET is_job_queued = true
       WHERE skyward_dispatch.is_job_queued = false
     RETURNING tenant_id`,
    [tx.tenantId],
  );
  if (!flipped) return false;
  const window = await tx.one<{ batch_window_seconds: number }>(
    'SELECT batch_window_seconds FROM skyward_connections',
  );
  await context.jobs.enqueue(
    tx,
    SKYWARD_DELIVER_JOB,
    { tenantId: tx.tenantId },
    { singletonKey: tx.tenantId, startAfterSeconds: window?.batch_window_seconds ?? 0 },
  );
  return true;
}
