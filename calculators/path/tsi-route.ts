import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import { ratioOf, type MissingPiece, type ReadinessRoute } from './route.js';

interface Option {
  piece: MissingPiece;
  closeness: number;
}

/**
 * The TSI route (COL-TSI via TSI-BOTH): for each subject not yet met, the instrument closest to
 * its cut with the best score so far, and the college prep course while the student's grade
 * still allows one (TSI-CPC-YEAR).
 *
 * @param record - the §3 record.
 * @param params - the year's parameters.
 * @param isElaMet - TSI ELA already met.
 * @param isMathMet - TSI math already met.
 * @param gradeNow - the student's grade level today.
 * @param closesAt - the end of the student's window.
 * @returns the route.
 */
export function buildTsiRoute(
  record: StudentRecord,
  params: YearParameters,
  isElaMet: boolean,
  isMathMet: boolean,
  gradeNow: number,
  closesAt: string,
): ReadinessRoute {
  const scores = testsUpTo(record, closesAt);
  const met: string[] = [];
  const missing: MissingPiece[] = [];
  let closeness = 0;
  for (const [subject, isMet] of [
    ['ela', isElaMet],
    ['math', isMathMet],
  ] as const) {
    if (isMet) {
      met.push(`tsi_${subject}`);
      closeness += 0.5;
      continue;
    }
    const best = bestOption(
      subject === 'ela' ? elaOptions(scores, params) : mathOptions(scores, params),
    );
    const cpc = collegePrepOption(params, subject, gradeNow);
    const chosen = best.closeness > 0 || cpc === null ? best : cpc;
    missing.push(chosen.piece);
    closeness += chosen.closeness / 2;
  }
  const summary =
    met.map((part) => `${label(part)} met`).join('; ') +
    (met.length > 0 && missing.length > 0 ? '; ' : '') +
    missing.map(describeMissing).join('; ');
  return {
    route_id: 'tsi',
    rule_id: 'COL-TSI',
    closeness,
    met_parts: met,
    missing,
    closes_at: closesAt,
    summary,
  };
}

/** Only tests taken by the end of the window count toward best-so-far (WIN-HS). */
function testsUpTo(record: StudentRecord, end: string): StudentRecord {
  const isInside = (test: { date: string }) => test.date <= end;
  return {
    ...record,
    sat: record.sat?.filter(isInside),
    act: record.act?.filter(isInside),
    tsia1: record.tsia1?.filter(isInside),
    tsia2: record.tsia2?.filter(isInside),
  };
}

function describeMissing(piece: MissingPiece): string {
  const best = piece.best_so_far === null ? 'no score yet' : `best so far ${piece.best_so_far}`;
  return `${label(piece.part)} needs ${piece.needs}, ${best}`;
}

function label(part: string): string {
  return part === 'tsi_ela' ? 'TSI ELA' : 'TSI math';
}

function bestOption(options: Option[]): Option {
  return options.reduce((a, b) => (b.closeness > a.closeness ? b : a));
}

function option(
  part: string,
  rule_id: string,
  needs: string,
  best: number | null,
  source: string | null,
  cut: number,
): Option {
  return {
    piece: { part, rule_id, needs, best_so_far: best, best_source: best === null ? null : source },
    closeness: ratioOf(best, cut),
  };
}

function maxOf<T>(
  items: T[] | undefined,
  read: (item: T) => number | undefined,
): [number | null, string | null] {
  let best: number | null = null;
  let date: string | null = null;
  for (const item of items ?? []) {
    const value = read(item);
    if (value !== undefined && (best === null || value > best)) {
      best = value;
      date = (item as { date?: string }).date ?? null;
    }
  }
  return [best, date];
}

function elaOptions(record: StudentRecord, params: YearParameters): Option[] {
  const t = params.tsi;
  const [sat, satDate] = maxOf(record.sat, (s) => s.ebrw);
  const [act, actDate] = maxOf(record.act, (a) =>
    a.english !== undefined && a.reading !== undefined ? a.english + a.reading : undefined,
  );
  const [crc, crcDate] = maxOf(record.tsia2, (s) => s.elar_crc);
  const [reading, readingDate] = maxOf(record.tsia1, (s) => s.reading);
  const [essay2] = maxOf(record.tsia2, (s) => s.essay);
  const [essay1] = maxOf(record.tsia1, (s) => s.essay);
  const essay = Math.max(essay2 ?? -1, essay1 ?? -1);
  const options = [
    option(
      'tsi_ela',
      'TSI-SAT',
      `SAT EBRW ≥ ${t.sat_ebrw_min}`,
      sat,
      `sat ${satDate}`,
      t.sat_ebrw_min,
    ),
    option(
      'tsi_ela',
      'TSI-ACT-NEW',
      `ACT English + Reading ≥ ${t.act_new_english_reading_min}`,
      act,
      `act ${actDate}`,
      t.act_new_english_reading_min,
    ),
    option(
      'tsi_ela',
      'TSI-TSIA1',
      `TSIA Reading ≥ ${t.tsia1_reading_min}`,
      reading,
      `tsia1 ${readingDate}`,
      t.tsia1_reading_min,
    ),
  ];
  if (crc !== null && crc >= t.tsia2_elar_crc_min && essay < t.tsia2_essay_min) {
    options.push(
      option(
        'tsi_ela',
        'TSI-TSIA2-ELAR',
        `TSIA2 essay ≥ ${t.tsia2_essay_min}`,
        essay < 0 ? null : essay,
        `tsia2 ${crcDate}`,
        t.tsia2_essay_min,
      ),
    );
  } else {
    options.push(
      option(
        'tsi_ela',
        'TSI-TSIA2-ELAR',
        `TSIA2 ELAR CRC ≥ ${t.tsia2_elar_crc_min} with essay ≥ ${t.tsia2_essay_min}`,
        crc,
        `tsia2 ${crcDate}`,
        t.tsia2_elar_crc_min,
      ),
    );
  }
  return options;
}

function mathOptions(record: StudentRecord, params: YearParameters): Option[] {
  const t = params.tsi;
  const [sat, satDate] = maxOf(record.sat, (s) => s.math);
  const [act, actDate] = maxOf(record.act, (a) => a.math);
  const [crc, crcDate] = maxOf(record.tsia2, (s) => s.math_crc);
  const [math1, math1Date] = maxOf(record.tsia1, (s) => s.math);
  return [
    option(
      'tsi_math',
      'TSI-SAT',
      `SAT Math ≥ ${t.sat_math_min}`,
      sat,
      `sat ${satDate}`,
      t.sat_math_min,
    ),
    option(
      'tsi_math',
      'TSI-ACT-NEW',
      `ACT Math ≥ ${t.act_new_math_min}`,
      act,
      `act ${actDate}`,
      t.act_new_math_min,
    ),
    option(
      'tsi_math',
      'TSI-TSIA2-MATH',
      `TSIA2 Math CRC ≥ ${t.tsia2_math_crc_min}`,
      crc,
      `tsia2 ${crcDate}`,
      t.tsia2_math_crc_min,
    ),
    option(
      'tsi_math',
      'TSI-TSIA1',
      `TSIA Math ≥ ${t.tsia1_math_min}`,
      math1,
      `tsia1 ${math1Date}`,
      t.tsia1_math_min,
    ),
  ];
}

/** TSI-CPC while the student's grade can still reach an allowed grade (TSI-CPC-YEAR). */
function collegePrepOption(
  params: YearParameters,
  subject: 'ela' | 'math',
  gradeNow: number,
): Option | null {
  const grades = params.college_prep.allowed_grade_levels;
  if (grades.length === 0 || gradeNow > Math.max(...grades)) return null;
  const needs = `a college prep ${subject === 'ela' ? 'ELA' : 'math'} course with credit in grade ${grades.join(' or ')}`;
  return {
    piece: {
      part: `tsi_${subject}`,
      rule_id: 'TSI-CPC',
      needs,
      best_so_far: null,
      best_source: null,
    },
    closeness: 0.01,
  };
}
