import type { TenantTransaction } from '../store/index.js';
import type { AccessResource } from './access-resource.js';

/**
 * Loads the facts the access policy needs about one student: campus and classes. A student that
 * does not exist in the district yields a resource no non-administrator is in scope for.
 * @param tx a transaction of the district.
 * @param personId the student's internal people.id.
 * @returns a `student` resource for `authorize`.
 */
export async function loadStudentResource(
  tx: TenantTransaction,
  personId: string,
): Promise<Extract<AccessResource, { kind: 'student' }>> {
  const student = await tx.one<{ campus_org_id: string | null }>(
    'SELECT campus_org_id FROM students WHERE person_id = $1',
    [personId],
  );
  const classes = await tx.query<{ class_sourced_id: string }>(
    `SELECT DISTINCT e.class_sourced_id FROM enrollments e
     JOIN people p ON p.tenant_id = e.tenant_id AND p.sourced_id = e.user_sourced_id
     WHERE p.id = $1 AND e.role = 'student' AND e.deleted_at IS NULL`,
    [personId],
  );
  return {
    kind: 'student',
    personId,
    campusOrgId: student?.campus_org_id ?? null,
    classSourcedIds: classes.map((row) => row.class_sourced_id),
    tenantId: tx.tenantId,
  };
}
