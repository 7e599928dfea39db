import type { AppContext } from '../../../app/app-context.js';
import type { TenantTransaction } from '../../../store/index.js';
import type { Viewer, ViewerRole } from '../../../privacy/index.js';

/** Personal fields of a seeded person; each test may put unique markers in them. */
export interface PersonFields {
  givenName: string;
  familyName: string;
  email: string;
  localId: string;
  stateId: string;
  birthDate: string;
  demographics: Record<string, string>;
}

/** A small district: two campuses, two classes, a few students and staff. Ids are internal. */
export interface SeededDistrict {
  tenantId: string;
  campusA: string;
  campusB: string;
  classA: string;
  classB: string;
  /** Student ids: a1, a2 in class A at campus A; b1 in class B at campus B. */
  students: { a1: string; a2: string; b1: string };
  teacherA: string;
  teacherB: string;
}

/** Inserts an organisation (campus) and returns its internal id. */
async function insertCampus(context: AppContext, tx: TenantTransaction, sourcedId: string) {
  const cipher = await context.keys.cipherFor(tx);
  const id = cipher.rowId('org', sourcedId);
  await tx.query(
    `INSERT INTO orgs (tenant_id, id, sourced_id, org_type, name) VALUES ($1,$2,$3,'school',$3)
     ON CONFLICT DO NOTHING`,
    [tx.tenantId, id, sourcedId],
  );
  return id;
}

/**
 * Inserts a person with encrypted personal fields, and a students row when the role is student.
 * @returns the person's internal id.
 */
export async function insertPerson(
  context: AppContext,
  tx: TenantTransaction,
  input: { sourcedId: string; role: string; campusOrgId?: string; fields?: Partial<PersonFields> },
): Promise<string> {
  const cipher = await context.keys.cipherFor(tx);
  const id = cipher.rowId('person', input.sourcedId);
  const f: PersonFields = {
    givenName: 'Given',
    familyName: 'Family',
    email: `${input.sourcedId}@example.test`,
    localId: `L-${input.sourcedId}`,
    stateId: `S-${input.sourcedId}`,
    birthDate: '2008-01-02',
    demographics: { ethnicity: 'H', gender: 'F' },
    ...input.fields,
  };
  const at = (column: string) => ({ table: 'people', column, rowId: id });
  await tx.query(
    `INSERT INTO people (tenant_id, id, sourced_id, role, given_name_enc, family_name_enc, email_enc,
       email_bidx, local_id_enc, local_id_bidx, state_id_enc, state_id_bidx, birth_date_enc,
       demographics_enc, name_birth_bidx)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
    [
      tx.tenantId,
      id,
      input.sourcedId,
      input.role,
      cipher.encrypt(f.givenName, at('given_name_enc')),
      cipher.encrypt(f.familyName, at('family_name_enc')),
      cipher.encrypt(f.email, at('email_enc')),
      cipher.blindIndex('email', f.email),
      cipher.encrypt(f.localId, at('local_id_enc')),
      cipher.blindIndex('local_id', f.localId),
      cipher.encrypt(f.stateId, at('state_id_enc')),
      cipher.blindIndex('state_id', f.stateId),
      cipher.encrypt(f.birthDate, at('birth_date_enc')),
      cipher.encryptJson(f.demographics, at('demographics_enc')),
      cipher.blindIndex('name_birth', `${f.familyName}|${f.givenName}|${f.birthDate}`),
    ],
  );
  if (input.role === 'student') {
    await tx.query(
      `INSERT INTO students (tenant_id, person_id, campus_org_id, graduation_year, grade_level)
       VALUES ($1,$2,$3,2027,12)`,
      [tx.tenantId, id, input.campusOrgId ?? null],
    );
  }
  return id;
}

/** Enrols a person in a class by sourcedIds (OneRoster shape). */
export async function enrol(
  tx: TenantTransaction,
  classSourcedId: string,
  userSourcedId: string,
  role: string,
) {
  await tx.query(
    `INSERT INTO enrollments (tenant_id, id, sourced_id, class_sourced_id, user_sourced_id, role)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5)`,
    [tx.tenantId, `${classSourcedId}:${userSourcedId}`, classSourcedId, userSourcedId, role],
  );
}

/** Seeds the small district every privacy test uses. */
export async function seedDistrict(context: AppContext, tenantId: string): Promise<SeededDistrict> {
  return context.db.withTenant(tenantId, async (tx) => {
    const campusA = await insertCampus(context, tx, 'campus-a');
    const campusB = await insertCampus(context, tx, 'campus-b');
    for (const [sourcedId, school] of [
      ['class-a', 'campus-a'],
      ['class-b', 'campus-b'],
    ]) {
      await tx.query(
        `INSERT INTO classes (tenant_id, id, sourced_id, title, school_sourced_id)
         VALUES ($1, gen_random_uuid(), $2, $2, $3)`,
        [tenantId, sourcedId, school],
      );
    }
    const a1 = await insertPerson(context, tx, {
      sourcedId: 'stu-a1',
      role: 'student',
      campusOrgId: campusA,
    });
    const a2 = await insertPerson(context, tx, {
      sourcedId: 'stu-a2',
      role: 'student',
      campusOrgId: campusA,
    });
    const b1 = await insertPerson(context, tx, {
      sourcedId: 'stu-b1',
      role: 'student',
      campusOrgId: campusB,
    });
    const teacherA = await insertPerson(context, tx, { sourcedId: 'tch-a', role: 'teacher' });
    const teacherB = await insertPerson(context, tx, { sourcedId: 'tch-b', role: 'teacher' });
    await enrol(tx, 'class-a', 'stu-a1', 'student');
    await enrol(tx, 'class-a', 'stu-a2', 'student');
    await enrol(tx, 'class-b', 'stu-b1', 'student');
    await enrol(tx, 'class-a', 'tch-a', 'teacher');
    await enrol(tx, 'class-b', 'tch-b', 'teacher');
    return {
      tenantId,
      campusA,
      campusB,
      classA: 'class-a',
      classB: 'class-b',
      students: { a1, a2, b1 },
      teacherA,
      teacherB,
    };
  });
}

/** Builds a viewer for tests. */
export function makeViewer(
  tenantId: string,
  role: ViewerRole,
  scope: Partial<Viewer['scope']> = {},
  personId: string | null = null,
): Viewer {
  return {
    tenantId,
    role,
    personId,
    launchId: 'launch-test',
    scope: { campusOrgIds: [], classSourcedIds: [], caseloadPersonIds: [], ...scope },
    locale: 'en',
  };
}
