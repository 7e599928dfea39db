import assert from 'node:assert/strict';
import type { AppContext } from '../../app/app-context.js';
import { applyRetention, saveContractParameters } from '../../privacy/index.js';
import { createTestContext, createTestTenant, TEST_NOW } from '../support/test-context.js';
import { insertPerson } from './support/seed-district.js';

const DAY_MS = 86_400_000;

describe('retention of withdrawn students', () => {
  let context: AppContext;

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
});
