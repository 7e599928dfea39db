import type { ViewerRole } from '../privacy/index.js';
import type { TenantTransaction } from '../store/index.js';
import { INSTITUTION, MEMBERSHIP, SYSTEM, normaliseRole } from './role-vocabulary.js';

/** The product role each LTI role gives by default; a district may override any entry. */
export const DEFAULT_ROLE_MAP: Readonly<Record<string, ViewerRole>> = {
  [`${SYSTEM}Administrator`]: 'district_admin',
  [`${SYSTEM}SysAdmin`]: 'district_admin',
  [`${SYSTEM}AccountAdmin`]: 'district_admin',
  [`${INSTITUTION}Administrator`]: 'campus_admin',
  [`${MEMBERSHIP}Administrator`]: 'campus_admin',
  [`${INSTITUTION}Mentor`]: 'counselor',
  [`${MEMBERSHIP}Mentor`]: 'counselor',
  [subRole('Mentor', 'Advisor')]: 'counselor',
  [`${MEMBERSHIP}Instructor`]: 'teacher',
  [subRole('Instructor', 'PrimaryInstructor')]: 'teacher',
  [subRole('Instructor', 'Lecturer')]: 'teacher',
  [`${INSTITUTION}Faculty`]: 'teacher',
  [`${INSTITUTION}Instructor`]: 'teacher',
  [`${MEMBERSHIP}Learner`]: 'student',
  [`${INSTITUTION}Student`]: 'student',
  [`${INSTITUTION}Learner`]: 'student',
};

function subRole(principal: string, sub: string): string {
  return `http://purl.imsglobal.org/vocab/lis/v2/membership/${principal}#${sub}`;
}

/** Most to least privileged; a person with several staff roles gets the highest one. */
const STAFF_PRECEDENCE: ViewerRole[] = ['district_admin', 'campus_admin', 'counselor', 'teacher'];

/**
 * Maps a launch's roles to one product role. Least privilege decides the hard cases: anyone who
 * is a learner in the launch is a student (a student who is also "Mentor" must not see other
 * students), and roles nobody mapped give 'none'.
 * @param roles the roles claim, short names allowed.
 * @param tenantMap the district's own entries, consulted before the defaults.
 * @returns the product role.
 */
export function mapRoles(
  roles: readonly string[],
  tenantMap: Readonly<Record<string, ViewerRole>> = {},
): ViewerRole {
  const mapped = new Set<ViewerRole>();
  for (const role of roles) {
    const full = normaliseRole(role);
    const viewerRole = tenantMap[full] ?? DEFAULT_ROLE_MAP[full];
    if (viewerRole) mapped.add(viewerRole);
  }
  if (mapped.has('student')) return 'student';
  return STAFF_PRECEDENCE.find((role) => mapped.has(role)) ?? 'none';
}

/**
 * Stores one entry of a district's role mapping (idempotent).
 * @param tx a transaction of that district.
 */
export async function setTenantRole(
  tx: TenantTransaction,
  ltiRole: string,
  viewerRole: ViewerRole,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO lti_role_mappings (tenant_id, lti_role, viewer_role, updated_at) VALUES ($1,$2,$3,$4)
     ON CONFLICT (tenant_id, lti_role) DO UPDATE SET viewer_role = EXCLUDED.viewer_role,
       updated_at = EXCLUDED.updated_at`,
    [tx.tenantId, normaliseRole(ltiRole), viewerRole, now],
  );
}
