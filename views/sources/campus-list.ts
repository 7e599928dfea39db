import type { Viewer } from '../../privacy/index.js';
import type { TenantTransaction } from '../../store/index.js';

/** A campus a viewer may choose. */
export interface CampusChoice {
  orgId: string;
  name: string;
}

/**
 * The campuses a viewer works with: every school of the district for a district administrator,
 * the campuses of their scope otherwise; in name order.
 *
 * @param tx - a transaction of the viewer's district.
 * @param viewer - the viewer.
 * @returns the campuses.
 */
export async function listViewerCampuses(
  tx: TenantTransaction,
  viewer: Viewer,
): Promise<CampusChoice[]> {
  const isDistrictWide = viewer.role === 'district_admin';
  const rows = await tx.query<{ id: string; name: string }>(
    `SELECT id, name FROM orgs
      WHERE org_type = 'school' AND deleted_at IS NULL AND ($1 OR id = ANY($2::uuid[]))
      ORDER BY name`,
    [isDistrictWide, viewer.scope.campusOrgIds],
  );
  return rows.map((row) => ({ orgId: row.id, name: row.name }));
}

/** The viewer's campuses with the district's results version, read together. */
export interface CampusesAtVersion {
  campuses: CampusChoice[];
  /** The counter `readResultsVersion` reads (store/migrations/0600), as a string. */
  resultsVersion: string;
}

/**
 * The viewer's campuses (as {@link listViewerCampuses}) and the district's results version in
 * one statement: the campus dashboard needs both on every request, and each statement costs a
 * round trip to the database.
 *
 * @param tx - a transaction of the viewer's district.
 * @param viewer - the viewer.
 * @returns the campuses in name order and the results version.
 */
export async function readCampusesAtVersion(
  tx: TenantTransaction,
  viewer: Viewer,
): Promise<CampusesAtVersion> {
  const isDistrictWide = viewer.role === 'district_admin';
  // The version row drives the join, so a viewer with no campus still reads the version.
  const rows = await tx.query<{ version: string; id: string | null; name: string | null }>(
    `SELECT v.version::text AS version, o.id, o.name
       FROM (SELECT coalesce((SELECT version FROM views_results_versions), 0) AS version) v
       LEFT JOIN orgs o
         ON o.org_type = 'school' AND o.deleted_at IS NULL AND ($1 OR o.id = ANY($2::uuid[]))
      ORDER BY o.name`,
    [isDistrictWide, viewer.scope.campusOrgIds],
  );
  const campuses = rows
    .filter((row) => row.id !== null)
    .map((row) => ({ orgId: row.id!, name: row.name! }));
  return { campuses, resultsVersion: rows[0]?.version ?? '0' };
}
