import { createWriteStream } from 'node:fs';
import { stringify } from 'csv-stringify';
import yazl from 'yazl';
import type { DistrictDataset } from './district-dataset.js';
import type { Entity, WireRecord } from './district-generator.js';

type Version = '1.1' | '1.2';
type Mode = 'bulk' | 'delta';

/** Column headers of each CSV file (OneRoster 1.1 CSV tables; 1.2.1 CSV binding). */
const HEADERS: Record<string, string[]> = {
  orgs: [
    'sourcedId',
    'status',
    'dateLastModified',
    'name',
    'type',
    'identifier',
    'parentSourcedId',
  ],
  academicSessions: [
    'sourcedId',
    'status',
    'dateLastModified',
    'title',
    'type',
    'startDate',
    'endDate',
    'parentSourcedId',
    'schoolYear',
  ],
  courses: [
    'sourcedId',
    'status',
    'dateLastModified',
    'schoolYearSourcedId',
    'title',
    'courseCode',
    'grades',
    'orgSourcedId',
    'subjects',
    'subjectCodes',
  ],
  classes: [
    'sourcedId',
    'status',
    'dateLastModified',
    'title',
    'grades',
    'courseSourcedId',
    'classCode',
    'classType',
    'location',
    'schoolSourcedId',
    'termSourcedIds',
    'subjects',
    'subjectCodes',
    'periods',
  ],
  enrollments: [
    'sourcedId',
    'status',
    'dateLastModified',
    'classSourcedId',
    'schoolSourcedId',
    'userSourcedId',
    'role',
    'primary',
    'beginDate',
    'endDate',
  ],
  'users@1.1': [
    'sourcedId',
    'status',
    'dateLastModified',
    'enabledUser',
    'orgSourcedIds',
    'role',
    'username',
    'userIds',
    'givenName',
    'familyName',
    'middleName',
    'identifier',
    'email',
    'sms',
    'phone',
    'agentSourcedIds',
    'grades',
    'password',
  ],
  'users@1.2': [
    'sourcedId',
    'status',
    'dateLastModified',
    'enabledUser',
    'username',
    'userIds',
    'givenName',
    'familyName',
    'middleName',
    'identifier',
    'email',
    'sms',
    'phone',
    'agentSourcedIds',
    'grades',
    'password',
    'userMasterIdentifier',
    'resourceSourcedIds',
    'preferredGivenName',
    'preferredMiddleName',
    'preferredFamilyName',
    'primaryOrgSourcedId',
    'pronouns',
  ],
  roles: [
    'sourcedId',
    'status',
    'dateLastModified',
    'userSourcedId',
    'roleType',
    'role',
    'beginDate',
    'endDate',
    'orgSourcedId',
    'userProfileSourcedId',
  ],
  demographics: [
    'sourcedId',
    'status',
    'dateLastModified',
    'birthDate',
    'sex',
    'americanIndianOrAlaskaNative',
    'asian',
    'blackOrAfricanAmerican',
    'nativeHawaiianOrOtherPacificIslander',
    'white',
    'demographicRaceTwoOrMoreRaces',
    'hispanicOrLatinoEthnicity',
    'countryOfBirthCode',
    'stateOfBirthAbbreviation',
    'cityOfBirth',
    'publicSchoolResidenceStatus',
  ],
};

const ROLE_1P1: Record<string, string> = {
  counselor: 'administrator',
  principal: 'administrator',
  siteAdministrator: 'administrator',
  districtAdministrator: 'administrator',
};

function sid(ref: unknown): string {
  return (ref as { sourcedId?: string } | undefined)?.sourcedId ?? '';
}

function list(values: unknown): string {
  return Array.isArray(values) ? values.join(',') : '';
}

/** The CSV cells of a record; bulk files leave status and dateLastModified blank (1.1 §2.1). */
function cells(file: string, r: WireRecord, version: Version, mode: Mode): Record<string, unknown> {
  const base = {
    sourcedId: r.sourcedId,
    status: mode === 'bulk' ? '' : r.status,
    dateLastModified: mode === 'bulk' ? '' : r.dateLastModified,
  };
  const roles = (r.roles as Array<{ role: string; roleType: string; org: unknown }>) ?? [];
  switch (file) {
    case 'orgs':
      return {
        ...base,
        name: r.name,
        type: r.type,
        identifier: r.identifier,
        parentSourcedId: sid(r.parent),
      };
    case 'academicSessions':
      return {
        ...base,
        title: r.title,
        type: r.type,
        startDate: r.startDate,
        endDate: r.endDate,
        parentSourcedId: sid(r.parent),
        schoolYear: r.schoolYear,
      };
    case 'courses':
      return {
        ...base,
        schoolYearSourcedId: sid(r.schoolYear),
        title: r.title,
        courseCode: r.courseCode,
        grades: list(r.grades),
        orgSourcedId: sid(r.org),
        subjects: list(r.subjects),
      };
    case 'classes':
      return {
        ...base,
        title: r.title,
        grades: list(r.grades),
        courseSourcedId: sid(r.course),
        classCode: r.classCode,
        classType: r.classType,
        location: r.location,
        schoolSourcedId: sid(r.school),
        termSourcedIds: ((r.terms as unknown[]) ?? []).map(sid).join(','),
        subjects: list(r.subjects),
        periods: list(r.periods),
      };
    case 'enrollments':
      return {
        ...base,
        classSourcedId: sid(r.class),
        schoolSourcedId: sid(r.school),
        userSourcedId: sid(r.user),
        role: r.role,
        primary: String(r.primary),
        beginDate: r.beginDate,
        endDate: r.endDate,
      };
    case 'users': {
      const userIds = ((r.userIds as Array<{ type: string; identifier: string }>) ?? [])
        .map((u) => `{${u.type}:${u.identifier}}`)
        .join(',');
      const common = {
        ...base,
        enabledUser: String(r.enabledUser),
        username: r.username,
        userIds,
        givenName: r.givenName,
        familyName: r.familyName,
        middleName: r.middleName,
        identifier: r.identifier,
        email: r.email,
        grades: list(r.grades),
      };
      if (version === '1.2') return { ...common, primaryOrgSourcedId: sid(r.primaryOrg) };
      const role = roles[0]?.role ?? '';
      return {
        ...common,
        orgSourcedIds: roles.map((x) => sid(x.org)).join(','),
        role: ROLE_1P1[role] ?? role,
      };
    }
    case 'demographics':
      return Object.fromEntries(
        Object.entries({ ...r, ...base }).map(([k, v]) => [
          k,
          typeof v === 'boolean' ? String(v) : v,
        ]),
      );
    default:
      throw new RangeError(`no CSV layout for ${file}`);
  }
}

/** The roles.csv rows of a 1.2 user. */
function roleRows(r: WireRecord, mode: Mode): Record<string, unknown>[] {
  const roles = (r.roles as Array<{ role: string; roleType: string; org: unknown }>) ?? [];
  return roles.map((x, i) => ({
    sourcedId: `${r.sourcedId}-role-${i}`,
    status: mode === 'bulk' ? '' : r.status,
    dateLastModified: mode === 'bulk' ? '' : r.dateLastModified,
    userSourcedId: r.sourcedId,
    roleType: x.roleType,
    role: x.role,
    orgSourcedId: sid(x.org),
  }));
}

/** What one file of the zip holds. */
export interface ZipFilePlan {
  mode: Mode;
  records: Iterable<WireRecord>;
}

/**
 * Writes a OneRoster CSV zip (manifest.csv and one CSV per listed entity) from records in the
 * 1.2 JSON shape, streaming: rows go to the zip as they are produced.
 */
export async function writeRosterZip(
  path: string,
  version: Version,
  files: Partial<Record<Entity, ZipFilePlan>>,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    zip.outputStream.pipe(out).on('finish', resolve).on('error', reject);
  });
  const manifest: string[][] = [
    ['propertyName', 'value'],
    ['manifest.version', '1.0'],
    ['oneroster.version', version],
  ];
  const names = [
    'academicSessions',
    'categories',
    'classes',
    'classResources',
    'courses',
    'courseResources',
    'demographics',
    'enrollments',
    'lineItems',
    'orgs',
    'resources',
    'results',
    'users',
  ];
  if (version === '1.2') names.push('roles');
  for (const name of names) {
    const plan = name === 'roles' ? files.users : files[name as Entity];
    manifest.push([`file.${name}`, plan ? plan.mode : 'absent']);
  }
  manifest.push(['source.systemName', 'Lone Star SIS'], ['source.systemCode', 'LSSIS']);
  zip.addBuffer(
    Buffer.from(manifest.map((row) => row.join(',')).join('\n') + '\n'),
    'manifest.csv',
  );
  const usersPlan = files.users;
  for (const [entity, plan] of Object.entries(files) as Array<[Entity, ZipFilePlan]>) {
    const key = entity === 'users' ? `users@${version}` : entity;
    const csv = stringify({ header: true, columns: HEADERS[key]! });
    zip.addReadStream(csv, `${entity}.csv`);
    for (const record of plan.records) {
      if (!csv.write(cells(entity, record, version, plan.mode)))
        await new Promise((r) => csv.once('drain', r));
    }
    csv.end();
  }
  if (version === '1.2' && usersPlan) {
    const csv = stringify({ header: true, columns: HEADERS.roles! });
    zip.addReadStream(csv, 'roles.csv');
    for (const record of usersPlan.records) {
      for (const row of roleRows(record, usersPlan.mode)) {
        if (!csv.write(row)) await new Promise((r) => csv.once('drain', r));
      }
    }
    csv.end();
  }
  zip.end();
  await done;
}

/** Writes the whole district as a bulk zip. */
export function writeDistrictZip(
  dataset: DistrictDataset,
  path: string,
  version: Version,
): Promise<void> {
  const files: Partial<Record<Entity, ZipFilePlan>> = {};
  for (const entity of [
    'orgs',
    'academicSessions',
    'courses',
    'classes',
    'users',
    'enrollments',
    'demographics',
  ] as const) {
    files[entity] = { mode: 'bulk', records: { [Symbol.iterator]: () => dataset.records(entity) } };
  }
  return writeRosterZip(path, version, files);
}

/** Writes a zip of the given files as they are (for malformed-input tests). */
export async function writeRawZip(path: string, files: Record<string, string>): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(path)).on('finish', resolve).on('error', reject);
  });
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  await done;
}
