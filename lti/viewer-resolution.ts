import type { Viewer, ViewerScope } from '../privacy/index.js';
import type { TenantKeys, TenantTransaction } from '../store/index.js';
import type { VerifiedLaunch } from './launch-claims.js';
import { mapRoles, readTenantRoleMap } from './role-mapping.js';

/** The launching person as the roster knows them. */
interface RosterPerson {
  id: string;
  sourced_id: string;
  org_sourced_ids: string[];
}

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
  const role = mapRoles(launch.roles, await readTenantRoleMap(tx));
  const person = role === 'none' ? undefined : await findPerson(tx, keys, launch);
  const scope = EMPTY_SCOPE();
  let unconfirmedContextClass: string | null = null;

  if (role === 'teacher') {
    const { taught, contextClass } = await findTeacherClasses(tx, person, launch);
    scope.classSourcedIds = taught;
    if (contextClass && !taught.includes(contextClass)) unconfirmedContextClass = contextClass;
  }
  if ((role === 'counselor' || role === 'campus_admin') && person) {
    scope.campusOrgIds = await findCampuses(tx, person);
  }
  const viewer = {
    tenantId: tx.tenantId,
    // A person the roster does not know keeps the role (pages can say why nothing shows) with
    // an empty scope, except a district administrator, whose scope is the whole district.
    role,
    personId: person?.id ?? null,
    scope,
    locale: launch.locale?.toLowerCase().startsWith('es') ? 'es' : 'en',
  } satisfies Omit<Viewer, 'launchId'>;
  return { viewer, unconfirmedContextClass };
}

async function findPerson(
  tx: TenantTransaction,
  keys: TenantKeys,
  launch: VerifiedLaunch,
): Promise<RosterPerson | undefined> {
  const columns = 'id, sourced_id, org_sourced_ids';
  if (launch.personSourcedId) {
    const row = await tx.one<RosterPerson & Record<string, unknown>>(
      `SELECT ${columns} FROM people WHERE sourced_id = $1 AND deleted_at IS NULL`,
      [launch.personSourcedId],
    );
    if (row) return row;
  }
  if (!launch.email) return undefined;
  const cipher = await keys.cipherFor(tx);
  const rows = await tx.query<RosterPerson & Record<string, unknown>>(
    `SELECT ${columns} FROM people WHERE email_bidx = $1 AND deleted_at IS NULL LIMIT 2`,
    [cipher.blindIndex('email', launch.email)],
  );
  // Two people sharing one email cannot be told apart: neither is chosen.
  return rows.length === 1 ? rows[0] : undefined;
}

/**
 * In one statement: the classes the roster lists the person as teaching, and the launch's
 * course when it is a rostered class (its context id or LIS section id is a class sourcedId, as
 * OneRoster-provisioned LMS courses are).
 */
async function findTeacherClasses(
  tx: TenantTransaction,
  person: RosterPerson | undefined,
  launch: VerifiedLaunch,
): Promise<{ taught: string[]; contextClass: string | null }> {
  const candidates = [launch.context?.id, launch.courseSectionSourcedId].filter(
    (value): value is string => typeof value === 'string',
  );
  const row = await tx.one<{ taught: string[] | null; context_class: string | null }>(
    `SELECT
       (SELECT array_agg(DISTINCT class_sourced_id ORDER BY class_sourced_id) FROM enrollments
         WHERE user_sourced_id = $1 AND role = 'teacher' AND deleted_at IS NULL
           AND status = 'active') AS taught,
       (SELECT sourced_id FROM classes WHERE sourced_id = ANY($2::text[]) AND deleted_at IS NULL
         ORDER BY sourced_id LIMIT 1) AS context_class`,
    [person?.sourced_id ?? null, candidates],
  );
  return { taught: row?.taught ?? [], contextClass: row?.context_class ?? null };
}

async function findCampuses(tx: TenantTransaction, person: RosterPerson): Promise<string[]> {
  if (person.org_sourced_ids.length === 0) return [];
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM orgs WHERE sourced_id = ANY($1::text[]) AND org_type = 'school' AND deleted_at IS NULL
     ORDER BY id`,
    [person.org_sourced_ids],
  );
  return rows.map((row) => row.id);
}
