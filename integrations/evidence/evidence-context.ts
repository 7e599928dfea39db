import type { AuditEvent, Database, JobQueue, TenantKeys } from '../../store/index.js';

/** What evidence intake needs from the application: database, keys, queue and clock. */
export interface EvidenceContext {
  readonly db: Database;
  readonly keys: TenantKeys;
  readonly jobs: JobQueue;
  now(): Date;
}

/** Who imports or resolves, as the audit trail records it. */
export type EvidenceActor = Pick<AuditEvent, 'actorType' | 'actorId' | 'launchId'>;

/**
 * The job that recomputes students' results (defined by app/results): payload
 * `{ tenantId, personIds }` or `{ tenantId, importId }` for large imports.
 */
export const RECOMPUTE_JOB = 'results.recompute';

/** Imports touching more students than this hand the job the import id instead of the ids. */
export const MAX_IDS_IN_PAYLOAD = 500;
