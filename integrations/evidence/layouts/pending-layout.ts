import type { Layout } from '../layout.js';
import { toEvidencePayload } from './evidence-payload.js';

/** The kinds of pending evidence: the keys of the calculators' `PendingEvidence`. */
export const PENDING_TYPES = [
  'exams_scheduled',
  'dual_credit_in_progress',
  'onramps_in_progress',
  'college_prep_in_progress',
  'pos_courses_in_progress',
  'ibc_exam_registered',
  'enlistment_planned',
] as const;

const POS = ['none', 'level2_course', 'concentrator', 'completer'] as const;

/**
 * Evidence expected but not yet in hand (scheduled exams, courses in progress, IBC exams
 * registered, intent to enlist): the projections' inputs. Which columns a row needs depends on
 * its `pending_type`; each row becomes one entry of the calculators' `PendingEvidence`.
 */
export const PENDING_LAYOUT: Layout = {
  type: 'pending',
  requiredColumns: ['pending_type', 'date'],
  optionalColumns: [
    'instrument',
    'subject',
    'hours',
    'grade_level',
    'ibc_code',
    'pos_status',
    'component',
  ],
  read(row) {
    const type = row.choice('pending_type', PENDING_TYPES, { required: true });
    const date = row.date('date', { required: true });
    const entry = readEntry(type, date, row);
    if (!type || !entry) return undefined;
    return toEvidencePayload('pending', { type, entry }, ['type', 'entry']);
  },
};

type Reader = Parameters<Layout['read']>[0];

function readEntry(type: string | undefined, date: string | undefined, row: Reader) {
  const required = { required: true };
  const hours = () => row.number('hours', { min: 0, max: 12, required: true });
  const pos = () => row.choice('pos_status', POS, required);
  const entries: Record<string, () => Record<string, unknown>> = {
    exams_scheduled: () => ({
      instrument: row.choice('instrument', ['SAT', 'ACT', 'TSIA2', 'AP', 'IB'] as const, required),
      date,
      subject: row.text('subject'),
    }),
    dual_credit_in_progress: () => ({
      subject: row.choice('subject', ['ELA', 'MATH', 'OTHER'] as const, required),
      hours: hours(),
      expected_completion_date: date,
    }),
    onramps_in_progress: () => ({ expected_completion_date: date, qualified_hours: hours() }),
    college_prep_in_progress: () => ({
      subject: row.choice('subject', ['ELA', 'MATH'] as const, required),
      grade_level: row.number('grade_level', { min: 9, max: 12, isInteger: true, required: true }),
    }),
    pos_courses_in_progress: () => ({
      ibc_code: row.text('ibc_code', required),
      status_on_completion: pos(),
    }),
    ibc_exam_registered: () => ({
      code: row.text('ibc_code', required),
      exam_date: date,
      aligned_pos_status: pos(),
    }),
    enlistment_planned: () => ({
      expected_date: date,
      component: row.choice(
        'component',
        ['active', 'texas_national_guard', 'federal_reserve'] as const,
        required,
      ),
    }),
  };
  if (!type || !date) return undefined;
  const entry = entries[type]!();
  const isComplete = Object.entries(entry).every(
    ([key, value]) => key === 'subject' || value !== undefined,
  );
  if (!isComplete) return undefined;
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));
}
