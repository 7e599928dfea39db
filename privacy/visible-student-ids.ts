import type { TenantTransaction } from '../store/index.js';
import type { Viewer } from './viewer.js';
import { studentScopePredicate } from './student-scope-sql.js';

/** Optional narrowing of the visible population; each field ANDs with the viewer's scope. */
export interface StudentFilter {
  /** Only students of this campus (orgs.id). */
  campusOrgId?: string;
  /** Only students enrolled in this class (OneRoster sourcedId). */
  classSourcedId?: string;
  /** Only students of this graduation year. */
  graduationYear?: number;
}

/**
 * The internal ids of the students a viewer may see, in a stable order. A viewer from another
 * district sees none (the transaction's district must be the viewer's).
 * @param tx a transaction of the viewer's district.
 * @param viewer whose scope applies.
 * @param filter optional narrowing (campus, class, graduation year).
 * @returns people.id values of the students in scope.
 */
export async function visibleStudentIds(
  tx: TenantTransaction,
  viewer: Viewer,
  filter: StudentFilter = {},
): Promise<string[]> {
  if (tx.tenantId !== viewer.tenantId) return [];
  const scope = studentScopePredicate(viewer, 's.person_id', 1);
  const params: unknown[] = [...scope.params];
  const clauses = [scope.sql];
  if (filter.campusOrgId !== undefined) {
    params.push(filter.campusOrgId);
    clauses.push(`s.campus_org_id = $${params.length}::uuid`);
  }
  if (filter.graduationYear !== undefined) {
    params.push(filter.graduationYear);
    clauses.push(`s.graduation_year = $${params.length}`);
  }
  if (filter.classSourcedId !== undefined) {
    params.push(filter.classSourcedId);
    clauses.push(`s.person_id IN (SELECT f_p.id FROM people f_p JOIN enrollments f_e
      ON f_e.tenant_id = f_p.tenant_id AND f_e.user_sourced_id = f_p.sourced_id
      WHERE f_e.role = 'student' AND f_e.deleted_at IS NULL AND f_e.class_sourced_id = $${params.length})`);
  }
  const rows = await tx.query<{ person_id: string }>(
    `SELECT s.person_id FROM students s WHERE ${clauses.join(' AND ')} ORDER BY s.person_id`,
    params,
  );
  return rows.map((row) => row.person_id);
}
