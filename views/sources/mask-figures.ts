/**
 * Small-number masking of the aggregates the widgets show (privacy checklist R27, after TEA's
 * TAPR rules): a rate whose denominator is 1–4 shows `*`, a zero denominator shows `–`, and a
 * count of 1–4 shows `*`. Zero counts are not masked.
 *
 * Limitation: complementary masking (hiding a second cell so a masked one cannot be recovered
 * from a total) is not applied here; the privacy module's maskAggregates is meant to replace
 * these two functions once it is available.
 */

/** A figure as shown: the number when it may be shown, else the mask symbol. */
export interface ShownFigure {
  /** The value, or null when masked or undefined. */
  value: number | null;
  /** What the page prints in place of a masked value: `*` or `–`. */
  mask: '*' | '–' | null;
}

/** Denominators and counts below this are masked (per-tenant `min_cell_size`, default 5). */
export const MIN_CELL_SIZE = 5;

/**
 * Masks a percentage by its denominator.
 *
 * @param pct - the percentage, or null.
 * @param denominator - how many students it was computed over.
 * @returns the figure to show.
 */
export function maskRate(pct: number | null, denominator: number): ShownFigure {
  if (denominator === 0 || pct === null) return { value: null, mask: '–' };
  if (denominator < MIN_CELL_SIZE) return { value: null, mask: '*' };
  return { value: pct, mask: null };
}

/**
 * Masks a count of students.
 *
 * @param count - the count.
 * @returns the figure to show.
 */
export function maskCount(count: number): ShownFigure {
  if (count > 0 && count < MIN_CELL_SIZE) return { value: null, mask: '*' };
  return { value: count, mask: null };
}
