import type { WindowEnd } from './parameters/year-parameters.js';
import type { StudentRecord } from './student-record.js';

/**
 * The dates that bound a student's indicator windows (ccmr-rules.md §1, WIN-HS). ISO dates
 * compare correctly as strings, so no Date objects are made in the hot path. The two deadlines
 * after graduation are worked out only when a rule asks for them: most students have no
 * associate degree, certificate or enlistment to check.
 */
export class StudentWindow {
  private august31: string | null = null;
  private december31: string | null = null;

  /**
   * @param start - first day of grade 9; `null` when unknown (no lower bound is applied).
   * @param end - graduation date, or for a non-graduate the end of the school year.
   */
  constructor(
    readonly start: string | null,
    readonly end: string,
  ) {}

  /** August 31 immediately following `end` (COL-AD, CAR-LVL, OB credentials). */
  get august31After(): string {
    if (this.august31 === null) {
      const year = Number(this.end.slice(0, 4));
      this.august31 = `${this.end.slice(5) > '08-31' ? year + 1 : year}-08-31`;
    }
    return this.august31;
  }

  /**
   * The last day of a window that ends as the year's parameters say.
   *
   * @param choice - `graduation`, `august31` (after graduation) or `none`.
   * @returns an ISO date; `9999-12-31` for no end.
   */
  endFor(choice: WindowEnd): string {
    if (choice === 'graduation') return this.end;
    return choice === 'august31' ? this.august31After : '9999-12-31';
  }

  /** December 31 following `end` (MIL-DEADLINE). */
  get december31After(): string {
    if (this.december31 === null) this.december31 = `${this.end.slice(0, 4)}-12-31`;
    return this.december31;
  }
}

/**
 * Works out a student's window from the record.
 *
 * Limitation: when a non-graduate's `school_year_end_date` (or a graduate's `graduation_date`)
 * is absent, the window ends on August 31 of the class year (A−1), the last day of the school
 * year Y-MAP evaluates; TEA's exact cut-off for non-graduates is [U].
 *
 * @param record - the §3 record.
 * @returns the window.
 * @example windowOf({ graduated: true, graduation_date: '2024-05-24', ... }).august31After // '2024-08-31'
 */
export function windowOf(record: StudentRecord): StudentWindow {
  const anchor =
    (record.graduated ? record.graduation_date : record.school_year_end_date) ??
    `${record.accountability_year - 1}-08-31`;
  return new StudentWindow(record.grade9_start_date ?? null, anchor);
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
