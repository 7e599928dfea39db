import type { StudentRecord } from '../../calculators/index.js';
import { assembleStudentRecords } from '../../app/results/index.js';
import type { TenantTransaction } from '../../store/index.js';

/**
 * The §3 records of the given students, assembled by the results module from the store.
 *
 * @param clock - the clock (for students with no graduation data yet).
 * @param tx - a transaction of the viewer's district.
 * @param personIds - students already filtered by the viewer's scope.
 * @returns one record per student (record.student_id is the internal id).
 */
export async function assembleRecords(
  clock: { now(): Date },
  tx: TenantTransaction,
  personIds: readonly string[],
): Promise<StudentRecord[]> {
  if (personIds.length === 0) return [];
  return assembleStudentRecords(clock, tx, personIds);
}

/**
 * A current student's record as a prospective graduate (what projections and what-if expect):
 * graduated on the expected date, the last school day of May of the graduation year when the
 * roster has no date.
 *
 * @param record - the assembled record.
 * @param graduationYear - the student's expected graduation year, if known.
 * @returns the record unchanged for graduates, otherwise a prospective copy.
 */
export function asProspectiveGraduate(
  record: StudentRecord,
  graduationYear: number | null,
): StudentRecord {
  if (record.graduated) return record;
  const expected = record.graduation_date ?? (graduationYear ? `${graduationYear}-05-29` : null);
  return { ...record, graduated: true, graduation_date: expected };
}
