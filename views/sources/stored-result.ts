import type { ReadinessPath, StudentResult } from '../../calculators/index.js';

/**
 * A student's latest result as stored in student_results.result: the calculators' result, and
 * the path to readiness when the recompute stored one.
 */
export type StoredResult = StudentResult & { path?: ReadinessPath | null };

/**
 * Reads the stored JSON defensively: the column is written by the results recompute, and a
 * row written by an older version may lack newer fields.
 *
 * @param value - the jsonb value as the store returns it (object or string).
 * @returns the result, or null when the value is not a result.
 */
export function readStoredResult(value: unknown): StoredResult | null {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (parsed === null || typeof parsed !== 'object') return null;
  const candidate = parsed as Partial<StoredResult>;
  if (typeof candidate.ccmr_met !== 'boolean' || !candidate.explanations) return null;
  return candidate as StoredResult;
}
