import { evaluateStudent, parametersFor, type StudentResult } from '../../calculators/index.js';
import { appendAudit, type Database, type TenantTransaction } from '../../store/index.js';
import { assembleStudentRecords } from './assemble-student-records.js';
import { inputsHash } from './inputs-hash.js';

/** What a recompute needs: the database and the clock. */
export interface ResultsContext {
  readonly db: Database;
  now(): Date;
}

/** Counts of one recompute. */
export interface RecomputeSummary {
  evaluated: number;
  /** Students whose stored result was written (inputs changed, or none stored yet). */
  changed: number;
  changedPersonIds: string[];
}

/** Students per transaction: keeps each transaction short on a district of any size. */
const CHUNK_STUDENTS = 500;

async function listStudentIds(tx: TenantTransaction): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM people WHERE role = 'student' AND deleted_at IS NULL ORDER BY id`,
  );
  return rows.map((row) => row.id);
}

async function upsertResults(
  tx: TenantTransaction,
  rows: Array<{ personId: string; result: StudentResult; hash: string }>,
  now: Date,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [tx.tenantId, now];
  const tuples = rows.map(({ personId, result, hash }) => {
    const base = params.length;
    params.push(
      personId,
      result.accountability_year,
      JSON.stringify(result),
      result.ccmr_met,
      hash,
    );
    return `($1, $${base + 1}, $${base + 2}, $${base + 3}::jsonb, $${base + 4}, $${base + 5}, $2)`;
  });
  const written = await tx.query<{ person_id: string }>(
    `INSERT INTO student_results (tenant_id, person_id, accountability_year, result, ccmr_met, inputs_hash, computed_at)
     VALUES ${tuples.join(', ')}
     ON CONFLICT (tenant_id, person_id) DO UPDATE SET accountability_year = EXCLUDED.accountability_year,
       result = EXCLUDED.result, ccmr_met = EXCLUDED.ccmr_met, inputs_hash = EXCLUDED.inputs_hash,
       computed_at = EXCLUDED.computed_at
     WHERE student_results.inputs_hash IS DISTINCT FROM EXCLUDED.inputs_hash
     RETURNING person_id`,
    params,
  );
  return written.map((row) => row.person_id);
}

async function recomputeChunk(
  context: ResultsContext,
  tx: TenantTransaction,
  personIds: readonly string[],
): Promise<{ evaluated: number; changed: string[] }> {
  const now = context.now();
  const records = await assembleStudentRecords(context, tx, personIds);
  const rows = records.map((record) => {
    const params = parametersFor(record.accountability_year);
    return {
      personId: record.student_id!,
      result: evaluateStudent(record, params),
      hash: inputsHash(record, params),
    };
  });
  const changed = await upsertResults(tx, rows, now);
  await appendAudit(
    tx,
    {
      actorType: 'system',
      actorId: 'results.recompute',
      action: 'results.recomputed',
      resourceType: 'student_results',
      detail: { evaluated: records.length, changed: changed.length, personIds: changed },
    },
    now,
  );
  return { evaluated: records.length, changed };
}

/**
 * Recomputes students' CCMR results: assembles each §3 record from the store, evaluates it with
 * the calculators, and stores the result with its inputs hash, writing only where the inputs
 * changed. Runs in chunks of 500 students, one transaction each, each audited.
 *
 * @param context - database and clock.
 * @param tenantId - the district.
 * @param personIds - the students; every active student when absent.
 * @returns counts and the students whose result was written.
 */
export async function recomputeResults(
  context: ResultsContext,
  tenantId: string,
  personIds?: readonly string[],
): Promise<RecomputeSummary> {
  const ids = personIds
    ? [...new Set(personIds)]
    : await context.db.withTenant(tenantId, listStudentIds);
  const summary: RecomputeSummary = { evaluated: 0, changed: 0, changedPersonIds: [] };
  for (let start = 0; start < ids.length; start += CHUNK_STUDENTS) {
    const chunk = ids.slice(start, start + CHUNK_STUDENTS);
    const { evaluated, changed } = await context.db.withTenant(tenantId, (tx) =>
      recomputeChunk(context, tx, chunk),
    );
    summary.evaluated += evaluated;
    summary.changed += changed.length;
    summary.changedPersonIds.push(...changed);
  }
  return summary;
}
