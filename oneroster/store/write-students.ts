import type { TenantTransaction } from '../../store/index.js';
import type { MappedUser } from '../mapping/map-user.js';
import { graduationYearOf, parseGradeLevel } from '../school-year.js';
import type { PlannedRow } from './write-batch.js';
import { jsonRecordset, type WriteContext } from './write-context.js';

/**
 * Upserts the `students` row of each written student: campus, grade and graduation year only.
 * The CCMR attributes other imports set (graduated, graduation_date, econ_disadv, …) are never
 * touched, so a roster sync cannot undo them.
 */
export async function writeStudents(
  tx: TenantTransaction,
  written: readonly PlannedRow<MappedUser>[],
  ctx: WriteContext,
): Promise<void> {
  const tuples = written
    .filter((row) => row.record.role === 'student')
    .map((row) => {
      const grade = parseGradeLevel(row.record.grades[0]);
      const campus = row.record.primaryOrgSourcedId;
      return [
        row.id,
        campus ? ctx.cipher.rowId('org', campus) : null,
        grade,
        graduationYearOf(grade, ctx.schoolYearEnd),
        ctx.now,
      ];
    });
  if (tuples.length === 0) return;
  const { from, json } = jsonRecordset(
    [
      ['person_id', 'uuid'],
      ['campus_org_id', 'uuid'],
      ['grade_level', 'integer'],
      ['graduation_year', 'integer'],
      ['updated_at', 'timestamptz'],
    ],
    tuples,
    2,
  );
  await tx.query(
    `INSERT INTO students (tenant_id, person_id, campus_org_id, grade_level, graduation_year, updated_at)
     SELECT $1, person_id, campus_org_id, grade_level, graduation_year, updated_at FROM ${from}
      ORDER BY person_id
     ON CONFLICT (tenant_id, person_id) DO UPDATE SET campus_org_id = EXCLUDED.campus_org_id,
       grade_level = EXCLUDED.grade_level, graduation_year = EXCLUDED.graduation_year,
       updated_at = EXCLUDED.updated_at`,
    [tx.tenantId, json],
  );
}
