import type { Database } from '../../store/index.js';

/** The job queue's tables (pg-boss) whose rows carry a payload. */
const JOB_TABLES = ['pgboss.job', 'pgboss.archive'];

/**
 * Deletes queued, finished and archived jobs whose payload mentions a person's internal id
 * (payloads carry ids only, so the internal id is what a payload can hold). Runs as the owner:
 * the queue lives outside tenant isolation.
 * @param db the database.
 * @param personId the person's internal id.
 * @returns how many job rows were deleted, per table.
 */
export async function purgeSubjectJobs(
  db: Database,
  personId: string,
): Promise<Record<string, number>> {
  return db.withOwner(async (tx) => {
    const removed: Record<string, number> = {};
    for (const table of JOB_TABLES) {
      const exists = await tx.one<{ found: string | null }>(
        'SELECT to_regclass($1)::text AS found',
        [table],
      );
      if (!exists?.found) continue;
      const rows = await tx.query(
        `DELETE FROM ${table} WHERE strpos(data::text, $1) > 0 OR strpos(coalesce(output::text, ''), $1) > 0 RETURNING 1 AS gone`,
        [personId],
      );
      if (rows.length > 0) removed[table] = rows.length;
    }
    return removed;
  });
}
