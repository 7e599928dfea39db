import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { recomputeResults } from './recompute-results.js';

/** The job name; evidence intake and certification changes queue it. */
export const RECOMPUTE_RESULTS_JOB = 'results.recompute';

const payloadSchema = z.union([
  z.object({ tenantId: z.uuid(), personIds: z.array(z.uuid()).min(1) }),
  z.object({ tenantId: z.uuid(), importId: z.uuid() }),
]);

/** The students of a batch: those an evidence import changed. */
async function personIdsOfImport(
  context: AppContext,
  tenantId: string,
  importId: string,
): Promise<string[]> {
  const row = await context.db.withTenant(tenantId, (tx) =>
    tx.one<{ affected_person_ids: string[] }>(
      'SELECT affected_person_ids FROM evidence_imports WHERE id = $1',
      [importId],
    ),
  );
  return row?.affected_person_ids ?? [];
}

/**
 * Declares `results.recompute`: payload `{ tenantId, personIds }` or `{ tenantId, importId }`
 * (the students an evidence import changed); recomputes and stores their results.
 *
 * @param context - the application.
 */
export function defineResultsJobs(context: AppContext): void {
  context.jobs.define<Record<string, unknown>>({
    name: RECOMPUTE_RESULTS_JOB,
    purpose: 'deliver_service',
    retryLimit: 3,
    retryDelaySeconds: 5,
    retryBackoff: true,
    async handle(raw, { jobId }) {
      const started = Date.now();
      const payload = payloadSchema.parse(raw);
      const personIds =
        'personIds' in payload
          ? payload.personIds
          : await personIdsOfImport(context, payload.tenantId, payload.importId);
      const summary = await recomputeResults(context, payload.tenantId, personIds);
      context.logger.info({
        event: 'results.recompute.completed',
        jobId,
        tenantId: payload.tenantId,
        evaluated: summary.evaluated,
        changed: summary.changed,
        durationMs: Date.now() - started,
      });
    },
  });
}
