import type { Layout } from '../layout.js';
import { STUDENT_STATUS_COLUMNS } from '../write-student-status.js';

/** Graduation plans of §3 (ccmr-rules.md). */
const PLANS = ['FHSP', 'FHSP-E', 'FHSP-DLA', 'RHSP', 'DAP', 'MHSP'] as const;

/** Program participation used by the ECHS and P-TECH measures. */
const PROGRAMS = ['ECHS', 'P-TECH', 'T-STEM', 'NONE'] as const;

/**
 * The §3 attributes rosters lack, one student per row. Only the columns present in the file are
 * changed; a blank cell clears the attribute (sets it to null or false).
 */
export const STUDENT_STATUS_LAYOUT: Layout = {
  type: 'student-status',
  requiredColumns: [],
  optionalColumns: [...STUDENT_STATUS_COLUMNS],
  read(row) {
    const fields: Record<string, unknown> = {};
    const set = (column: string, value: unknown, blank: unknown = null) => {
      if (row.hasColumn(column)) fields[column] = value ?? blank;
    };
    set('graduated', row.flag('graduated'), false);
    set('graduation_date', row.date('graduation_date'));
    set(
      'graduation_year',
      row.number('graduation_year', { min: 2015, max: 2040, isInteger: true }),
    );
    set('grade_level', row.number('grade_level', { min: 9, max: 12, isInteger: true }));
    set('grade9_start_date', row.date('grade9_start_date'));
    set('school_year_end_date', row.date('school_year_end_date'));
    set('econ_disadv', row.flag('econ_disadv'), false);
    set('sped_in_graduation_year', row.flag('sped_in_graduation_year'), false);
    const typeCode = row.text('graduation_type_code');
    if (typeCode !== undefined && !/^\d{2}$/.test(typeCode)) {
      row.report(
        'graduation_type_code',
        'ERR_EVIDENCE_BAD_VALUE',
        'must be a two-digit PEIMS C062 code',
      );
    }
    set('graduation_type_code', typeCode);
    set('graduation_plan', row.choice('graduation_plan', PLANS));
    set('grade12_attended_last_six_weeks', row.flag('grade12_attended_last_six_weeks'), false);
    set('iep_continuer', row.flag('iep_continuer'), false);
    set('ps_enrolled_by_10th_day_fall', row.flag('ps_enrolled_by_10th_day_fall'), false);
    set('asvab_afqt', row.number('asvab_afqt', { min: 1, max: 99, isInteger: true }));
    const program = row.choice('program', PROGRAMS);
    set('program', program === 'NONE' ? null : program);
    if (fields.graduated === true && !fields.graduation_date && row.hasColumn('graduation_date')) {
      row.report('graduation_date', 'ERR_EVIDENCE_BAD_VALUE', 'required when graduated is Y');
    }
    return { target: 'status', fields };
  },
};
