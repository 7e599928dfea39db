import type { StudentResult } from '../../calculators/index.js';
import type { TenantTransaction } from '../../store/index.js';

/** Which stored results to load; every condition given must hold. */
export interface ResultsFilter {
  personIds?: readonly string[];
  campusOrgIds?: readonly string[];
  graduationYear?: number;
  accountabilityYear?: number;
  isCcmrMet?: boolean;
}

/** One student's stored result with the attributes widgets group by. */
export interface StoredResult {
  personId: string;
  campusOrgId: string | null;
  graduationYear: number | null;
  accountabilityYear: number;
  ccmrMet: boolean;
  result: StudentResult;
  inputsHash: string;
  computedAt: Date;
}

/**
 * Loads stored results for widgets and exports. The caller audits the read for its viewer.
 *
 * @param tx - the district's transaction.
 * @param filter - the conditions.
 * @returns matching results in person id order.
 */
export async function loadResults(
  tx: TenantTransaction,
  filter: ResultsFilter = {},
): Promise<StoredResult[]> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.personIds) add('r.person_id = ANY(?::uuid[])', filter.personIds);
  if (filter.campusOrgIds) add('s.campus_org_id = ANY(?::uuid[])', filter.campusOrgIds);
  if (filter.graduationYear !== undefined) add('s.graduation_year = ?', filter.graduationYear);
  if (filter.accountabilityYear !== undefined)
    add('r.accountability_year = ?', filter.accountabilityYear);
  if (filter.isCcmrMet !== undefined) add('r.ccmr_met = ?', filter.isCcmrMet);
  const rows = await tx.query<{
    person_id: string;
    campus_org_id: string | null;
    graduation_year: number | null;
    accountability_year: number;
    ccmr_met: boolean;
    result: StudentResult;
    inputs_hash: string;
    computed_at: Date;
  }>(
    `SELECT r.person_id, s.campus_org_id, s.graduation_year, r.accountability_year, r.ccmr_met,
       r.result, r.inputs_hash, r.computed_at
     FROM student_results r
     LEFT JOIN students s ON s.tenant_id = r.tenant_id AND s.person_id = r.person_id
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY r.person_id`,
    params,
  );
  return rows.map((row) => ({
    personId: row.person_id,
    campusOrgId: row.campus_org_id,
    graduationYear: row.graduation_year,
    accountabilityYear: row.accountability_year,
    ccmrMet: row.ccmr_met,
    result: row.result,
    inputsHash: row.inputs_hash,
    computedAt: row.computed_at,
  }));
}
