import { stringify } from 'csv-stringify/sync';
import type { ImportType } from '../../../../integrations/evidence/index.js';
import type { SampleStudent } from './seed-students.js';

/** How rows identify their student. */
export type IdentityStyle = 'state_id' | 'local_id' | 'name_birth';

/** A deterministic pseudo-random source (mulberry32), so generated files are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));
const tens = (random: Random, min: number, max: number) => between(random, min / 10, max / 10) * 10;

/** Test days of each instrument in school years 2024-25 and 2025-26 (ISO). */
const SAT_DAYS = ['2024-10-05', '2024-12-07', '2025-03-08', '2025-06-07', '2025-10-04'];
const ACT_DAYS = ['2024-10-26', '2025-02-08', '2025-04-05', '2025-09-13'];
const AP_SUBJECTS = [
  'English Language and Composition',
  'Calculus AB',
  'United States History',
  'Biology',
  'Spanish Language and Culture',
];
const IB_SUBJECTS = [
  'English A: Language and Literature HL',
  'Mathematics: Analysis and Approaches SL',
  'History HL',
];

/** Row makers per layout: the template columns beyond identity, with realistic values. */
const ROW_MAKERS: Record<
  ImportType,
  (random: Random, index: number) => Record<string, string | number>
> = {
  sat: (r) => {
    const ebrw = tens(r, 380, 760);
    const math = tens(r, 360, 780);
    return { test_date: pick(r, SAT_DAYS), ebrw, math, total: ebrw + math };
  },
  act: (r) => ({
    test_date: pick(r, ACT_DAYS),
    english: between(r, 12, 34),
    math: between(r, 14, 33),
    reading: between(r, 13, 35),
    science: between(r, 14, 33),
    composite: between(r, 15, 32),
  }),
  tsia2: (r) => {
    const elar = between(r, 920, 990);
    const math = between(r, 920, 990);
    return {
      test_date: pick(r, ['2024-11-12', '2025-02-20', '2025-04-15']),
      elar_crc: elar,
      elar_diag: elar < 945 ? between(r, 2, 6) : '',
      essay: between(r, 3, 7),
      math_crc: math,
      math_diag: math < 950 ? between(r, 2, 6) : '',
    };
  },
  ap: (r) => ({
    exam_date: pick(r, ['2025-05-06', '2025-05-13']),
    subject: pick(r, AP_SUBJECTS),
    score: between(r, 1, 5),
  }),
  ib: (r) => ({ exam_date: '2025-05-10', subject: pick(r, IB_SUBJECTS), score: between(r, 2, 7) }),
  'dual-credit': (r, i) => ({
    program: i % 4 === 0 ? 'ONRAMPS' : 'DC',
    subject: pick(r, ['ELA', 'MATH', 'OTHER']),
    hours: pick(r, [3, 3, 4]),
    credit_earned: r() < 0.85 ? 'Y' : 'N',
    completion_date: pick(r, ['2024-12-13', '2025-05-16']),
    course_code: pick(r, ['ENGL 1301', 'MATH 1314', 'HIST 1301', 'GOVT 2305']),
    institution: 'Lone Star Community College',
  }),
  'college-prep': (r) => ({
    subject: pick(r, ['ELA', 'MATH']),
    grade_level: 12,
    completed_with_credit: r() < 0.8 ? 'Y' : 'N',
    approved_provider: 'Y',
    completion_date: '2025-05-23',
    provider: 'Texas College Bridge',
  }),
  'level-cert': (r) => ({
    level: pick(r, ['I', 'II']),
    award_date: '2025-05-09',
    institution: 'Texas State Technical College',
  }),
  associate: () => ({
    award_date: '2025-05-10',
    institution: 'Lone Star Community College',
    degree_name: 'Associate of Arts',
  }),
  ibc: (r, i) => {
    const result = pick(r, ['01', '01', '01', '02', '03']);
    return {
      ibc_code: pick(r, ['CNA', 'PHT', 'COMPTIAA', 'AWSD1', 'SERVSAFEMGR', 'ACPPS']),
      result_code: result,
      // One exam date per row of a student: the same code and date would be one record.
      exam_date: ['2025-03-14', '2025-04-22', '2025-10-02'][i % 3]!,
      vendor_code: '',
      exam_fee: pick(r, ['117.00', '129.00', '36.00']),
      aligned_pos_status: pick(r, ['level2_course', 'concentrator', 'completer']),
    };
  },
  enlistment: (r) => ({
    enlistment_date: pick(r, ['2026-02-10', '2026-03-22']),
    component: pick(r, ['active', 'active', 'texas_national_guard']),
    dd4_complete: 'Y',
    dmdc_match: r() < 0.5 ? 'Y' : 'N',
    branch: pick(r, ['Army', 'Navy', 'Air Force', 'Marine Corps']),
  }),
  'tea-tracker': (r) => ({
    tsi_met: r() < 0.5 ? 'Y' : 'N',
    ap_ib_met: 'N',
    dual_credit_met: 'N',
    ibc_met: 'N',
    military_met: 'N',
    ccmr_met: r() < 0.5 ? 'Y' : 'N',
  }),
  'student-status': (r) => ({
    graduated: 'Y',
    graduation_date: '2025-05-30',
    graduation_year: 2025,
    grade9_start_date: '2021-08-16',
    econ_disadv: r() < 0.6 ? 'Y' : 'N',
    sped_in_graduation_year: r() < 0.12 ? 'Y' : 'N',
    graduation_type_code: '34',
    graduation_plan: pick(r, ['FHSP-E', 'FHSP-DLA', 'FHSP']),
    ps_enrolled_by_10th_day_fall: r() < 0.5 ? 'Y' : 'N',
    program: pick(r, ['NONE', 'NONE', 'ECHS', 'P-TECH']),
  }),
  pending: (r) =>
    r() < 0.5
      ? {
          pending_type: 'exams_scheduled',
          date: '2026-03-07',
          instrument: 'SAT',
          subject: '',
          hours: '',
          grade_level: '',
          ibc_code: '',
          pos_status: '',
          component: '',
        }
      : {
          pending_type: 'dual_credit_in_progress',
          date: '2026-05-15',
          instrument: '',
          subject: 'MATH',
          hours: 3,
          grade_level: '',
          ibc_code: '',
          pos_status: '',
          component: '',
        },
};

function identityCells(student: SampleStudent, style: IdentityStyle): Record<string, string> {
  if (style === 'state_id') return { state_id: student.stateId };
  if (style === 'local_id') return { local_id: student.localId };
  const [year, month, day] = student.birthDate.split('-');
  return {
    last_name: student.lastName,
    first_name: student.firstName,
    birth_date: `${month}/${day}/${year}`,
  };
}

/**
 * A realistic evidence file in the documented layout of `type` (docs/evidence-layouts.md): one
 * row per student (student-status, tea-tracker) or `rowsPerStudent` rows with distinct content.
 *
 * @param type - the layout.
 * @param students - whose rows.
 * @param options - seed, identity style and rows per student.
 * @returns the CSV text.
 */
export function generateEvidenceFile(
  type: ImportType,
  students: readonly SampleStudent[],
  options: { seed?: number; identity?: IdentityStyle; rowsPerStudent?: number } = {},
): string {
  const random = seededRandom(options.seed ?? 1);
  const perStudent =
    type === 'student-status' || type === 'tea-tracker' ? 1 : (options.rowsPerStudent ?? 1);
  const rows: Record<string, string | number>[] = [];
  const seen = new Set<string>();
  students.forEach((student, index) => {
    for (let n = 0, attempts = 0; n < perStudent && attempts < 50; attempts += 1) {
      const cells = ROW_MAKERS[type](random, index * perStudent + n);
      const key = `${student.personId}|${JSON.stringify(cells)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ ...identityCells(student, options.identity ?? 'state_id'), ...cells });
      n += 1;
    }
  });
  return stringify(rows, { header: true });
}

/** Replaces one cell of a generated CSV (data row 1 = file row 2), for malformed-file tests. */
export function withCell(csv: string, fileRow: number, column: string, value: string): string {
  const lines = csv.trimEnd().split('\n');
  const header = lines[0]!.split(',');
  const index = header.indexOf(column);
  if (index < 0) throw new TypeError(`no column ${column}`);
  const cells = lines[fileRow - 1]!.split(',');
  cells[index] = value;
  lines[fileRow - 1] = cells.join(',');
  return `${lines.join('\n')}\n`;
}

/** Removes a column from a generated CSV. */
export function withoutColumn(csv: string, column: string): string {
  const lines = csv
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
  const index = lines[0]!.indexOf(column);
  if (index < 0) throw new TypeError(`no column ${column}`);
  return `${lines.map((cells) => cells.filter((_, i) => i !== index).join(',')).join('\n')}\n`;
}

/** Appends a copy of a data row at the end (a duplicate row). */
export function withDuplicatedRow(csv: string, fileRow: number): string {
  const lines = csv.trimEnd().split('\n');
  return `${[...lines, lines[fileRow - 1]!].join('\n')}\n`;
}
