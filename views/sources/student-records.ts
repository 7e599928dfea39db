import type { StudentRecord } from '../../calculators/index.js';
import { accountabilityYearFor, SUPPORTED_YEARS } from '../../calculators/index.js';
import type { TenantTransaction } from '../../store/index.js';

/**
 * The §3 array or field each evidence kind fills (store/migrations/0002: one array element per
 * evidence row).
 */
const FIELD_BY_KIND: Record<string, keyof StudentRecord> = {
  tsia1: 'tsia1',
  tsia2: 'tsia2',
  sat: 'sat',
  act: 'act',
  college_prep: 'college_prep',
  ap_exam: 'ap_exams',
  ib_exam: 'ib_exams',
  dual_credit: 'dual_credit_courses',
  onramps: 'onramps',
  ibc: 'ibc_earned',
  level_certificate: 'level_certificates',
};

interface StudentAttributes {
  person_id: string;
  campus_org_id: string | null;
  graduation_year: number | null;
  graduated: boolean;
  graduation_date: string | null;
  grade9_start_date: string | null;
  school_year_end_date: string | null;
  econ_disadv: boolean;
  sped_in_graduation_year: boolean;
  graduation_type_code: string | null;
  graduation_plan: string | null;
  grade12_attended_last_six_weeks: boolean;
  iep_continuer: boolean;
  ps_enrolled_by_10th_day_fall: boolean;
  asvab_afqt: number | null;
}

/** A current student counts as a prospective graduate on the expected graduation date (Y-MAP). */
function expectedGraduationDate(row: StudentAttributes): string | null {
  if (row.graduation_date) return row.graduation_date;
  return row.graduation_year === null ? null : `${row.graduation_year}-05-31`;
}

/**
 * The accountability year of a graduation date, held to the newest year the calculators have
 * parameters for.
 *
 * Limitation: a current class whose accountability year is past the newest parameter row (for
 * example the class of 2027 → 2028) is projected with the newest row until TEA publishes its
 * year's parameters.
 */
function yearOf(graduationDate: string | null): number {
  const newest = SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1];
  return graduationDate ? Math.min(accountabilityYearFor(graduationDate), newest) : newest;
}

function recordOf(row: StudentAttributes): StudentRecord {
  const graduationDate = expectedGraduationDate(row);
  return {
    student_id: row.person_id,
    campus_id: row.campus_org_id ?? undefined,
    accountability_year: yearOf(graduationDate),
    graduated: row.graduated || row.graduation_year !== null,
    graduation_date: graduationDate,
    grade9_start_date: row.grade9_start_date,
    school_year_end_date: row.school_year_end_date,
    econ_disadv: row.econ_disadv,
    sped_in_graduation_year: row.sped_in_graduation_year,
    graduation_type_code: row.graduation_type_code,
    graduation_plan: row.graduation_plan as StudentRecord['graduation_plan'],
    grade12_attended_last_six_weeks: row.grade12_attended_last_six_weeks,
    iep_continuer: row.iep_continuer,
    ps_enrolled_by_10th_day_fall: row.ps_enrolled_by_10th_day_fall,
    asvab_afqt: row.asvab_afqt,
  };
}

function addEvidence(record: StudentRecord, kind: string, data: Record<string, unknown>): void {
  const target = record as unknown as Record<string, unknown>;
  const field = FIELD_BY_KIND[kind];
  if (field) {
    const list = (target[field] as unknown[] | undefined) ?? [];
    list.push(data);
    target[field] = list;
  } else if (kind === 'associate_degree') {
    record.associate_degree_date = (data.date as string | undefined) ?? null;
  } else if (kind === 'enlistment') {
    record.enlistment = data as unknown as StudentRecord['enlistment'];
  } else if (kind === 'pending') {
    record.pending = { ...(record.pending ?? {}), ...(data as StudentRecord['pending']) };
  }
}

/**
 * Assembles the §3 records of the given students from their attributes and evidence, treating
 * current students as prospective graduates of their graduation year (for projections and
 * what-if).
 *
 * Limitation: the results module's assembleStudentRecords is not available yet; this reads the
 * same tables (students, evidence) in the documented shape and is to be replaced by it.
 *
 * @param tx - a transaction of the viewer's district.
 * @param personIds - students already filtered by the viewer's scope.
 * @returns one record per student, keyed by internal id (record.student_id).
 */
export async function assembleRecords(
  tx: TenantTransaction,
  personIds: readonly string[],
): Promise<StudentRecord[]> {
  if (personIds.length === 0) return [];
  const students = await tx.query<StudentAttributes & Record<string, unknown>>(
    `SELECT person_id, campus_org_id, graduation_year, graduated, graduation_date,
            grade9_start_date, school_year_end_date, econ_disadv, sped_in_graduation_year,
            graduation_type_code, graduation_plan, grade12_attended_last_six_weeks,
            iep_continuer, ps_enrolled_by_10th_day_fall, asvab_afqt
       FROM students WHERE person_id = ANY($1::uuid[]) ORDER BY person_id`,
    [personIds],
  );
  const records = new Map(students.map((row) => [row.person_id, recordOf(row)]));
  const evidence = await tx.query<{ person_id: string; kind: string; data: unknown }>(
    `SELECT person_id, kind, data FROM evidence
      WHERE person_id = ANY($1::uuid[]) AND deleted_at IS NULL ORDER BY person_id, recorded_at`,
    [personIds],
  );
  for (const row of evidence) {
    const record = records.get(row.person_id);
    const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    if (record) addEvidence(record, row.kind, data as Record<string, unknown>);
  }
  return [...records.values()];
}
