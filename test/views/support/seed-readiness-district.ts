import type { StudentRecord } from '../../../calculators/index.js';
import { recomputeResults } from '../../../app/results/index.js';
import type { AppContext } from '../../../app/app-context.js';
import type { TenantCipher, TenantTransaction } from '../../../store/index.js';

/** The shape of a seeded district, for tests and the benchmark. */
export interface SeedOptions {
  /** Students per campus, split between the graduated class and the current seniors. */
  campuses: Array<{ sourcedId: string; name: string; students: number; program?: string }>;
  /** Students per class section. */
  sectionSize?: number;
  /** Seed of the deterministic generator. */
  seed?: number;
}

export interface SeededCampus {
  orgId: string;
  sourcedId: string;
  classSourcedIds: string[];
  studentIds: string[];
  /** OneRoster sourcedIds of the students, in the order of `studentIds`. */
  studentSourcedIds: string[];
  /** The teacher of each section, in the order of `classSourcedIds`. */
  teacherSourcedIds: string[];
  counselorSourcedId: string;
  principalSourcedId: string;
}

export interface SeededDistrict {
  campuses: SeededCampus[];
  districtAdminSourcedId: string;
  /** people.id → class sourcedId of the student's section. */
  sectionOf: Map<string, string>;
  /** Students with a stored result, per campus. */
  computedAt: Date;
}

/** A small deterministic generator (LCG), so every run seeds the same district. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const GIVEN = ['Ana', 'Luis', 'Maya', 'Diego', 'Zoe', 'Omar', 'Lena', 'Ivan', 'Rosa', 'Theo'];
const FAMILY = ['Garza', 'Nguyen', 'Smith', 'Patel', 'Lopez', 'Okafor', 'Kim', 'Reyes', 'Brown'];

function evidenceFor(random: () => number, isGraduate: boolean): Partial<StudentRecord> {
  const record: Partial<StudentRecord> = {};
  const score = () => 380 + Math.floor(random() * 26) * 10;
  if (random() < 0.7) record.sat = [{ date: '2025-10-04', ebrw: score(), math: score() }];
  if (random() < 0.18) {
    const status = (['none', 'concentrator', 'completer'] as const)[Math.floor(random() * 3)];
    record.ibc_earned = [
      {
        code: 'IBC-D',
        lists: ['2022-2025'],
        earned_date: '2025-04-01',
        result_code: '01',
        aligned_pos_status: status,
      },
    ];
  }
  if (random() < 0.1) {
    record.dual_credit_courses = [
      { subject: 'OTHER', hours: 9, credit_earned: true, completion_date: '2025-12-15' },
    ];
  }
  if (!isGraduate && random() < 0.3) {
    record.pending = { exams_scheduled: [{ instrument: 'SAT', date: '2026-12-05' }] };
  }
  return record;
}

const KIND_BY_FIELD: Array<[keyof StudentRecord, string]> = [
  ['sat', 'sat'],
  ['dual_credit_courses', 'dual_credit'],
];

interface SeedStudent {
  program?: string;
  id: string;
  sourcedId: string;
  given: string;
  family: string;
  campus: SeededCampus;
  classSourcedId: string;
  record: StudentRecord;
}

async function insertPeople(tx: TenantTransaction, cipher: TenantCipher, batch: SeedStudent[]) {
  const values: unknown[] = [];
  const rows = batch.map((s, i) => {
    const bind = (column: string) => ({ table: 'people', column, rowId: s.id });
    values.push(
      tx.tenantId,
      s.id,
      s.sourcedId,
      cipher.encrypt(s.given, bind('given_name_enc')),
      cipher.encrypt(s.family, bind('family_name_enc')),
      [s.campus.sourcedId],
    );
    const n = i * 6;
    return `($${n + 1}, $${n + 2}, $${n + 3}, 'student', $${n + 4}, $${n + 5}, $${n + 6})`;
  });
  await tx.query(
    `INSERT INTO people (tenant_id, id, sourced_id, role, given_name_enc, family_name_enc,
       org_sourced_ids) VALUES ${rows.join(', ')}`,
    values,
  );
}

async function insertStudents(tx: TenantTransaction, batch: SeedStudent[]) {
  for (const s of batch) {
    const r = s.record;
    const program = s.program ?? null;
    const graduationYear = Number(String(r.graduation_date).slice(0, 4));
    await tx.query(
      `INSERT INTO students (tenant_id, person_id, campus_org_id, graduation_year, grade_level,
         graduated, graduation_date, grade9_start_date, econ_disadv, graduation_plan, program)
       VALUES ($1, $2, $3, $4, 12, $5, $6, $7, $8, $9, $10)`,
      [
        tx.tenantId,
        s.id,
        s.campus.orgId,
        graduationYear,
        r.graduated && graduationYear <= 2026,
        graduationYear <= 2026 ? r.graduation_date : null,
        r.grade9_start_date,
        r.econ_disadv,
        r.graduation_plan,
        program,
      ],
    );
    await tx.query(
      `INSERT INTO enrollments (tenant_id, id, sourced_id, class_sourced_id, user_sourced_id, role)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, 'student')`,
      [tx.tenantId, `enr-${s.sourcedId}`, s.classSourcedId, s.sourcedId],
    );
    for (const [field, kind] of KIND_BY_FIELD) {
      const list = (r[field] as unknown[] | undefined) ?? [];
      for (const [index, data] of list.entries()) {
        await tx.query(
          `INSERT INTO evidence (tenant_id, id, person_id, kind, data, source, fingerprint)
           VALUES ($1, gen_random_uuid(), $2, $3, $4, 'seed', $5)`,
          [tx.tenantId, s.id, kind, JSON.stringify(data), `${s.sourcedId}-${kind}-${index}`],
        );
      }
    }
    for (const ibc of r.ibc_earned ?? []) {
      await tx.query(
        `INSERT INTO certifications (tenant_id, id, person_id, ibc_code, result_code, earned_date,
           exam_date, school_year, campus_org_id, aligned_pos_status, lists, source)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $5, 2025, $6, $7, $8, 'seed')`,
        [
          tx.tenantId,
          s.id,
          ibc.code,
          ibc.result_code,
          ibc.earned_date,
          s.campus.orgId,
          ibc.aligned_pos_status,
          ibc.lists,
        ],
      );
    }
    for (const entry of r.pending?.exams_scheduled ?? []) {
      await tx.query(
        `INSERT INTO evidence (tenant_id, id, person_id, kind, data, source, fingerprint)
         VALUES ($1, gen_random_uuid(), $2, 'pending', $3, 'seed', $4)`,
        [
          tx.tenantId,
          s.id,
          JSON.stringify({ type: 'exams_scheduled', entry }),
          `${s.sourcedId}-pending`,
        ],
      );
    }
  }
}

async function insertCampus(
  tx: TenantTransaction,
  cipher: TenantCipher,
  campus: SeedOptions['campuses'][number],
  sectionSize: number,
): Promise<SeededCampus> {
  const orgId = cipher.rowId('org', campus.sourcedId);
  await tx.query(
    `INSERT INTO orgs (tenant_id, id, sourced_id, org_type, name) VALUES ($1, $2, $3, 'school', $4)`,
    [tx.tenantId, orgId, campus.sourcedId, campus.name],
  );
  const sections = Math.max(1, Math.ceil(campus.students / sectionSize));
  const seeded: SeededCampus = {
    orgId,
    sourcedId: campus.sourcedId,
    classSourcedIds: [],
    studentIds: [],
    studentSourcedIds: [],
    teacherSourcedIds: [],
    counselorSourcedId: `${campus.sourcedId}-counselor`,
    principalSourcedId: `${campus.sourcedId}-principal`,
  };
  for (const [sourcedId, role] of [
    [seeded.counselorSourcedId, 'counselor'],
    [seeded.principalSourcedId, 'administrator'],
  ]) {
    await tx.query(
      `INSERT INTO people (tenant_id, id, sourced_id, role, org_sourced_ids)
       VALUES ($1, $2, $3, $4, $5)`,
      [tx.tenantId, cipher.rowId('person', sourcedId), sourcedId, role, [campus.sourcedId]],
    );
  }
  for (let k = 0; k < sections; k += 1) {
    const classSourcedId = `${campus.sourcedId}-sec-${k}`;
    const teacherSourcedId = `${campus.sourcedId}-teacher-${k}`;
    const teacherId = cipher.rowId('person', teacherSourcedId);
    await tx.query(
      `INSERT INTO classes (tenant_id, id, sourced_id, title, school_sourced_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        tx.tenantId,
        cipher.rowId('class', classSourcedId),
        classSourcedId,
        `English IV (${k + 1})`,
        campus.sourcedId,
      ],
    );
    await tx.query(
      `INSERT INTO people (tenant_id, id, sourced_id, role, org_sourced_ids)
       VALUES ($1, $2, $3, 'teacher', $4)`,
      [tx.tenantId, teacherId, teacherSourcedId, [campus.sourcedId]],
    );
    await tx.query(
      `INSERT INTO enrollments (tenant_id, id, sourced_id, class_sourced_id, user_sourced_id, role)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, 'teacher')`,
      [tx.tenantId, `enr-${teacherSourcedId}`, classSourcedId, teacherSourcedId],
    );
    seeded.classSourcedIds.push(classSourcedId);
    seeded.teacherSourcedIds.push(teacherSourcedId);
  }
  return seeded;
}

/**
 * Seeds a district the widgets can show: campuses, class sections with a teacher each,
 * students with encrypted names, evidence rows, and each student's stored result computed by
 * the calculators. Half of each campus is the class of 2026 (graduated), half the class of
 * 2027 (current seniors, evaluated as prospective graduates).
 *
 * @param context - the application context.
 * @param tenantId - the district to fill.
 * @param options - campuses, section size and seed.
 * @returns the ids of what was seeded.
 */
export async function seedReadinessDistrict(
  context: AppContext,
  tenantId: string,
  options: SeedOptions,
): Promise<SeededDistrict> {
  const random = generator(options.seed ?? 7);
  const sectionSize = options.sectionSize ?? 25;
  const computedAt = context.now();
  const sectionOf = new Map<string, string>();
  const campuses: SeededCampus[] = [];
  const districtAdminSourcedId = 'district-admin';
  await context.db.withTenant(tenantId, async (tx) => {
    const cipher = await context.keys.cipherFor(tx);
    await tx.query(
      `INSERT INTO people (tenant_id, id, sourced_id, role) VALUES ($1, $2, $3, 'administrator')`,
      [tenantId, cipher.rowId('person', districtAdminSourcedId), districtAdminSourcedId],
    );
  });
  for (const campusOptions of options.campuses) {
    const students: SeedStudent[] = [];
    const campus = await context.db.withTenant(tenantId, async (tx) => {
      const cipher = await context.keys.cipherFor(tx);
      const seeded = await insertCampus(tx, cipher, campusOptions, sectionSize);
      for (let i = 0; i < campusOptions.students; i += 1) {
        const sourcedId = `${campusOptions.sourcedId}-stu-${i}`;
        const isGraduate = i % 2 === 0;
        const id = cipher.rowId('person', sourcedId);
        const record: StudentRecord = {
          student_id: id,
          accountability_year: 2027,
          graduated: true,
          graduation_date: isGraduate ? '2026-05-29' : '2027-05-28',
          grade9_start_date: isGraduate ? '2022-08-15' : '2023-08-14',
          econ_disadv: random() < 0.55,
          graduation_plan: 'FHSP-E',
          ...evidenceFor(random, isGraduate),
        };
        const classSourcedId = seeded.classSourcedIds[Math.floor(i / sectionSize)];
        students.push({
          id,
          sourcedId,
          program: campusOptions.program,
          campus: seeded,
          classSourcedId,
          record,
          given: GIVEN[Math.floor(random() * GIVEN.length)],
          family: `${FAMILY[Math.floor(random() * FAMILY.length)]}-${i}`,
        });
        seeded.studentIds.push(id);
        seeded.studentSourcedIds.push(sourcedId);
        sectionOf.set(id, classSourcedId);
      }
      return seeded;
    });
    for (let start = 0; start < students.length; start += 250) {
      const batch = students.slice(start, start + 250);
      await context.db.withTenant(tenantId, async (tx) => {
        await insertPeople(tx, await context.keys.cipherFor(tx), batch);
        await insertStudents(tx, batch);
      });
    }
    campuses.push(campus);
  }
  await recomputeResults(context, tenantId);
  return { campuses, districtAdminSourcedId, sectionOf, computedAt };
}
