import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  deleteCertification,
  listCertifications,
  saveCertification,
  saveCertifications,
  type CertificationActor,
} from '../../../integrations/certifications/index.js';
import type { Tenant, TenantTransaction } from '../../../store/index.js';
import {
  createTestContext,
  createTestTenant,
  type TestContext,
} from '../../support/test-context.js';
import { testBackendName } from '../../support/test-database.js';
import { seedStudent, type SeededStudent } from './seed-student.js';

const actor: CertificationActor = { actorType: 'cli', actorId: 'operator-1' };

function sampleInput(student: SeededStudent, overrides: Record<string, unknown> = {}) {
  return {
    sourceKey: `import-row-${randomUUID()}`,
    personId: student.personId,
    ibcCode: 'IBC0417',
    vendorCode: 'V0123',
    examFeeCents: 12_000,
    resultCode: '01',
    examDate: '2026-04-10',
    earnedDate: '2026-04-20',
    schoolYear: 2026,
    campusOrgId: student.campusOrgId,
    alignedPosStatus: 'concentrator',
    lists: ['2025-26 IBC List for Public School Accountability'],
    source: 'staff',
    ...overrides,
  };
}

describe(`certifications store (${testBackendName()})`, () => {
  let context: TestContext;
  let tenant: Tenant;
  let student: SeededStudent;

  before(async () => {
    context = await createTestContext();
    await context.jobs.start();
    tenant = await createTestTenant(context, 'cert');
    student = await seedStudent(context, tenant.id, { stateId: 'S100000001', localId: 'L001' });
  });
  after(() => context.close());

  const inTenant = <T>(work: (tx: TenantTransaction) => Promise<T>) =>
    context.db.withTenant(tenant.id, work);

  async function outboxOf(id: string) {
    return context.db.withTenant(tenant.id, (tx) =>
      tx.query<{ version: number; operation: string; status: string }>(
        'SELECT version, operation, status FROM skyward_outbox WHERE certification_id = $1 ORDER BY version',
        [id],
      ),
    );
  }

  async function auditActionsOf(id: string) {
    const rows = await context.db.withTenant(tenant.id, (tx) =>
      tx.query<{ action: string }>(
        'SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY seq',
        [id],
      ),
    );
    return rows.map((row) => row.action);
  }

  it('creates a record at version 1 with an audit event and one outbox entry', async () => {
    const input = sampleInput(student);
    const result = await context.db.withTenant(tenant.id, (tx) =>
      saveCertification(context, tx, input, actor),
    );
    assert.equal(result.outcome, 'created');
    assert.equal(result.version, 1);
    const [stored] = await context.db.withTenant(tenant.id, (tx) =>
      listCertifications(tx, { personId: student.personId }),
    );
    assert.equal(stored!.id, result.id);
    assert.equal(stored!.ibcCode, 'IBC0417');
    assert.equal(stored!.earnedDate, '2026-04-20');
    assert.deepEqual(stored!.lists, ['2025-26 IBC List for Public School Accountability']);
    assert.deepEqual(await outboxOf(result.id), [
      { version: 1, operation: 'upsert', status: 'pending' },
    ]);
    assert.deepEqual(await auditActionsOf(result.id), ['certification.created']);
  });

  it('answers unchanged for the same content, without a new version, audit event or outbox entry', async () => {
    const input = sampleInput(student);
    const first = await inTenant((tx) => saveCertification(context, tx, input, actor));
    const again = await inTenant((tx) => saveCertification(context, tx, input, actor));
    assert.deepEqual(again, { id: first.id, version: 1, outcome: 'unchanged' });
    assert.equal((await outboxOf(first.id)).length, 1);
    assert.deepEqual(await auditActionsOf(first.id), ['certification.created']);
  });

  it('bumps the version and queues a write-back when the content changes', async () => {
    const input = sampleInput(student);
    const first = await inTenant((tx) => saveCertification(context, tx, input, actor));
    const changed = await inTenant((tx) =>
      saveCertification(context, tx, { ...input, resultCode: '02', examFeeCents: 9_000 }, actor),
    );
    assert.deepEqual(changed, { id: first.id, version: 2, outcome: 'updated' });
    assert.deepEqual(
      (await outboxOf(first.id)).map((row) => row.version),
      [1, 2],
    );
    assert.deepEqual(await auditActionsOf(first.id), [
      'certification.created',
      'certification.updated',
    ]);
  });

  it('deletes as a new version, and a repeated delete changes nothing', async () => {
    const created = await inTenant((tx) =>
      saveCertification(context, tx, sampleInput(student), actor),
    );
    const deleted = await inTenant((tx) => deleteCertification(context, tx, created.id, actor));
    const repeated = await inTenant((tx) => deleteCertification(context, tx, created.id, actor));
    assert.deepEqual(deleted, { id: created.id, version: 2, outcome: 'deleted' });
    assert.equal(repeated.outcome, 'unchanged');
    assert.deepEqual(
      (await outboxOf(created.id)).map((row) => row.operation),
      ['upsert', 'delete'],
    );
    const visible = await inTenant((tx) => listCertifications(tx, { personId: student.personId }));
    assert.ok(!visible.some((record) => record.id === created.id));
    const all = await inTenant((tx) =>
      listCertifications(tx, { personId: student.personId, isDeletedIncluded: true }),
    );
    assert.ok(all.find((record) => record.id === created.id)?.deletedAt instanceof Date);
  });

  it('restores a deleted record when it is saved again', async () => {
    const input = sampleInput(student);
    const created = await inTenant((tx) => saveCertification(context, tx, input, actor));
    await inTenant((tx) => deleteCertification(context, tx, created.id, actor));
    const restored = await inTenant((tx) => saveCertification(context, tx, input, actor));
    assert.deepEqual(restored, { id: created.id, version: 3, outcome: 'updated' });
  });

  it('rejects a bad field with ERR_CERTIFICATION_INVALID and writes nothing', async () => {
    const before = await inTenant((tx) => listCertifications(tx, { isDeletedIncluded: true }));
    await assert.rejects(
      inTenant((tx) =>
        saveCertification(context, tx, sampleInput(student, { resultCode: '1' }), actor),
      ),
      (error: { code?: string; message: string }) =>
        error.code === 'ERR_CERTIFICATION_INVALID' && error.message.includes('resultCode'),
    );
    await assert.rejects(
      inTenant((tx) =>
        saveCertification(
          context,
          tx,
          sampleInput(student, { examDate: null, earnedDate: null }),
          actor,
        ),
      ),
      { code: 'ERR_CERTIFICATION_INVALID' },
    );
    const after = await inTenant((tx) => listCertifications(tx, { isDeletedIncluded: true }));
    assert.equal(after.length, before.length);
  });

  it('refuses a person who is not rostered in the district', async () => {
    await assert.rejects(
      inTenant((tx) =>
        saveCertification(context, tx, sampleInput(student, { personId: randomUUID() }), actor),
      ),
      { code: 'ERR_CERTIFICATION_UNKNOWN_PERSON' },
    );
  });

  it('refuses to delete a record that does not exist', async () => {
    await assert.rejects(
      inTenant((tx) => deleteCertification(context, tx, randomUUID(), actor)),
      { code: 'ERR_CERTIFICATION_NOT_FOUND' },
    );
  });

  it('keeps one district from seeing or changing another district’s records', async () => {
    const created = await inTenant((tx) =>
      saveCertification(context, tx, sampleInput(student), actor),
    );
    const other = await createTestTenant(context, 'cert-other');
    const seen = await context.db.withTenant(other.id, (tx) => listCertifications(tx));
    assert.equal(seen.length, 0);
    await assert.rejects(
      context.db.withTenant(other.id, (tx) => deleteCertification(context, tx, created.id, actor)),
      { code: 'ERR_CERTIFICATION_NOT_FOUND' },
    );
  });

  it('gives the same id to the same source key, so a re-import lands on one row', async () => {
    const input = sampleInput(student);
    const first = await inTenant((tx) => saveCertification(context, tx, input, actor));
    const second = await inTenant((tx) =>
      saveCertification(context, tx, { ...input, examFeeCents: 1 }, actor),
    );
    assert.equal(second.id, first.id);
    assert.equal(second.outcome, 'updated');
  });

  it('saves a set in one call: new, changed, unchanged and a repeated id, in input order', async () => {
    const kept = sampleInput(student);
    const changed = sampleInput(student);
    await inTenant((tx) => saveCertifications(context, tx, [kept, changed], actor));
    const fresh = sampleInput(student);
    const results = await inTenant((tx) =>
      saveCertifications(
        context,
        tx,
        [kept, { ...changed, resultCode: '02' }, fresh, { ...fresh, examFeeCents: 1 }],
        actor,
      ),
    );
    assert.deepEqual(
      results.map((result) => `${result.outcome}:${result.version}`),
      ['unchanged:1', 'updated:2', 'created:1', 'updated:2'],
    );
    assert.deepEqual(
      (await outboxOf(results[2]!.id)).map((row) => row.version),
      [1, 2],
    );
  });

  it('names the record and field of a bad input in a set and writes none of the set', async () => {
    const before = await inTenant((tx) => listCertifications(tx, { isDeletedIncluded: true }));
    await assert.rejects(
      inTenant((tx) =>
        saveCertifications(
          context,
          tx,
          [sampleInput(student), sampleInput(student, { schoolYear: 1990 })],
          actor,
        ),
      ),
      (error: { code?: string; message: string }) =>
        error.code === 'ERR_CERTIFICATION_INVALID' &&
        error.message.includes('certification 2') &&
        error.message.includes('schoolYear'),
    );
    const after = await inTenant((tx) => listCertifications(tx, { isDeletedIncluded: true }));
    assert.equal(after.length, before.length);
  });

  it('leaves no record, audit event, outbox entry or job behind when the transaction rolls back', async () => {
    const other = await createTestTenant(context, 'cert-rollback');
    const pupil = await seedStudent(context, other.id, { stateId: 'S100000002', localId: 'L002' });
    await assert.rejects(
      context.db.withTenant(other.id, async (tx) => {
        await saveCertification(context, tx, sampleInput(pupil), actor);
        throw new Error('the surrounding work failed');
      }),
      /surrounding work failed/,
    );
    const counts = await context.db.withTenant(other.id, (tx) =>
      tx.one<{ certifications: number; outbox: number; audit: number }>(
        `SELECT (SELECT count(*)::int FROM certifications) AS certifications,
           (SELECT count(*)::int FROM skyward_outbox) AS outbox,
           (SELECT count(*)::int FROM audit_events WHERE resource_type = 'certification') AS audit`,
      ),
    );
    assert.deepEqual(counts, { certifications: 0, outbox: 0, audit: 0 });
    const jobs = await context.db.withOwner((tx) =>
      tx.query('SELECT id FROM pgboss.job WHERE singleton_key = $1', [other.id]),
    );
    assert.equal(jobs.length, 0);
  });
});
