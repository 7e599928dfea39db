import { createHash } from 'node:crypto';

/** JSON with sorted keys, so equal content always serialises the same. */
export function canonicalJson(value: unknown): string {
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
 * The fingerprint of one piece of evidence: the same student, kind and content always give the
 * same fingerprint, whichever file brought it, so re-importing changes nothing (evidence is
 * unique per district by fingerprint).
 *
 * @param personId - the student.
 * @param kind - the evidence kind.
 * @param data - the §3 element.
 * @returns a hex SHA-256.
 */
export function evidenceFingerprint(personId: string, kind: string, data: unknown): string {
  return createHash('sha256')
    .update(`${personId}|${kind}|${canonicalJson(data)}`)
    .digest('hex');
}
