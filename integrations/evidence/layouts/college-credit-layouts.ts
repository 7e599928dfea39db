import type { Layout } from '../layout.js';
import { toEvidencePayload } from './evidence-payload.js';

/**
 * Dual credit and OnRamps completions from a college partner: one course per row. `program`
 * DC (dual credit, COL-DC) or ONRAMPS (COL-ONR, qualified hours = the hours column).
 */
export const DUAL_CREDIT_LAYOUT: Layout = {
  type: 'dual-credit',
  requiredColumns: ['program', 'subject', 'hours', 'credit_earned', 'completion_date'],
  optionalColumns: ['course_code', 'institution'],
  read(row) {
    const program = row.choice('program', ['DC', 'ONRAMPS'] as const, { required: true });
    const subject = row.choice('subject', ['ELA', 'MATH', 'OTHER'] as const, { required: true });
    const hours = row.number('hours', { min: 0, max: 12, required: true });
    const creditEarned = row.flag('credit_earned', { required: true });
    const completionDate = row.date('completion_date', { required: true });
    if (program === 'ONRAMPS') {
      // OnRamps credit counts only when the college credit was earned (COL-ONR).
      const data = {
        completion_date: completionDate,
        qualified_hours: creditEarned === false ? 0 : hours,
        subject,
        course_code: row.text('course_code'),
      };
      return toEvidencePayload('onramps', data, ['completion_date', 'qualified_hours', 'subject']);
    }
    const data = {
      subject,
      hours,
      credit_earned: creditEarned,
      completion_date: completionDate,
      // Two courses alike in every other field are told apart by their code.
      course_code: row.text('course_code'),
    };
    return toEvidencePayload('dual_credit', data, [
      'subject',
      'hours',
      'credit_earned',
      'completion_date',
    ]);
  },
};

/** College preparatory course completions (TEC §28.014; TSI-CPC). */
export const COLLEGE_PREP_LAYOUT: Layout = {
  type: 'college-prep',
  requiredColumns: ['subject', 'grade_level', 'completed_with_credit'],
  optionalColumns: ['approved_provider', 'completion_date', 'provider'],
  read(row) {
    const data = {
      subject: row.choice('subject', ['ELA', 'MATH'] as const, { required: true }),
      grade_level: row.number('grade_level', { min: 9, max: 12, isInteger: true, required: true }),
      completed_with_credit: row.flag('completed_with_credit', { required: true }),
      approved_provider: row.flag('approved_provider'),
      completion_date: row.date('completion_date'),
    };
    return toEvidencePayload('college_prep', data, [
      'subject',
      'grade_level',
      'completed_with_credit',
    ]);
  },
};

/** Level I and Level II certificates awarded by a Texas institution of higher education. */
export const LEVEL_CERT_LAYOUT: Layout = {
  type: 'level-cert',
  requiredColumns: ['level', 'award_date'],
  optionalColumns: ['institution', 'program_name'],
  read(row) {
    const data = {
      level: row.choice('level', ['I', 'II'] as const, { required: true }),
      award_date: row.date('award_date', { required: true }),
    };
    return toEvidencePayload('level_certificate', data, ['level', 'award_date']);
  },
};

/** Associate degrees (COL-AD). */
export const ASSOCIATE_LAYOUT: Layout = {
  type: 'associate',
  requiredColumns: ['award_date'],
  optionalColumns: ['institution', 'degree_name'],
  read(row) {
    return toEvidencePayload(
      'associate_degree',
      { date: row.date('award_date', { required: true }) },
      ['date'],
    );
  },
};

/**
 * Enlistment: a district's DD Form 4 details or a DoD (DMDC) match line (MIL-ENL, MIL-DOC).
 */
export const ENLISTMENT_LAYOUT: Layout = {
  type: 'enlistment',
  requiredColumns: ['enlistment_date', 'component'],
  optionalColumns: ['dd4_complete', 'dmdc_match', 'branch'],
  read(row) {
    const data = {
      date: row.date('enlistment_date', { required: true }),
      component: row.choice(
        'component',
        ['active', 'texas_national_guard', 'federal_reserve'] as const,
        { required: true },
      ),
      dd4_complete: row.flag('dd4_complete') ?? false,
      dmdc_match: row.flag('dmdc_match') ?? false,
    };
    if (!data.dd4_complete && !data.dmdc_match) {
      row.report(
        'dd4_complete|dmdc_match',
        'ERR_EVIDENCE_BAD_VALUE',
        'no DD Form 4 and no DoD match',
      );
    }
    return toEvidencePayload('enlistment', data, ['date', 'component']);
  },
};
