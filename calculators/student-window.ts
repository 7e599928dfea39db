import type { StudentRecord } from './student-record.js';

/**
 * The dates that bound a student's indicator windows (ccmr-rules.md §1, WIN-HS). ISO dates
 * compare correctly as strings, so no Date objects are made in the hot path.
 */
export interface StudentWindow {
  /** First day of grade 9; `null` when unknown (no lower bound is applied). */
  start: string | null;
  /** Graduation date, or for a non-graduate the end of the school year. */
  end: string;
  /** August 31 immediately following `end` (COL-AD, CAR-LVL, OB credentials). */
  august31After: string;
  /** December 31 following `end` (MIL-DEADLINE). */
  december31After: string;
}

/**
 * Works out a student's window from the record.
 *
 * Limitation: when a non-graduate's `school_year_end_date` (or a graduate's `graduation_date`)
 * is absent, the window ends on August 31 of the class year (A−1), the last day of the school
 * year Y-MAP evaluates; TEA's exact cut-off for non-graduates is [U].
 *
 * @param record - the §3 record.
 * @returns the window dates.
 */
export function windowOf(record: StudentRecord): StudentWindow {
  const anchor =
    (record.graduated ? record.graduation_date : record.school_year_end_date) ??
    `${record.accountability_year - 1}-08-31`;
  const deadlines = deadlinesAfter(anchor);
  return {
    start: record.grade9_start_date ?? null,
    end: anchor,
    august31After: deadlines[0],
    december31After: deadlines[1],
  };
}

/**
 * Graduation dates repeat across a campus, so the two derived deadlines are remembered per date
 * (a pure memo, bounded so odd input cannot grow it without limit).
 */
const DEADLINES = new Map<string, [string, string]>();
const DEADLINES_MAX_ENTRIES = 4096;

function deadlinesAfter(anchor: string): [string, string] {
  let deadlines = DEADLINES.get(anchor);
  if (deadlines === undefined) {
    const year = Number(anchor.slice(0, 4));
    const isAfterAugust = anchor.slice(5) > '08-31';
    deadlines = [`${isAfterAugust ? year + 1 : year}-08-31`, `${year}-12-31`];
    if (DEADLINES.size >= DEADLINES_MAX_ENTRIES) DEADLINES.clear();
    DEADLINES.set(anchor, deadlines);
  }
  return deadlines;
}

/**
 * Tells whether an ISO date lies in [start, end], both inclusive; a `null` start is open.
 *
 * @param date - the date to test.
 * @param start - first allowed day, or `null`.
 * @param end - last allowed day.
 * @returns true inside the window.
 */
export function isWithin(date: string, start: string | null, end: string): boolean {
  return (start === null || date >= start) && date <= end;
}

/**
 * The accountability year a record belongs to by Y-MAP: graduates of school year
 * (A−2)–(A−1) count in year A. A school year is taken to end on August 31.
 *
 * @param date - graduation date (or end-of-year date of a non-graduate).
 * @returns the accountability year.
 * @example accountabilityYearFor('2024-05-24') // 2025
 */
export function accountabilityYearFor(date: string): number {
  const year = Number(date.slice(0, 4));
  const schoolYearEnd = date.slice(5) > '08-31' ? year + 1 : year;
  return schoolYearEnd + 1;
}
