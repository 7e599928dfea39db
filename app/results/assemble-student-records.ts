import {
  SUPPORTED_YEARS,
  accountabilityYearFor,
  type Enlistment,
  type PendingEvidence,
  type StudentRecord,
} from '../../calculators/index.js';
import type { TenantTransaction } from '../../store/index.js';

/** A `students` row joined to its person (absent attributes come back null). */
type StudentRow = {
  person_id: string;
  campus_org_id: string | null;
  graduation_year: number | null;
  graduated: boolean | null;
  graduation_date: string | null;
  grade9_start_date: string | null;
  school_year_end_date: string | null;
  econ_disadv: boolean | null;
  sped_in_graduation_year: boolean | null;
  graduation_type_code: string | null;
  graduation_plan: StudentRecord['graduation_plan'];
  grade12_attended_last_six_weeks: boolean | null;
  iep_continuer: boolean | null;
  ps_enrolled_by_10th_day_fall: boolean | null;
  asvab_afqt: number | null;
};

type EvidenceRow = {
  person_id: string;
  kind: string;
  data: Record<string, unknown>;
};

type CertificationRow = {
  person_id: string;
  ibc_code: string;
  lists: string[];
  earned_date: string;
  result_code: string;
  aligned_pos_status: 'none' | 'level2_course' | 'concentrator' | 'completer';
};

/**
 * The accountability year a student is evaluated in (Y-MAP): from the graduation date, else the
 * end of the school year, else the expected graduation year + 1, else the current class.
 *
 * Limitation: classes beyond the calculators' last supported year are evaluated under that
 * year's rules (a projection), and classes before the first under the first year's.
 */
function accountabilityYearOf(student: StudentRow, now: Date): number {
  const anchor = student.graduated ? student.graduation_date : student.school_year_end_date;
  const schoolYearEnd = now.getUTCMonth() >= 8 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const year = anchor
    ? accountabilityYearFor(anchor)
    : (student.graduation_year ?? schoolYearEnd) + 1;
  const first = SUPPORTED_YEARS[0]!;
  const last = SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1]!;
  return Math.min(last, Math.max(first, year));
}

function baseRecord(student: StudentRow, tenantId: string, now: Date): StudentRecord {
  return {
    student_id: student.person_id,
    district_id: tenantId,
    campus_id: student.campus_org_id ?? undefined,
    accountability_year: accountabilityYearOf(student, now),
    graduated: student.graduated ?? false,
    graduation_date: student.graduation_date,
    grade9_start_date: student.grade9_start_date,
    econ_disadv: student.econ_disadv ?? false,
    sped_in_graduation_year: student.sped_in_graduation_year ?? false,
    graduation_type_code: student.graduation_type_code,
    graduation_plan: student.graduation_plan,
    grade12_attended_last_six_weeks: student.grade12_attended_last_six_weeks ?? false,
    iep_continuer: student.iep_continuer ?? false,
    school_year_end_date: student.school_year_end_date,
    associate_degree_date: null,
    enlistment: null,
    ps_enrolled_by_10th_day_fall: student.ps_enrolled_by_10th_day_fall ?? false,
    asvab_afqt: student.asvab_afqt,
  };
}

/** Appends to one of the record's §3 arrays, creating it when absent. */
function pushTo(record: StudentRecord, key: keyof StudentRecord, value: unknown): void {
  const list = (record[key] as unknown[] | undefined) ?? [];
  list.push(value);
  (record as unknown as Record<string, unknown>)[key] = list;
}

/** Adds one evidence element to its §3 place, keeping exactly the §3 fields. */
function addEvidence(record: StudentRecord, kind: string, data: Record<string, any>): void {
  const push = (key: keyof StudentRecord, value: unknown) => pushTo(record, key, value);
  switch (kind) {
    case 'sat':
    case 'act':
    case 'tsia2':
    case 'tsia1':
      return push(kind, data);
    case 'ap_exam':
      return push('ap_exams', { date: data.date, subject: data.subject, score: data.score });
    case 'ib_exam':
      return push('ib_exams', { date: data.date, subject: data.subject, score: data.score });
    case 'dual_credit': {
      const { subject, hours, credit_earned, completion_date } = data;
      return push('dual_credit_courses', { subject, hours, credit_earned, completion_date });
    }
    case 'onramps':
      return push('onramps', {
        completion_date: data.completion_date,
        qualified_hours: data.qualified_hours,
      });
    case 'college_prep': {
      const { subject, completed_with_credit, grade_level, approved_provider } = data;
      return push('college_prep', {
        subject,
        completed_with_credit,
        grade_level,
        approved_provider,
      });
    }
    case 'level_certificate':
      return push('level_certificates', { level: data.level, award_date: data.award_date });
    case 'associate_degree':
      if (!record.associate_degree_date || data.date < record.associate_degree_date) {
        record.associate_degree_date = data.date;
      }
      return;
    case 'enlistment':
      record.enlistment = betterEnlistment(record.enlistment ?? null, data as Enlistment);
      return;
    case 'pending':
      return addPending(record, data.type, data.entry);
  }
}

/** Of two enlistment records, the documented one, then the earlier one. */
function betterEnlistment(current: Enlistment | null, next: Enlistment): Enlistment {
  const shaped: Enlistment = {
    date: next.date,
    component: next.component,
    dd4_complete: next.dd4_complete,
    dmdc_match: next.dmdc_match,
  };
  if (!current) return shaped;
  const isDocumented = (e: Enlistment) => e.dd4_complete || e.dmdc_match;
  if (isDocumented(shaped) !== isDocumented(current))
    return isDocumented(shaped) ? shaped : current;
  return shaped.date < current.date ? shaped : current;
}

function addPending(record: StudentRecord, type: keyof PendingEvidence, entry: any): void {
  const pending = (record.pending ??= {}) as Record<string, unknown>;
  if (type === 'enlistment_planned') pending.enlistment_planned = entry;
  else pending[type] = [...((pending[type] as unknown[] | undefined) ?? []), entry];
}

/** Sorts every array so the same evidence always yields the same record (and inputs hash). */
function sortArrays(record: StudentRecord): void {
  for (const value of Object.values(record)) {
    if (Array.isArray(value))
      value.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  for (const value of Object.values(record.pending ?? {})) {
    if (Array.isArray(value))
      value.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
}

/**
 * Builds the ccmr-rules.md §3 record of students from the store: the CCMR attributes of
 * `students`, every live evidence row, and the certifications earned (result code 01) as
 * `ibc_earned`. `student_id` is the internal person id.
 *
 * The caller audits the read (the recompute job does; a view audits for its viewer).
 *
 * @param context - the clock (for the current class of students with no graduation data).
 * @param tx - the district's transaction.
 * @param personIds - the students; all active students when absent.
 * @returns one record per student, in person id order.
 */
export async function assembleStudentRecords(
  context: { now(): Date },
  tx: TenantTransaction,
  personIds?: readonly string[],
): Promise<StudentRecord[]> {
  const filter = personIds ? 'AND p.id = ANY($1::uuid[])' : '';
  const params = personIds ? [personIds] : [];
  const students = await tx.query<StudentRow>(
    `SELECT p.id AS person_id, s.campus_org_id, s.graduation_year, s.graduated, s.graduation_date,
       s.grade9_start_date, s.school_year_end_date, s.econ_disadv, s.sped_in_graduation_year,
       s.graduation_type_code, s.graduation_plan, s.grade12_attended_last_six_weeks,
       s.iep_continuer, s.ps_enrolled_by_10th_day_fall, s.asvab_afqt
     FROM people p LEFT JOIN students s ON s.tenant_id = p.tenant_id AND s.person_id = p.id
     WHERE p.role = 'student' AND p.deleted_at IS NULL ${filter}
     ORDER BY p.id`,
    params,
  );
  const now = context.now();
  const records = new Map(students.map((s) => [s.person_id, baseRecord(s, tx.tenantId, now)]));
  const ids = personIds ? 'AND person_id = ANY($1::uuid[])' : '';
  const evidence = await tx.query<EvidenceRow>(
    `SELECT person_id, kind, data FROM evidence WHERE deleted_at IS NULL ${ids}`,
    params,
  );
  for (const row of evidence) {
    const record = records.get(row.person_id);
    if (record) addEvidence(record, row.kind, row.data);
  }
  const certifications = await tx.query<CertificationRow>(
    `SELECT person_id, ibc_code, lists, earned_date, result_code, aligned_pos_status
     FROM certifications
     WHERE deleted_at IS NULL AND result_code = '01' AND earned_date IS NOT NULL ${ids}`,
    params,
  );
  for (const row of certifications) {
    const record = records.get(row.person_id);
    if (!record) continue;
    pushTo(record, 'ibc_earned', {
      code: row.ibc_code,
      lists: [...row.lists].sort(),
      earned_date: row.earned_date,
      result_code: row.result_code,
      aligned_pos_status: row.aligned_pos_status,
    });
  }
  for (const record of records.values()) sortArrays(record);
  return [...records.values()];
}
