import type { RosterEntity } from '../sync-counts.js';

type Row = Record<string, string>;

/** Roles of a 1.2 user, from roles.csv: the primary one first. */
export interface UserRoles {
  roles: Array<{ roleType: string; role: string; org: { sourcedId: string } }>;
}

/**
 * Columns a file must have (OneRoster 1.1 CSV tables, 1.2.1 CSV binding): the required ones of
 * the specification that the product reads. Other columns are allowed and ignored.
 */
export function requiredColumns(entity: RosterEntity | 'roles', version: '1.1' | '1.2'): string[] {
  const base = ['sourcedId', 'status', 'dateLastModified'];
  const specific: Record<RosterEntity | 'roles', string[]> = {
    orgs: ['name', 'type', 'identifier', 'parentSourcedId'],
    academicSessions: ['title', 'type', 'startDate', 'endDate', 'parentSourcedId', 'schoolYear'],
    courses: ['title', 'courseCode', 'orgSourcedId'],
    classes: ['title', 'courseSourcedId', 'classCode', 'schoolSourcedId', 'termSourcedIds'],
    users:
      version === '1.1'
        ? [
            'enabledUser',
            'orgSourcedIds',
            'role',
            'username',
            'givenName',
            'familyName',
            'identifier',
            'email',
            'grades',
          ]
        : ['enabledUser', 'username', 'givenName', 'familyName', 'identifier', 'email', 'grades'],
    enrollments: ['classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role'],
    demographics: ['birthDate', 'sex'],
    roles: ['userSourcedId', 'roleType', 'role', 'orgSourcedId'],
  };
  return [...base, ...specific[entity]];
}

/** The CSV column behind a field of the JSON shape, to name it in errors. */
export const COLUMN_OF_FIELD: Record<string, string> = {
  parent: 'parentSourcedId',
  org: 'orgSourcedId',
  course: 'courseSourcedId',
  school: 'schoolSourcedId',
  terms: 'termSourcedIds',
  class: 'classSourcedId',
  user: 'userSourcedId',
  orgs: 'orgSourcedIds',
  roles: 'role',
  primaryOrg: 'primaryOrgSourcedId',
  userIds: 'userIds',
};

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function ref(value: string | undefined) {
  const id = blankToUndefined(value);
  return id === undefined ? undefined : { sourcedId: id };
}

function split(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** `{type:identifier},{type:identifier}` (1.1 §2.1 users.userIds). */
function parseUserIds(value: string | undefined): Array<{ type: string; identifier: string }> {
  return [...(value ?? '').matchAll(/\{([^:}]+):([^}]*)\}/g)].map((m) => ({
    type: m[1]!.trim(),
    identifier: m[2]!.trim(),
  }));
}

/**
 * The fields every row carries; blank status and dateLastModified (bulk files) stay absent.
 * Records extend this object with Object.assign: an object literal spreading it first and then
 * adding properties runs many times slower in V8, and this runs for every row of a district.
 */
function base(row: Row) {
  return {
    sourcedId: row.sourcedId ?? '',
    status: blankToUndefined(row.status),
    dateLastModified: blankToUndefined(row.dateLastModified),
  };
}

/** A row of a file in the JSON shape the mappers read (the same as the REST binding). */
export function rowToRecord(
  entity: RosterEntity,
  row: Row,
  roles?: Map<string, UserRoles>,
): Record<string, unknown> {
  switch (entity) {
    case 'orgs':
      return Object.assign(base(row), {
        name: row.name,
        type: row.type,
        identifier: blankToUndefined(row.identifier),
        parent: ref(row.parentSourcedId),
      });
    case 'academicSessions':
      return Object.assign(base(row), {
        title: row.title,
        type: row.type,
        startDate: row.startDate,
        endDate: row.endDate,
        parent: ref(row.parentSourcedId),
        schoolYear: blankToUndefined(row.schoolYear),
      });
    case 'courses':
      return Object.assign(base(row), {
        title: row.title,
        courseCode: blankToUndefined(row.courseCode),
        org: ref(row.orgSourcedId),
        subjects: split(row.subjects),
      });
    case 'classes':
      return Object.assign(base(row), {
        title: row.title,
        classCode: blankToUndefined(row.classCode),
        course: ref(row.courseSourcedId),
        school: ref(row.schoolSourcedId),
        terms: split(row.termSourcedIds).map((id) => ({ sourcedId: id })),
      });
    case 'enrollments':
      return Object.assign(base(row), {
        class: ref(row.classSourcedId),
        user: ref(row.userSourcedId),
        school: ref(row.schoolSourcedId),
        role: row.role,
        primary: blankToUndefined(row.primary),
        beginDate: blankToUndefined(row.beginDate),
        endDate: blankToUndefined(row.endDate),
      });
    case 'users':
      return Object.assign(base(row), {
        givenName: row.givenName,
        familyName: row.familyName,
        email: blankToUndefined(row.email),
        identifier: blankToUndefined(row.identifier),
        userIds: parseUserIds(row.userIds),
        grades: split(row.grades),
        ...(roles
          ? {
              roles: roles.get(row.sourcedId ?? '')?.roles ?? [],
              primaryOrg: ref(row.primaryOrgSourcedId),
            }
          : {
              role: blankToUndefined(row.role),
              orgs: split(row.orgSourcedIds).map((id) => ({ sourcedId: id })),
            }),
      });
    case 'demographics': {
      const out: Record<string, unknown> = base(row);
      for (const [key, value] of Object.entries(row)) {
        if (!(key in out) && blankToUndefined(value) !== undefined) out[key] = value.trim();
      }
      return out;
    }
  }
}
