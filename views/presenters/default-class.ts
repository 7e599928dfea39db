/**
 * The graduating class a dashboard opens on when none is chosen: the class graduating at the end
 * of the current school year (the seniors, whose readiness is still in play), else the nearest
 * class still to graduate, else the most recent class that has graduated.
 *
 * @param classes - the graduating classes with data, any order.
 * @param selectedYear - the class the viewer chose, if any; it wins when it has data.
 * @param today - 'YYYY-MM-DD'; a school year ends in the summer, so from August on the seniors
 *   graduate the next calendar year.
 * @returns the graduation year to show, or null when there are no classes.
 * @example chooseGraduatingClass([{ graduationYear: 2030 }, { graduationYear: 2027 }], null, '2026-12-03') // 2027
 */
export function chooseGraduatingClass(
  classes: ReadonlyArray<{ graduationYear: number }>,
  selectedYear: number | null | undefined,
  today: string,
): number | null {
  const years = classes.map((c) => c.graduationYear);
  if (selectedYear != null && years.includes(selectedYear)) return selectedYear;
  if (years.length === 0) return null;
  const [year, month] = today.split('-').map(Number) as [number, number];
  const seniorsGraduate = month >= 8 ? year + 1 : year;
  const upcoming = years.filter((y) => y >= seniorsGraduate);
  return upcoming.length > 0 ? Math.min(...upcoming) : Math.max(...years);
}
