/**
 * What an action is aimed at, with the facts the access policy needs to decide. Callers load the
 * facts (a student's campus and classes) before asking; the policy itself never reads the
 * database, so it is a pure function that tests can cover cell by cell.
 */
export type AccessResource =
  | {
      kind: 'student';
      /** Internal people.id of the student. */
      personId: string;
      /** Internal orgs.id of the student's campus, when known. */
      campusOrgId: string | null;
      /** OneRoster sourcedIds of the classes the student is enrolled in (as a student). */
      classSourcedIds: readonly string[];
      tenantId?: string;
    }
  | { kind: 'class'; classSourcedId: string; campusOrgId: string | null; tenantId?: string }
  | { kind: 'campus'; campusOrgId: string; tenantId?: string }
  | { kind: 'district'; tenantId?: string }
  /** Everyone the viewer may see, as filtered by `visibleStudentIds` (e.g. "my students"). */
  | { kind: 'own_scope'; tenantId?: string };

/** Every action the product performs on student data or on a district's settings. */
export const ACCESS_ACTIONS = [
  'student.read',
  'student.list',
  'class.read',
  'campus.read',
  'district.read',
  'whatif.run',
  'certification.write',
  'admin.read',
  'admin.write',
  'audit.export',
  'data_request.run',
  'export.deidentified',
] as const;

export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** The outcome of an access decision; `reason` is a stable code, safe to log and audit. */
export interface AccessDecision {
  allowed: boolean;
  reason: AccessReason;
}

export type AccessReason =
  | 'district_admin'
  | 'in_scope'
  | 'self'
  | 'role_none'
  | 'tenant_mismatch'
  | 'out_of_scope'
  | 'not_permitted_for_role'
  | 'resource_not_applicable';
