/**
 * The ending year of the school year `now` falls in. Texas school years start in August, so
 * 2026-10-15 is in 2026–27 and gives 2027; 2027-03-01 also gives 2027.
 */
export function schoolYearEnding(now: Date): number {
  return now.getUTCMonth() >= 7 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
}

/** The grade of a OneRoster grade code ("09", "9", "KG" = 0, "PK" = -1), or null. */
export function parseGradeLevel(code: string | undefined): number | null {
  if (code === undefined) return null;
  const upper = code.trim().toUpperCase();
  if (upper === 'KG') return 0;
  if (upper === 'PK') return -1;
  return /^\d{1,2}$/.test(upper) && Number(upper) <= 12 ? Number(upper) : null;
}

/**
 * The expected graduation year of a student in `grade` during the school year ending in
 * `schoolYearEnd`: a grade-12 student of 2026–27 graduates in 2027, a grade-9 student in 2030.
 */
export function graduationYearOf(grade: number | null, schoolYearEnd: number): number | null {
  return grade === null || grade < 0 ? null : schoolYearEnd + (12 - grade);
}
