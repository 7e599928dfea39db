import type { Viewer } from './viewer.js';

/** A SQL predicate and its parameters, numbered from the offset the caller gave. */
export interface ScopePredicate {
  sql: string;
  params: unknown[];
}

/** Students enrolled (as students) in any of the given classes; `$n` is a text[] of sourcedIds. */
function enrolledInClasses(personIdColumn: string, n: number): string {
  return `${personIdColumn} IN (SELECT scope_p.id FROM people scope_p
    JOIN enrollments scope_e ON scope_e.tenant_id = scope_p.tenant_id
      AND scope_e.user_sourced_id = scope_p.sourced_id
    WHERE scope_e.role = 'student' AND scope_e.deleted_at IS NULL
      AND scope_e.class_sourced_id = ANY($${n}::text[]))`;
}

/** Students whose students.campus_org_id is one of `$n` (a uuid[]). */
function atCampuses(personIdColumn: string, n: number): string {
  return `${personIdColumn} IN (SELECT scope_s.person_id FROM students scope_s
    WHERE scope_s.campus_org_id = ANY($${n}::uuid[]))`;
}

/**
 * A predicate that keeps only the students a viewer may see, to AND into any query over a column
 * holding people.id (row-level security already limits it to the viewer's district).
 * @param viewer whose scope applies.
 * @param personIdColumn the qualified column holding the student's people.id, e.g. `s.person_id`.
 * @param firstParam the number of the first `$n` placeholder this predicate may use.
 * @returns the SQL text and its parameters; `FALSE` for roles that see no student.
 */
export function studentScopePredicate(
  viewer: Viewer,
  personIdColumn: string,
  firstParam = 1,
): ScopePredicate {
  const { scope } = viewer;
  switch (viewer.role) {
    case 'district_admin':
      return { sql: 'TRUE', params: [] };
    case 'campus_admin':
      return { sql: atCampuses(personIdColumn, firstParam), params: [scope.campusOrgIds] };
    case 'counselor':
      if (scope.caseloadPersonIds.length > 0) {
        return {
          sql: `${personIdColumn} = ANY($${firstParam}::uuid[])`,
          params: [scope.caseloadPersonIds],
        };
      }
      return { sql: atCampuses(personIdColumn, firstParam), params: [scope.campusOrgIds] };
    case 'teacher':
      return {
        sql: enrolledInClasses(personIdColumn, firstParam),
        params: [scope.classSourcedIds],
      };
    case 'student':
      if (viewer.personId === null) return { sql: 'FALSE', params: [] };
      return { sql: `${personIdColumn} = $${firstParam}::uuid`, params: [viewer.personId] };
    default:
      return { sql: 'FALSE', params: [] };
  }
}
