import type { TenantCipher, TenantTransaction } from '../../store/index.js';
import { readStoredResult, type StoredResult } from './stored-result.js';

/** One student as the widgets read them: CCMR attributes, latest result, name if asked. */
export interface StudentRow {
  personId: string;
  campusOrgId: string | null;
  graduationYear: number | null;
  gradeLevel: number | null;
  econDisadv: boolean;
  /** "Family, Given", decrypted only when the caller passed a cipher. */
  displayName: string | null;
  result: StoredResult | null;
  computedAt: Date | null;
}

interface RawRow {
  person_id: string;
  campus_org_id: string | null;
  graduation_year: number | null;
  grade_level: number | null;
  econ_disadv: boolean;
  given_name_enc: Buffer | null;
  family_name_enc: Buffer | null;
  result: unknown;
  computed_at: Date | null;
}

function nameOf(raw: RawRow, cipher: TenantCipher): string | null {
  const binding = (column: string) => ({ table: 'people', column, rowId: raw.person_id });
  const given = cipher.decrypt(raw.given_name_enc, binding('given_name_enc'));
  const family = cipher.decrypt(raw.family_name_enc, binding('family_name_enc'));
  if (given === null && family === null) return null;
  return [family, given].filter((part) => part !== null).join(', ');
}

/**
 * Loads the given students with their latest results, in name order when names are decrypted
 * and id order otherwise. Callers pass only ids the access policy returned.
 *
 * @param tx - a transaction of the viewer's district.
 * @param personIds - internal people.id values, already filtered by the viewer's scope.
 * @param cipher - the district's cipher to decrypt names; omit for aggregate-only reads.
 * @returns one row per student found.
 */
export async function loadStudentRows(
  tx: TenantTransaction,
  personIds: readonly string[],
  cipher?: TenantCipher,
): Promise<StudentRow[]> {
  if (personIds.length === 0) return [];
  const raws = await tx.query<RawRow & Record<string, unknown>>(
    `SELECT s.person_id, s.campus_org_id, s.graduation_year, s.grade_level, s.econ_disadv,
            ${cipher ? 'p.given_name_enc, p.family_name_enc' : 'NULL AS given_name_enc, NULL AS family_name_enc'},
            r.result, r.computed_at
       FROM students s
       JOIN people p ON p.tenant_id = s.tenant_id AND p.id = s.person_id
       LEFT JOIN student_results r ON r.tenant_id = s.tenant_id AND r.person_id = s.person_id
      WHERE s.person_id = ANY($1::uuid[]) AND p.deleted_at IS NULL
      ORDER BY s.person_id`,
    [personIds],
  );
  const rows = raws.map((raw) => ({
    personId: raw.person_id,
    campusOrgId: raw.campus_org_id,
    graduationYear: raw.graduation_year,
    gradeLevel: raw.grade_level,
    econDisadv: raw.econ_disadv,
    displayName: cipher ? nameOf(raw, cipher) : null,
    result: readStoredResult(raw.result),
    computedAt: raw.computed_at,
  }));
  if (cipher) rows.sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? ''));
  return rows;
}

/**
 * The newest computed_at among rows, for the page's "as of" line.
 *
 * @param rows - student rows.
 * @returns the latest instant, or null when nothing was computed.
 */
export function newestComputedAt(rows: readonly { computedAt: Date | null }[]): Date | null {
  let newest: Date | null = null;
  for (const row of rows) {
    if (row.computedAt && (!newest || row.computedAt > newest)) newest = row.computedAt;
  }
  return newest;
}
