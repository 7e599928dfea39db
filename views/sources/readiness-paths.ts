import {
  findPathToReadiness,
  SUPPORTED_YEARS,
  type ReadinessPath,
} from '../../calculators/index.js';
import type { TenantTransaction } from '../../store/index.js';
import type { StudentRow } from './student-rows.js';
import { asProspectiveGraduate, assembleRecords } from './student-records.js';

/**
 * The path to readiness of every not-ready student among `rows`: the stored path when the
 * recompute kept one, otherwise computed from the students' records in one read.
 *
 * @param clock - the application clock.
 * @param tx - a transaction of the viewer's district.
 * @param rows - students already authorised for the viewer.
 * @param today - ISO date the routes are judged on.
 * @returns paths by person id (null when none can be computed).
 */
export async function findStudentPaths(
  clock: { now(): Date },
  tx: TenantTransaction,
  rows: readonly StudentRow[],
  today: string,
): Promise<Map<string, ReadinessPath | null>> {
  const paths = new Map<string, ReadinessPath | null>();
  const missing: string[] = [];
  for (const row of rows) {
    if (!row.result || row.result.ccmr_met) continue;
    if (row.result.path) paths.set(row.personId, row.result.path);
    else missing.push(row.personId);
  }
  const years = new Map(rows.map((row) => [row.personId, row.graduationYear]));
  for (const assembled of await assembleRecords(clock, tx, missing)) {
    const record = asProspectiveGraduate(assembled, years.get(assembled.student_id!) ?? null);
    const isSupported = SUPPORTED_YEARS.includes(record.accountability_year);
    paths.set(record.student_id!, isSupported ? findPathToReadiness(record, today) : null);
  }
  return paths;
}
