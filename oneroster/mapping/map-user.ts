import { z } from 'zod';
import {
  baseFields,
  mapWith,
  optionalText,
  refField,
  type MapOutcome,
  type MappedBase,
} from './wire-fields.js';

/** The roles the product distinguishes; OneRoster's finer administrator roles fold into one. */
export type PersonRole =
  'student' | 'teacher' | 'counselor' | 'administrator' | 'aide' | 'guardian' | 'proctor' | 'other';

/** A rostered person. Personal fields are plain here and encrypted by the writer. */
export interface MappedUser extends MappedBase {
  role: PersonRole;
  givenName: string;
  familyName: string;
  email: string | null;
  /** OneRoster `identifier`: the district's local ID. */
  localId: string | null;
  /** The state's ID (Texas Unique Student ID) from `userIds`, when the provider gives it. */
  stateId: string | null;
  orgSourcedIds: string[];
  /** The home org: 1.2 primaryOrg or the primary role's org, else the first org. */
  primaryOrgSourcedId: string | null;
  grades: string[];
}

const ROLES: Record<string, PersonRole> = {
  student: 'student',
  teacher: 'teacher',
  counselor: 'counselor',
  aide: 'aide',
  administrator: 'administrator',
  principal: 'administrator',
  siteadministrator: 'administrator',
  districtadministrator: 'administrator',
  systemadministrator: 'administrator',
  guardian: 'guardian',
  parent: 'guardian',
  relative: 'guardian',
  proctor: 'proctor',
};

/** userIds types that carry the state's student ID, as SIS vendors name them. */
const STATE_ID_TYPE = /(tx-?unique|unique-?student|state|tsds|tx-?uid)/i;

const roleEntry = z.looseObject({
  roleType: z.string().optional(),
  role: z.string().min(1),
  org: refField.optional(),
});

const userSchema = z.looseObject({
  ...baseFields,
  givenName: z.string().min(1, 'is empty'),
  familyName: z.string().min(1, 'is empty'),
  email: optionalText,
  identifier: optionalText,
  role: z.string().optional(),
  roles: z.array(roleEntry).optional(),
  orgs: z.array(refField).optional(),
  primaryOrg: refField.optional().nullable(),
  userIds: z
    .array(z.looseObject({ type: z.string(), identifier: z.string() }))
    .optional()
    .nullable(),
  grades: z.array(z.string()).optional().nullable(),
});

type UserInput = z.output<typeof userSchema>;

function primaryRole(u: UserInput): { role?: string; org?: string } {
  const roles = u.roles ?? [];
  const primary = roles.find((r) => r.roleType === 'primary') ?? roles[0];
  return { role: primary?.role ?? u.role, org: primary?.org?.sourcedId };
}

function orgsOf(u: UserInput): string[] {
  const ids = [
    ...(u.orgs ?? []).map((o) => o.sourcedId),
    ...(u.roles ?? []).flatMap((r) => (r.org ? [r.org.sourcedId] : [])),
  ];
  if (u.primaryOrg) ids.unshift(u.primaryOrg.sourcedId);
  return [...new Set(ids)];
}

/** Maps a user: 1.1 (`role`, `orgs`) or 1.2 (`roles[]`, `primaryOrg`). */
export function mapUser(input: unknown): MapOutcome<MappedUser> {
  const outcome = mapWith(userSchema, input, (u) => {
    const primary = primaryRole(u);
    const orgSourcedIds = orgsOf(u);
    return {
      sourcedId: u.sourcedId,
      status: u.status,
      modifiedAt: u.dateLastModified,
      role: primary.role ? (ROLES[primary.role.toLowerCase()] ?? 'other') : ('' as PersonRole),
      givenName: u.givenName,
      familyName: u.familyName,
      email: u.email,
      localId: u.identifier,
      stateId: (u.userIds ?? []).find((id) => STATE_ID_TYPE.test(id.type))?.identifier ?? null,
      orgSourcedIds,
      primaryOrgSourcedId: u.primaryOrg?.sourcedId ?? primary.org ?? orgSourcedIds[0] ?? null,
      grades: u.grades ?? [],
    };
  });
  if (outcome.ok && outcome.record.role === ('' as PersonRole)) {
    return { ok: false, issue: { field: 'role', problem: 'is missing' } };
  }
  return outcome;
}
