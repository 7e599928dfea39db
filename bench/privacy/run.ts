/**
 * Privacy benchmark at district scale: a district of N students (default 50,000) with three
 * enrolments each and an audit chain of E events (default 50,000). Measures:
 * - the student scope query of a teacher and of a district administrator (visibleStudentIds);
 * - exporting and deleting one student (every table discovered from the schema is searched);
 * - verifying the whole audit chain.
 * Runs on the embedded database, or on PostgreSQL when DATABASE_URL is set.
 *
 *   node --import tsx bench/privacy/run.ts [students] [events]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendAudit,
  createKeyRing,
  createTenant,
  openDatabase,
  TenantKeys,
} from '../../store/index.js';
import {
  deleteStudent,
  exportStudentData,
  verifyAuditChain,
  visibleStudentIds,
  type PrivacyContext,
  type Viewer,
} from '../../privacy/index.js';

const STUDENTS = Number(process.argv[2] ?? 50_000);
const EVENTS = Number(process.argv[3] ?? 50_000);

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  process.stdout.write(`${label}: ${Math.round(performance.now() - started)} ms\n`);
  return result;
}

/** Bulk roster in SQL: people, students on 4 campuses, 3 class enrolments each (30 per class). */
async function seedRoster(context: PrivacyContext, tenantId: string): Promise<void> {
  await context.db.withTenant(tenantId, async (tx) => {
    await tx.query(
      `INSERT INTO people (tenant_id, id, sourced_id, role)
       SELECT $1, gen_random_uuid(), 'stu-' || g, 'student' FROM generate_series(1, $2) g`,
      [tenantId, STUDENTS],
    );
    await tx.query(
      `INSERT INTO students (tenant_id, person_id, campus_org_id, graduation_year)
       SELECT $1, p.id, ('00000000-0000-4000-8000-00000000000' || (abs(hashtext(p.sourced_id)) % 4))::uuid, 2027
       FROM people p`,
      [tenantId],
    );
    await tx.query(
      `INSERT INTO enrollments (tenant_id, id, sourced_id, class_sourced_id, user_sourced_id, role)
       SELECT $1, gen_random_uuid(), p.sourced_id || '-' || k, 'class-' || ((substr(p.sourced_id, 5)::int + k * 7919) % ($2 / 10 + 1)), p.sourced_id, 'student'
       FROM people p CROSS JOIN generate_series(1, 3) k`,
      [tenantId, STUDENTS],
    );
  });
}

async function seedAudit(context: PrivacyContext, tenantId: string): Promise<void> {
  for (let done = 0; done < EVENTS; done += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, EVENTS - done) }, (_, i) => ({
      actorType: 'user' as const,
      actorId: `teacher-${i % 50}`,
      action: 'student.read',
      resourceType: 'student',
      detail: { personIds: [`p-${done + i}`], count: 1 },
    }));
    await context.db.withTenant(tenantId, (tx) => appendAudit(tx, batch, new Date()));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'bench-privacy-'));
const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATABASE_URL ? undefined : dataDir,
  runMigrations: true,
});
const keys = new TenantKeys(createKeyRing(randomBytes(32)));
const context: PrivacyContext = { db, keys, now: () => new Date(), config: { dataDir } };
try {
  const { tenant } = await createTenant(db, keys, {
    slug: `bench-privacy-${Date.now()}`,
    name: 'Bench ISD',
  });
  process.stdout.write(`backend: ${db.kind}, students: ${STUDENTS}, audit events: ${EVENTS}\n`);
  await timed('seed roster', () => seedRoster(context, tenant.id));
  await timed('seed audit chain', () => seedAudit(context, tenant.id));

  const base = { tenantId: tenant.id, personId: null, launchId: null, locale: 'en' as const };
  const teacher: Viewer = {
    ...base,
    role: 'teacher',
    scope: { campusOrgIds: [], classSourcedIds: ['class-1', 'class-2'], caseloadPersonIds: [] },
  };
  const admin: Viewer = {
    ...base,
    role: 'district_admin',
    scope: { campusOrgIds: [], classSourcedIds: [], caseloadPersonIds: [] },
  };
  const seen = await timed('teacher scope (2 classes)', () =>
    db.withTenant(tenant.id, (tx) => visibleStudentIds(tx, teacher)),
  );
  await timed('district administrator scope', () =>
    db.withTenant(tenant.id, (tx) => visibleStudentIds(tx, admin)),
  );
  const target = seen[0]!;
  const operator = { actorType: 'cli' as const, actorId: 'bench' };
  await timed('export one student', () => exportStudentData(context, tenant.id, target, operator));
  await timed('delete one student', () => deleteStudent(context, tenant.id, target, operator));
  const report = await timed('verify audit chain', () => verifyAuditChain(db, keys, tenant.id));
  process.stdout.write(`chain intact: ${report.isIntact}, entries: ${report.entryCount}\n`);
} finally {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
