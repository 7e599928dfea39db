/**
 * Rounds n ÷ d × 100 half up to `decimals` places using integers only, so that an exact half
 * (12.5 %) never drifts to 12.499… in floating point (AGG-ROUND [U]: half up).
 *
 * @param numerator - count of students.
 * @param denominator - count of students, above zero.
 * @param decimals - 0 for the component score, 1 for display.
 * @returns the rounded percentage.
 * @example roundPercentHalfUp(26, 30, 1) // 86.7
 */
export function roundPercentHalfUp(
  numerator: number,
  denominator: number,
  decimals: number,
): number {
  const scale = 10 ** decimals;
  return Math.floor((200 * scale * numerator + denominator) / (2 * denominator)) / scale;
}

/**
 * Rounds a count: `ceil` or `floor` of a non-negative product, tolerant of float noise
 * (0.11 × 100 is 11.000000000000002 in binary floating point).
 *
 * @param value - the exact product.
 * @param mode - `ceil` or `floor`.
 * @returns the whole count.
 * @example roundCount(0.11 * 100, 'ceil') // 11
 */
export function roundCount(value: number, mode: 'ceil' | 'floor'): number {
  const nearest = Math.round(value);
  if (Math.abs(value - nearest) < 1e-9) return nearest;
  return mode === 'ceil' ? Math.ceil(value) : Math.floor(value);
}
