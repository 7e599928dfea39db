import type { TenantTransaction } from '../../store/index.js';
import { computeCampusSummary, type CampusSummary } from './campus-summary.js';

/** How many campus summaries one process keeps (a large district has about 60 high schools). */
const MAX_ENTRIES = 500;

const entries = new Map<string, CampusSummary>();

/**
 * The version of a campus's results: how many students it has, how many results, and the
 * newest computation. Any recompute, new student or removal changes it.
 *
 * @param tx - a transaction of the district.
 * @param campusOrgId - the campus, or null for the whole district.
 * @returns an opaque version string.
 */
export async function readResultsVersion(
  tx: TenantTransaction,
  campusOrgId: string | null,
): Promise<string> {
  const row = await tx.one<{ students: number; results: number; newest: Date | null }>(
    `SELECT count(*) AS students, count(r.person_id) AS results, max(r.computed_at) AS newest
       FROM students s
       LEFT JOIN student_results r ON r.tenant_id = s.tenant_id AND r.person_id = s.person_id
      WHERE ($1::uuid IS NULL OR s.campus_org_id = $1::uuid)`,
    [campusOrgId],
  );
  return `${row?.students ?? 0}:${row?.results ?? 0}:${row?.newest?.toISOString() ?? '-'}`;
}

/**
 * A campus's aggregates, computed once per results version and day and then served from
 * memory: the dashboard reads a version number, not 3,000 results, on every request. The key
 * carries the tenant, so one district's summary is never served to another.
 *
 * @param clock - the application clock.
 * @param tx - a transaction of the district.
 * @param campusOrgId - the campus, already authorised for `campus.read`; null for the whole
 *   district (authorised for `district.read`).
 * @param today - ISO date for projections.
 * @returns the summary.
 */
export async function getCampusSummary(
  clock: { now(): Date },
  tx: TenantTransaction,
  campusOrgId: string | null,
  today: string,
): Promise<CampusSummary> {
  const version = `${await readResultsVersion(tx, campusOrgId)}@${today}`;
  const key = `${tx.tenantId}/${campusOrgId ?? 'district'}`;
  const cached = entries.get(key);
  if (cached && cached.version === version) return cached;
  const summary = await computeCampusSummary(clock, tx, campusOrgId, version, today);
  entries.delete(key);
  entries.set(key, summary);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return summary;
}
