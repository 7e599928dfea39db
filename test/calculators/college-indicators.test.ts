import { describeRuleTable, graduate, type RuleRow } from './support/records.js';
import type { StudentRecord } from '../../calculators/index.js';

const g = (fields: Partial<StudentRecord>, year = 2025) => graduate(year, fields);

/** Rows per college indicator; every record is a 2025 graduate (class of 2024) unless it says so. */
const tables: Record<string, RuleRow[]> = {
  'COL-APIB': [
    {
      name: 'an AP score of 3 is credited',
      record: g({ ap_exams: [{ date: '2023-05-10', subject: 'AP Biology', score: 3 }] }),
      isCredited: true,
    },
    {
      name: 'an AP score of 2 is not',
      record: g({ ap_exams: [{ date: '2023-05-10', subject: 'AP Biology', score: 2 }] }),
      isCredited: false,
      ruleId: 'COL-APIB',
    },
    {
      name: 'an IB score of 4 is credited',
      record: g({ ib_exams: [{ date: '2024-05-06', subject: 'IB History', score: 4 }] }),
      isCredited: true,
    },
    {
      name: 'an IB score of 3 is not',
      record: g({ ib_exams: [{ date: '2024-05-06', subject: 'IB History', score: 3 }] }),
      isCredited: false,
    },
    {
      name: 'an AP 5 taken before grade 9 is not',
      record: g({ ap_exams: [{ date: '2020-05-10', subject: 'AP Spanish', score: 5 }] }),
      isCredited: false,
    },
    {
      name: 'an AP 4 taken on the graduation date is credited',
      record: g({ ap_exams: [{ date: '2024-05-24', subject: 'AP Calculus', score: 4 }] }),
      isCredited: true,
    },
    {
      name: 'an AP 4 taken the day after graduation is not',
      record: g({ ap_exams: [{ date: '2024-05-25', subject: 'AP Calculus', score: 4 }] }),
      isCredited: false,
    },
    {
      name: 'a June AP score counts where the district extends the window to August 31',
      record: g({ ap_exams: [{ date: '2024-06-10', subject: 'AP Calculus', score: 4 }] }),
      isCredited: true,
      overrides: { windows: { ap_ib_end: 'august31' } },
    },
  ],
  'COL-DC': [
    {
      name: '3 ELA hours are credited',
      record: g({
        dual_credit_courses: [
          { subject: 'ELA', hours: 3, credit_earned: true, completion_date: '2023-12-15' },
        ],
      }),
      isCredited: true,
    },
    {
      name: '2 ELA hours are not',
      record: g({
        dual_credit_courses: [
          { subject: 'ELA', hours: 2, credit_earned: true, completion_date: '2023-12-15' },
        ],
      }),
      isCredited: false,
    },
    {
      name: '3 math hours are credited',
      record: g({
        dual_credit_courses: [
          { subject: 'MATH', hours: 3, credit_earned: true, completion_date: '2023-12-15' },
        ],
      }),
      isCredited: true,
    },
    {
      name: '9 hours in any subject are credited',
      record: g({
        dual_credit_courses: [
          { subject: 'OTHER', hours: 9, credit_earned: true, completion_date: '2023-12-15' },
        ],
      }),
      isCredited: true,
    },
    {
      name: '8 hours in other subjects are not',
      record: g({
        dual_credit_courses: [
          { subject: 'OTHER', hours: 8, credit_earned: true, completion_date: '2023-12-15' },
        ],
      }),
      isCredited: false,
    },
    {
      name: '2 ELA + 2 math hours are not pooled (A-DC-1)',
      record: g({
        dual_credit_courses: [
          { subject: 'ELA', hours: 2, credit_earned: true, completion_date: '2023-12-15' },
          { subject: 'MATH', hours: 2, credit_earned: true, completion_date: '2023-12-15' },
        ],
      }),
      isCredited: false,
      ruleId: 'A-DC-1',
    },
    {
      name: '2 ELA + 2 math hours are pooled when the district says so',
      record: g({
        dual_credit_courses: [
          { subject: 'ELA', hours: 2, credit_earned: true, completion_date: '2023-12-15' },
          { subject: 'MATH', hours: 2, credit_earned: true, completion_date: '2023-12-15' },
        ],
      }),
      isCredited: true,
      overrides: { college: { dual_credit_pool_ela_math: true } },
    },
    {
      name: 'a course without credit earned does not count',
      record: g({
        dual_credit_courses: [
          { subject: 'ELA', hours: 3, credit_earned: false, completion_date: '2023-12-15' },
        ],
      }),
      isCredited: false,
    },
    {
      name: 'a summer course after graduation does not count',
      record: g({
        dual_credit_courses: [
          { subject: 'ELA', hours: 3, credit_earned: true, completion_date: '2024-07-30' },
        ],
      }),
      isCredited: false,
    },
  ],
  'COL-ONR': [
    {
      name: 'an OnRamps course of 3 hours is credited',
      record: g({ onramps: [{ completion_date: '2024-05-20', qualified_hours: 3 }] }),
      isCredited: true,
    },
    {
      name: 'an OnRamps course of 2 hours is not',
      record: g({ onramps: [{ completion_date: '2024-05-20', qualified_hours: 2 }] }),
      isCredited: false,
    },
    {
      name: 'an OnRamps course after graduation is not',
      record: g({ onramps: [{ completion_date: '2024-06-20', qualified_hours: 3 }] }),
      isCredited: false,
    },
  ],
  'COL-AD': [
    {
      name: 'an associate degree on August 31 after graduation is credited',
      record: g({ associate_degree_date: '2024-08-31' }),
      isCredited: true,
    },
    {
      name: 'an associate degree on September 1 is not',
      record: g({ associate_degree_date: '2024-09-01' }),
      isCredited: false,
    },
  ],
};

for (const [indicator, rows] of Object.entries(tables)) describeRuleTable(indicator, rows);
