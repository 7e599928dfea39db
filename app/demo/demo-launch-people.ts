import type { AppContext } from '../app-context.js';
import type { ViewerRole } from '../../privacy/index.js';

/** A demo person to launch as: an internal id for the link, the sourcedId for the LIS claim. */
export interface DemoPerson {
  personId: string;
  sourcedId: string;
  classSourcedId: string | null;
}

// OneRoster roles (1.1 and 1.2 vocabularies) that stand for each product role in the demo roster.
const ROSTER_ROLES: Partial<Record<ViewerRole, string[]>> = {
  teacher: ['teacher'],
  counselor: ['counselor', 'aide'],
  campus_admin: ['principal', 'siteAdministrator', 'administrator'],
  district_admin: ['districtAdministrator', 'systemAdministrator', 'administrator'],
  student: ['student'],
};

/**
 * Picks a real person of the demo district's roster for a role (a teacher with a class, a
 * student, …), or null when the roster has none yet.
 */
export async function pickDemoPerson(
  context: AppContext,
  tenantId: string,
  role: ViewerRole,
): Promise<DemoPerson | null> {
  const roles = ROSTER_ROLES[role];
  if (!roles) return null;
  const row = await context.db.withTenant(tenantId, (tx) =>
    tx.one<{ id: string; sourced_id: string; class_sourced_id: string | null }>(
      `SELECT p.id, p.sourced_id,
         (SELECT e.class_sourced_id FROM enrollments e
           WHERE e.user_sourced_id = p.sourced_id AND e.deleted_at IS NULL
           ORDER BY e.class_sourced_id LIMIT 1) AS class_sourced_id
       FROM people p
       WHERE p.role = ANY($1::text[]) AND p.deleted_at IS NULL
       ORDER BY (SELECT count(*) FROM enrollments e WHERE e.user_sourced_id = p.sourced_id) DESC, p.id
       LIMIT 1`,
      [roles],
    ),
  );
  return row
    ? { personId: row.id, sourcedId: row.sourced_id, classSourcedId: row.class_sourced_id }
    : null;
}
