import assert from 'node:assert/strict';
import {
  applyRetention,
  applyRetentionEverywhere,
  saveContractParameters,
} from '../../privacy/index.js';
import {
  createTestContext,
  createTestTenant,
  TEST_NOW,
  type TestContext,
} from '../support/test-context.js';
import { insertPerson } from './support/seed-district.js';

const DAY_MS = 86_400_000;

describe('retention of withdrawn students', () => {
  let context: TestContext;

  before(async () => {
    context = await createTestContext();
  });
  after(() => context.close());

  async function districtWithWithdrawals(grace: number | null) {
    const tenant = await createTestTenant(context, 'retention');
    const ids = await context.db.withTenant(tenant.id, async (tx) => {
      if (grace !== null) await saveContractParameters(tx, { withdrawnStudentGraceDays: grace });
      const long = await insertPerson(context, tx, { sourcedId: 'long-gone', role: 'student' });
      const recent = await insertPerson(context, tx, {
        sourcedId: 'recently-gone',
        role: 'student',
      });
      const active = await insertPerson(context, tx, { sourcedId: 'active', role: 'student' });
      await tx.query(`UPDATE people SET deleted_at = $2, status = 'tobedeleted' WHERE id = $1`, [
        long,
        new Date(TEST_NOW.getTime() - 31 * DAY_MS),
      ]);
      await tx.query(`UPDATE people SET deleted_at = $2, status = 'tobedeleted' WHERE id = $1`, [
        recent,
        new Date(TEST_NOW.getTime() - 29 * DAY_MS),
      ]);
      return { long, recent, active };
    });
    return { tenantId: tenant.id, ...ids };
  }

  it('deletes students withdrawn longer ago than the grace period, and no one else', async () => {
    const { tenantId, long, recent, active } = await districtWithWithdrawals(30);
    const outcome = await applyRetention(context, tenantId);
    assert.deepEqual(outcome, { isGraceSet: true, deletedStudentIds: [long] });
    const left = await context.db.withTenant(tenantId, (tx) =>
      tx.query<{ id: string }>('SELECT id FROM people ORDER BY id'),
    );
    assert.deepEqual(
      left.map((row) => row.id),
      [recent, active].sort(),
    );
    const records = await context.db.withTenant(tenantId, (tx) =>
      tx.query(`SELECT 1 FROM deletion_records`),
    );
    assert.equal(records.length, 1);
  });

  it('deletes nothing until the district sets a grace period', async () => {
    const { tenantId } = await districtWithWithdrawals(null);
    assert.deepEqual(await applyRetention(context, tenantId), {
      isGraceSet: false,
      deletedStudentIds: [],
    });
  });

  it('runs in every district on its schedule, each by its own grace period', async () => {
    const strict = await districtWithWithdrawals(30);
    const lenient = await districtWithWithdrawals(60);
    const unset = await districtWithWithdrawals(null);

    const deleted = await applyRetentionEverywhere(context, 'job-1');

    const remaining = async (tenantId: string) =>
      (
        await context.db.withTenant(tenantId, (tx) =>
          tx.query<{ id: string }>('SELECT id FROM people ORDER BY id'),
        )
      ).map((row) => row.id);
    assert.deepEqual(await remaining(strict.tenantId), [strict.recent, strict.active].sort());
    assert.equal((await remaining(lenient.tenantId)).length, 3);
    assert.equal((await remaining(unset.tenantId)).length, 3);
    assert.ok(deleted >= 1);
    const applied = context.logs
      .records()
      .filter((line) => line.event === 'privacy.retention.applied');
    assert.ok(applied.some((line) => line.tenantId === strict.tenantId && line.deleted === 1));
    assert.ok(!applied.some((line) => line.tenantId === lenient.tenantId));
  });
});
