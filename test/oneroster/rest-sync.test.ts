import assert from 'node:assert/strict';
import type { Tenant } from '../../store/index.js';
import { getSyncStatus, syncRoster } from '../../oneroster/index.js';
import {
  createTestContext,
  createTestTenant,
  TEST_NOW,
  type TestContext,
} from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';
import type { RunningOneRosterServer, WireRecord } from '../peers/oneroster/index.js';
import {
  connectTenant,
  liveCounts,
  nameBirthIndexMatches,
  rosterDigest,
  startProvider,
} from './roster-fixture.js';

describe(`OneRoster REST sync (${testBackendName()})`, () => {
  let context: TestContext;
  let server: RunningOneRosterServer;

  before(async () => {
    context = await createTestContext();
    server = await startProvider();
  });

  after(async () => {
    await server.stop();
    await context.close();
  });

  describe('a full sync of a 1.2 provider', () => {
    let tenant: Tenant;
    let first: Awaited<ReturnType<typeof syncRoster>>;

    before(async () => {
      tenant = await createTestTenant(context, 'or-full');
      await connectTenant(context, tenant, server, '1.2');
      first = await syncRoster(context, tenant.id, { client: { pageSize: 50 } });
    });

    it('loads every entity', async () => {
      const totals = server.dataset.generator.plan.totals;
      assert.equal(first.mode, 'full');
      assert.equal(first.counts.users.created, totals.users);
      assert.equal(first.counts.enrollments.created, totals.enrollments);
      assert.equal(first.counts.demographics.created, totals.students);
      assert.deepEqual(await liveCounts(context, tenant), {
        orgs: totals.orgs,
        academic_sessions: totals.academicSessions,
        courses: totals.courses,
        classes: totals.classes,
        people: totals.users,
        enrollments: totals.enrollments,
        demographics: totals.students,
        students: totals.students,
      });
    });

    it('stores campuses with their 9-digit TEA campus numbers', async () => {
      const rows = await context.db.withTenant(tenant.id, (tx) =>
        tx.query<{ org_type: string; tea_number: string }>(
          'SELECT org_type, tea_number FROM orgs ORDER BY sourced_id',
        ),
      );
      const generator = server.dataset.generator;
      assert.deepEqual(
        rows.filter((r) => r.org_type === 'school').map((r) => r.tea_number),
        [generator.campusNumber(0), generator.campusNumber(1)],
      );
      assert.match(rows.find((r) => r.org_type === 'district')!.tea_number, /^\d{6}$/);
    });

    it('stores personal fields encrypted, with blind indexes for email, local ID, state ID and name+birth date', async () => {
      const user = server.dataset.get('users', 'usr-5')!;
      const demographics = server.dataset.get('demographics', 'usr-5')!;
      await context.db.withTenant(tenant.id, async (tx) => {
        const cipher = await context.keys.cipherFor(tx);
        const id = cipher.rowId('person', 'usr-5');
        const row = (await tx.one('SELECT * FROM people WHERE id = $1', [id]))!;
        const at = (column: string) => ({ table: 'people', column, rowId: id });
        assert.equal(
          (row.given_name_enc as Buffer).includes(Buffer.from(String(user.givenName))),
          false,
        );
        assert.equal(
          cipher.decrypt(row.given_name_enc as Buffer, at('given_name_enc')),
          user.givenName,
        );
        assert.equal(
          cipher.decrypt(row.birth_date_enc as Buffer, at('birth_date_enc')),
          demographics.birthDate,
        );
        assert.deepEqual(row.email_bidx, cipher.blindIndex('email', String(user.email)));
        assert.deepEqual(row.local_id_bidx, cipher.blindIndex('local_id', String(user.identifier)));
        const stateId = (user.userIds as Array<{ identifier: string }>)[0]!.identifier;
        assert.deepEqual(row.state_id_bidx, cipher.blindIndex('state_id', stateId));
        assert.deepEqual(
          row.name_birth_bidx,
          cipher.blindIndex(
            'name_birth',
            `${user.familyName}|${user.givenName}|${demographics.birthDate}`,
          ),
        );
        const data = cipher.decryptJson<Record<string, unknown>>(
          row.demographics_enc as Buffer,
          at('demographics_enc'),
        );
        assert.equal(data!.hispanicOrLatinoEthnicity, demographics.hispanicOrLatinoEthnicity);
      });
    });

    it('writes each student’s campus, grade and graduation year (grade 12 in 2026–27 graduates in 2027)', async () => {
      const rows = await context.db.withTenant(tenant.id, async (tx) => {
        const cipher = await context.keys.cipherFor(tx);
        return tx
          .query<{
            grade_level: number;
            graduation_year: number;
            campus_org_id: string;
            sid: string;
          }>(
            `SELECT s.grade_level, s.graduation_year, s.campus_org_id, p.sourced_id AS sid
             FROM students s JOIN people p ON p.id = s.person_id WHERE p.sourced_id = ANY($1)`,
            [['usr-0', 'usr-3']],
          )
          .then((r) =>
            r.map((x) => ({
              ...x,
              campusMatches: x.campus_org_id === cipher.rowId('org', 'org-1'),
            })),
          );
      });
      const bySid = Object.fromEntries(rows.map((r) => [r.sid, r]));
      assert.deepEqual([bySid['usr-0']!.grade_level, bySid['usr-0']!.graduation_year], [9, 2030]);
      assert.deepEqual([bySid['usr-3']!.grade_level, bySid['usr-3']!.graduation_year], [12, 2027]);
      assert.ok(rows.every((r) => r.campusMatches));
    });

    it('changes nothing when run again', async () => {
      const before = await rosterDigest(context, tenant);
      const again = await syncRoster(context, tenant.id, { full: true, client: { pageSize: 50 } });
      assert.equal(again.counts.users.unchanged, server.dataset.generator.plan.totals.users);
      for (const counts of Object.values(again.counts)) {
        assert.equal(counts.created + counts.updated + counts.deleted + counts.errors, 0);
      }
      assert.equal(await rosterDigest(context, tenant), before);
    });

    it('reports the completed runs with counts and the watermark through getSyncStatus', async () => {
      const status = await context.db.withTenant(tenant.id, (tx) => getSyncStatus(tx));
      assert.equal(status.connection?.version, '1.2');
      assert.equal(status.isRunning, false);
      assert.deepEqual(status.watermark, TEST_NOW);
      // The test clock is frozen, so both runs started at the same instant: check them as a set.
      assert.ok(status.runs.length >= 1);
      for (const run of status.runs)
        assert.deepEqual([run.mode, run.state, run.percent], ['full', 'completed', 100]);
      const created = status.runs.map((r) => r.counts.users!.created);
      assert.ok(created.includes(server.dataset.generator.plan.totals.users));
    });
  });

  it('loads the same roster from a 1.1 provider signing with OAuth 1.0a (counselors become administrators)', async () => {
    const tenant = await createTestTenant(context, 'or-11');
    await connectTenant(context, tenant, server, '1.1');
    const summary = await syncRoster(context, tenant.id);
    const totals = server.dataset.generator.plan.totals;
    assert.equal(summary.counts.users.created, totals.users);
    assert.equal((await liveCounts(context, tenant)).enrollments, totals.enrollments);
    const roles = await context.db.withTenant(tenant.id, (tx) =>
      tx.query<{ role: string; n: number }>(
        'SELECT role, count(*)::int AS n FROM people GROUP BY role ORDER BY role',
      ),
    );
    assert.deepEqual(roles, [
      { role: 'administrator', n: totals.administrators + totals.counselors },
      { role: 'student', n: totals.students },
      { role: 'teacher', n: totals.teachers },
    ]);
  });
});

describe(`OneRoster delta sync (${testBackendName()})`, () => {
  let clock = TEST_NOW;
  let context: TestContext;
  let server: RunningOneRosterServer;
  let tenant: Tenant;

  before(async () => {
    context = await createTestContext({}, { now: () => clock });
    server = await startProvider();
    tenant = await createTestTenant(context, 'or-delta');
    await connectTenant(context, tenant, server, '1.2');
    await syncRoster(context, tenant.id);
  });

  after(async () => {
    await server.stop();
    await context.close();
  });

  it('applies changes, additions and tobedeleted records, and protects CCMR attributes', async () => {
    const dataset = server.dataset;
    const later = new Date(TEST_NOW.getTime() + 3_600_000).toISOString();
    await context.db.withTenant(tenant.id, async (tx) => {
      const cipher = await context.keys.cipherFor(tx);
      await tx.query(
        `UPDATE students SET graduated = true, econ_disadv = true, graduation_date = '2027-05-30' WHERE person_id = $1`,
        [cipher.rowId('person', 'usr-7')],
      );
    });
    dataset.update('users', 'usr-7', { familyName: 'Zavala', grades: ['12'] }, later);
    dataset.markToBeDeleted('enrollments', 'enr-10', later);
    dataset.markToBeDeleted('users', 'usr-9', later);
    dataset.markToBeDeleted('demographics', 'usr-11', later);
    const newcomer = {
      ...dataset.get('users', 'usr-1')!,
      sourcedId: 'usr-new-1',
      dateLastModified: later,
    } as WireRecord;
    dataset.add('users', newcomer);
    dataset.remove('classes', 'cls-3');
    clock = new Date(TEST_NOW.getTime() + 7_200_000);

    const delta = await syncRoster(context, tenant.id);
    assert.equal(delta.mode, 'delta');
    assert.deepEqual(delta.counts.users, {
      created: 1,
      updated: 1,
      deleted: 1,
      unchanged: 0,
      errors: 0,
    });
    assert.deepEqual(delta.counts.enrollments, {
      created: 0,
      updated: 0,
      deleted: 1,
      unchanged: 0,
      errors: 0,
    });
    assert.deepEqual(delta.counts.demographics, {
      created: 0,
      updated: 0,
      deleted: 1,
      unchanged: 0,
      errors: 0,
    });
    assert.equal(
      delta.counts.classes.deleted,
      0,
      'a delta cannot see a record removed without trace',
    );

    const student = await context.db.withTenant(tenant.id, async (tx) => {
      const cipher = await context.keys.cipherFor(tx);
      return tx.one(
        'SELECT graduated, econ_disadv, graduation_date, grade_level, graduation_year FROM students WHERE person_id = $1',
        [cipher.rowId('person', 'usr-7')],
      );
    });
    assert.deepEqual(student, {
      graduated: true,
      econ_disadv: true,
      graduation_date: '2027-05-30',
      grade_level: 12,
      graduation_year: 2027,
    });
    assert.ok(await nameBirthIndexMatches(context, tenant, 'usr-7', 'Zavala'));
  });

  it('soft-deletes and audits, in the next full sync, a record the provider dropped without trace', async () => {
    clock = new Date(TEST_NOW.getTime() + 10_800_000);
    const full = await syncRoster(context, tenant.id, { full: true });
    assert.equal(full.counts.classes.deleted, 1);
    const facts = await context.db.withTenant(tenant.id, async (tx) => {
      const cipher = await context.keys.cipherFor(tx);
      const classId = cipher.rowId('class', 'cls-3');
      const row = await tx.one<{ deleted_at: Date | null }>(
        'SELECT deleted_at FROM classes WHERE id = $1',
        [classId],
      );
      const audit = await tx.query<{ action: string; detail: { reason: string } }>(
        'SELECT action, detail FROM audit_events WHERE resource_id = $1',
        [classId],
      );
      const personAudit = await tx.query<{ action: string }>(
        'SELECT action FROM audit_events WHERE resource_id = $1',
        [cipher.rowId('person', 'usr-9')],
      );
      return { row, audit, personAudit };
    });
    assert.deepEqual(facts.row?.deleted_at, clock);
    assert.deepEqual(
      facts.audit.map((a) => [a.action, a.detail.reason]),
      [['roster.class.deleted', 'absent']],
    );
    assert.deepEqual(
      facts.personAudit.map((a) => a.action),
      ['roster.person.deleted'],
    );
  });
});
