import { maskAggregates } from '../../privacy/index.js';

/**
 * Small-number masking of the figures the widgets show, through the privacy module's
 * maskAggregates (privacy checklist R27, TEA's TAPR rules): a rate over 1–4 students shows `*`,
 * a rate over none `–`, a count of 1–4 `*`; zero counts are not masked. Counts that add up to a
 * shown total are masked as a family, so a masked count cannot be recovered by subtraction.
 *
 * Limitation: rates keep one decimal (TEA's AGG-RATE) and are not bounded to `<1%`/`>99%`;
 * the widgets are read by district staff who may see the students themselves.
 */

/** A figure as shown: the number when it may be shown, else the mask symbol. */
export interface ShownFigure {
  /** The value, or null when masked or undefined. */
  value: number | null;
  /** What the page prints in place of a masked value: `*` or `–`. */
  mask: '*' | '–' | null;
}

function isMaskedCell(denominator: number): boolean {
  return maskAggregates([{ key: 'cell', numerator: 0, denominator }])[0]!.isMasked;
}

/**
 * Masks a percentage by its denominator.
 *
 * @param pct - the percentage, or null.
 * @param denominator - how many students it was computed over.
 * @returns the figure to show.
 */
export function maskRate(pct: number | null, denominator: number): ShownFigure {
  if (denominator === 0 || pct === null) return { value: null, mask: '–' };
  if (isMaskedCell(denominator)) return { value: null, mask: '*' };
  return { value: pct, mask: null };
}

/**
 * Masks a count of students.
 *
 * @param count - the count.
 * @returns the figure to show.
 */
export function maskCount(count: number): ShownFigure {
  if (count > 0 && isMaskedCell(count)) return { value: null, mask: '*' };
  return { value: count, mask: null };
}

/**
 * Masks counts that add up to a total shown elsewhere (e.g. the gap groups of a class): a small
 * count is masked, and when it is the only one, the next smallest is masked with it.
 *
 * @param counts - the counts of one family, in display order.
 * @returns the figures to show, in the same order.
 */
export function maskCountFamily(counts: readonly number[]): ShownFigure[] {
  const cells = counts.map((count, index) => ({
    key: String(index),
    numerator: count,
    denominator: count,
    family: 'family',
  }));
  return maskAggregates(cells).map((cell, index) =>
    cell.isMasked ? { value: null, mask: '*' } : { value: counts[index]!, mask: null },
  );
}
