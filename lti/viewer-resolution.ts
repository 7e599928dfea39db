import type { Viewer, ViewerRole, ViewerScope } from '../privacy/index.js';
import { preparedSql, type TenantKeys, type TenantTransaction } from '../store/index.js';
import type { VerifiedLaunch } from './launch-claims.js';
import { mapRoles } from './role-mapping.js';

/** What the launch decides before the optional NRPS confirmation. */
export interface ResolvedViewer {
  viewer: Omit<Viewer, 'launchId'>;
  /** The launch context's class, when the roster knows it but not the teacher in it. */
  unconfirmedContextClass: string | null;
}

const EMPTY_SCOPE = (): ViewerScope => ({
  campusOrgIds: [],
  classSourcedIds: [],
  caseloadPersonIds: [],
});

/**
 * Decides who is looking: the product role from the launch roles (district mapping first), the
 * person through the LIS person_sourcedid (= OneRoster sourcedId) or the email's blind index, and
 * the scope that role gives over the roster.
 * @param tx a transaction of the launch's district.
 * @param keys the district key store (blind indexes).
 * @param launch the verified launch.
 * @returns the viewer without its launch id.
 */
export async function resolveViewer(
  tx: TenantTransaction,
  keys: TenantKeys,
  launch: VerifiedLaunch,
): Promise<ResolvedViewer> {
  const found = await readRosterView(tx, keys, launch);
  const role = mapRoles(launch.roles, found.roleMap);
  const hasPerson = role !== 'none' && found.personId !== null;
  const scope = EMPTY_SCOPE();
  let unconfirmedContextClass: string | null = null;

  if (role === 'teacher') {
    scope.classSourcedIds = found.taught;
    const { contextClass } = found;
    if (contextClass && !found.taught.includes(contextClass))
      unconfirmedContextClass = contextClass;
  }
  if ((role === 'counselor' || role === 'campus_admin') && hasPerson) {
    scope.campusOrgIds = found.campuses;
  }
  const viewer = {
    tenantId: tx.tenantId,
    // A person the roster does not know keeps the role (pages can say why nothing shows) with
    // an empty scope, except a district administrator, whose scope is the whole district.
    role,
    personId: hasPerson ? found.personId : null,
    scope,
    locale: launch.locale?.toLowerCase().startsWith('es') ? 'es' : 'en',
  } satisfies Omit<Viewer, 'launchId'>;
  return { viewer, unconfirmedContextClass };
}

/** What the roster and the district's settings say about a launch, read at once. */
interface RosterView {
  roleMap: Record<string, ViewerRole>;
  personId: string | null;
  /** The classes the roster lists the person as teaching. */
  taught: string[];
  /** The launch's course when it is a rostered class. */
  contextClass: string | null;
  /** The schools (org ids) the person belongs to. */
  campuses: string[];
}

const READ_ROSTER_VIEW = preparedSql(
  'lti-read-roster-view',
  `WITH by_sourced_id AS (
     SELECT id, sourced_id, org_sourced_ids FROM people
     WHERE sourced_id = $1 AND deleted_at IS NULL LIMIT 1
   ), by_email AS (
     SELECT id, sourced_id, org_sourced_ids FROM people
     WHERE email_bidx = $2 AND deleted_at IS NULL LIMIT 2
   ), person AS (
     SELECT * FROM by_sourced_id
     UNION ALL
     SELECT * FROM by_email
     WHERE NOT EXISTS (SELECT 1 FROM by_sourced_id) AND (SELECT count(*) FROM by_email) = 1
   )
   SELECT
     (SELECT coalesce(json_object_agg(lti_role, viewer_role), '{}'::json)
       FROM lti_role_mappings) AS role_map,
     (SELECT id FROM person) AS person_id,
     (SELECT array_agg(DISTINCT e.class_sourced_id ORDER BY e.class_sourced_id)
       FROM enrollments e JOIN person p ON e.user_sourced_id = p.sourced_id
       WHERE e.role = 'teacher' AND e.deleted_at IS NULL AND e.status = 'active') AS taught,
     (SELECT sourced_id FROM classes WHERE sourced_id = ANY($3::text[]) AND deleted_at IS NULL
       ORDER BY sourced_id LIMIT 1) AS context_class,
     (SELECT array_agg(o.id ORDER BY o.id)
       FROM orgs o JOIN person p ON o.sourced_id = ANY(p.org_sourced_ids)
       WHERE o.org_type = 'school' AND o.deleted_at IS NULL) AS campuses`,
);

/**
 * Reads, in one statement, everything the viewer may depend on, before the role is known: the
 * district's role mapping; the person, by sourcedId first, else by email blind index when
 * exactly one person has it (two people sharing one email cannot be told apart: neither is
 * chosen); the classes that person teaches and the schools they belong to; and the launch's
 * course when it is a rostered class (its context id or LIS section id is a class sourcedId, as
 * OneRoster-provisioned LMS courses are). What the role does not use is then ignored.
 */
async function readRosterView(
  tx: TenantTransaction,
  keys: TenantKeys,
  launch: VerifiedLaunch,
): Promise<RosterView> {
  const emailIndex = launch.email
    ? (await keys.cipherFor(tx)).blindIndex('email', launch.email)
    : null;
  const courseCandidates = [launch.context?.id, launch.courseSectionSourcedId].filter(
    (value): value is string => typeof value === 'string',
  );
  const row = await tx.one<{
    role_map: Record<string, ViewerRole>;
    person_id: string | null;
    taught: string[] | null;
    context_class: string | null;
    campuses: string[] | null;
  }>(READ_ROSTER_VIEW, [launch.personSourcedId, emailIndex, courseCandidates]);
  return {
    roleMap: row!.role_map,
    personId: row!.person_id,
    taught: row!.taught ?? [],
    contextClass: row!.context_class,
    campuses: row!.campuses ?? [],
  };
}
