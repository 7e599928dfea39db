import { createHash } from 'node:crypto';
import type { StudentRecord, YearParameters } from '../../calculators/index.js';

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The hash of everything a result depends on: the student record and the year's parameters. An
 * unchanged hash means the stored result still holds, so a recompute writes nothing.
 *
 * @param record - the §3 record.
 * @param params - the parameters it is evaluated with.
 * @returns a hex SHA-256.
 */
export function inputsHash(record: StudentRecord, params: YearParameters): string {
  return createHash('sha256').update(canonicalJson({ record, params })).digest('hex');
}
