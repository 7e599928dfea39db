import type { TenantTransaction } from '../../store/index.js';
import { computeCampusSummary, type CampusSummary } from './campus-summary.js';

/** How many campus summaries one process keeps (a large district has about 60 high schools). */
const MAX_ENTRIES = 500;

/**
 * The longest a summary is served without recomputing, whatever the version says: changes
 * made outside a district's transaction (offboarding, owner maintenance) do not move the
 * version counter.
 */
const MAX_AGE_MS = 10 * 60 * 1000;

interface Entry {
  summary: CampusSummary;
  storedAtMs: number;
}

const entries = new Map<string, Entry>();

/**
 * The version of a district's results: a counter that database triggers move on every change to
 * results, students, evidence or certifications (store/migrations/0600).
 *
 * @param tx - a transaction of the district.
 * @returns an opaque version string.
 */
export async function readResultsVersion(tx: TenantTransaction): Promise<string> {
  const row = await tx.one<{ version: number }>('SELECT version FROM views_results_versions');
  return String(row?.version ?? 0);
}

/**
 * A campus's aggregates, computed once per results version and day and then served from
 * memory: the dashboard reads one counter, not 3,000 results, on every request. The key
 * carries the tenant, so one district's summary is never served to another.
 *
 * @param clock - the application clock.
 * @param tx - a transaction of the district.
 * @param campusOrgId - the campus, already authorised for `campus.read`; null for the whole
 *   district (authorised for `district.read`).
 * @param today - ISO date for projections.
 * @param resultsVersion - the version when the caller has just read it in `tx`
 *   (`readCampusesAtVersion`); read here otherwise.
 * @returns the summary.
 */
export async function getCampusSummary(
  clock: { now(): Date },
  tx: TenantTransaction,
  campusOrgId: string | null,
  today: string,
  resultsVersion?: string,
): Promise<CampusSummary> {
  const version = `${resultsVersion ?? (await readResultsVersion(tx))}@${today}`;
  const key = `${tx.tenantId}/${campusOrgId ?? 'district'}`;
  const nowMs = Date.now();
  const cached = entries.get(key);
  if (cached && cached.summary.version === version && nowMs - cached.storedAtMs < MAX_AGE_MS) {
    return cached.summary;
  }
  const summary = await computeCampusSummary(clock, tx, campusOrgId, version, today);
  entries.delete(key);
  entries.set(key, { summary, storedAtMs: nowMs });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return summary;
}
