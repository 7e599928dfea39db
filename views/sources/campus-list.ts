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
