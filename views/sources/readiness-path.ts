import type { ReadinessPath } from '../../calculators/index.js';
import type { TenantTransaction } from '../../store/index.js';
import type { StudentRow } from './student-rows.js';
import { findStudentPaths } from './readiness-paths.js';

/**
 * One student's path to readiness (see {@link findStudentPaths}).
 *
 * @param clock - the application clock.
 * @param tx - a transaction of the viewer's district.
 * @param row - the student, already authorised.
 * @param today - ISO date the routes are judged on.
 * @returns the path, or null when the student is ready or none can be computed.
 */
export async function findStudentPath(
  clock: { now(): Date },
  tx: TenantTransaction,
  row: StudentRow,
  today: string,
): Promise<ReadinessPath | null> {
  return (await findStudentPaths(clock, tx, [row], today)).get(row.personId) ?? null;
}
