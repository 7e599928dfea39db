import type { TenantTransaction } from '../../store/index.js';

/**
 * The `students` columns a status file may set (ccmr-rules.md §3 attributes). The status layout
 * reads exactly these, and the writer accepts nothing else, so no other identifier reaches SQL.
 */
export const STUDENT_STATUS_COLUMNS = [
  'graduated',
  'graduation_date',
  'graduation_year',
  'grade_level',
  'grade9_start_date',
  'school_year_end_date',
  'econ_disadv',
  'sped_in_graduation_year',
  'graduation_type_code',
  'graduation_plan',
  'grade12_attended_last_six_weeks',
  'iep_continuer',
  'ps_enrolled_by_10th_day_fall',
  'asvab_afqt',
  'program',
] as const;

const STATUS_COLUMNS: ReadonlySet<string> = new Set(STUDENT_STATUS_COLUMNS);

/**
 * Sets the given §3 attributes of one student, creating the `students` row if needed. Nothing is
 * written when every value is already stored (idempotent re-import).
 *
 * @param tx - the district's transaction.
 * @param personId - the student.
 * @param fields - column → value; only known status columns.
 * @param now - the clock.
 * @returns whether anything changed.
 */
export async function writeStudentStatus(
  tx: TenantTransaction,
  personId: string,
  fields: Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  const columns = Object.keys(fields).filter((column) => STATUS_COLUMNS.has(column));
  const values = columns.map((column) => fields[column]);
  const placeholders = columns.map((_, i) => `$${i + 4}`);
  const updates = columns.map((column) => `${column} = EXCLUDED.${column}`);
  const changed =
    columns.length === 0
      ? 'false'
      : `(${columns.map((c) => `students.${c}`).join(', ')}, 0) IS DISTINCT FROM (${columns.map((c) => `EXCLUDED.${c}`).join(', ')}, 0)`;
  const rows = await tx.query(
    `INSERT INTO students (tenant_id, person_id, updated_at${columns.map((c) => `, ${c}`).join('')})
     VALUES ($1, $2, $3${placeholders.map((p) => `, ${p}`).join('')})
     ON CONFLICT (tenant_id, person_id) DO UPDATE SET updated_at = EXCLUDED.updated_at${updates.map((u) => `, ${u}`).join('')}
     WHERE ${changed}
     RETURNING person_id`,
    [tx.tenantId, personId, now, ...values],
  );
  return rows.length > 0;
}
