import assert from 'node:assert/strict';
import {
  appendAudit,
  chainHash,
  commitAuditEvent,
  AUDIT_GENESIS_HASH,
  type ChainedFields,
} from '../../store/index.js';
import { createTestContext, createTestTenant, type TestContext } from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';

describe(`audit trail append (${testBackendName()})`, () => {
  let context: TestContext;

  before(async () => {
    context = await createTestContext();
  });

  after(() => context.close());

  it('chains each event to the one before it, per district', async () => {
    const tenant = await createTestTenant(context, 'audit');
    await context.db.withTenant(tenant.id, (tx) =>
      appendAudit(tx, [
        {
          actorType: 'user',
          actorId: 'u1',
          action: 'student.read',
          resourceType: 'student',
          resourceId: 'p1',
        },
        {
          actorType: 'system',
          action: 'roster.person.deleted',
          resourceType: 'person',
          resourceId: 'p2',
        },
      ]),
    );
    await context.db.withTenant(tenant.id, (tx) =>
      appendAudit(tx, { actorType: 'cli', action: 'keys.rotated', resourceType: 'tenant' }),
    );
    await assertChained(tenant.id, [1, 2, 3]);
  });

  // A single event is chained by the database itself (one statement); its hash must be the one
  // chainHash computes, whatever the detail holds, and concurrent appends must queue in order.
  it('chains single events appended at once, from the first of a district on', async () => {
    const tenant = await createTestTenant(context, 'audit-one');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        context.db.withTenant(tenant.id, (tx) =>
          appendAudit(tx, {
            actorType: 'user',
            actorId: i % 2 === 0 ? `u${i}` : null,
            action: 'student.read',
            resourceType: 'student',
            resourceId: `p${i}`,
            detail: { note: 'Año “ñ” 😀', nested: { z: [i, null, true], a: 1.5 }, count: i },
          }),
        ),
      ),
    );
    await assertChained(tenant.id, [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('commits concurrent events of a district in shared transactions, each at its own time', async () => {
    const tenant = await createTestTenant(context, 'audit-group');
    const times = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 0, 1, 8, 0, i)));
    await Promise.all(
      times.map((at, i) =>
        commitAuditEvent(
          context.db,
          tenant.id,
          {
            actorType: 'user',
            actorId: `u${i}`,
            action: 'campus_summary.read',
            resourceType: 'campus_summary',
            detail: { note: `quote " backslash \\ brace { comma , ${i}`, n: i },
          },
          at,
        ),
      ),
    );
    await assertChained(
      tenant.id,
      times.map((_, i) => i + 1),
    );
    const rows = await context.db.withTenant(tenant.id, (tx) =>
      tx.query<{ actor_id: string; occurred_at: Date; detail: unknown }>(
        'SELECT actor_id, occurred_at, detail FROM audit_events',
      ),
    );
    const byActor = new Map(rows.map((row) => [row.actor_id, row]));
    times.forEach((at, i) => {
      const row = byActor.get(`u${i}`)!;
      assert.equal(new Date(row.occurred_at).getTime(), at.getTime());
      assert.deepEqual(row.detail, { note: `quote " backslash \\ brace { comma , ${i}`, n: i });
    });
  });

  it('refuses a shared commit asked for inside a transaction, recording nothing', async () => {
    const tenant = await createTestTenant(context, 'audit-group-nested');
    await assert.rejects(
      context.db.withTenant(tenant.id, () =>
        commitAuditEvent(
          context.db,
          tenant.id,
          { actorType: 'user', action: 'campus_summary.read', resourceType: 'campus_summary' },
          new Date(),
        ),
      ),
      /shared audit commit was asked for inside a transaction/,
    );
    const rows = await context.db.withTenant(tenant.id, (tx) =>
      tx.query('SELECT 1 FROM audit_events'),
    );
    assert.equal(rows.length, 0);
  });

  it('leaves no event behind when the change rolls back', async () => {
    const tenant = await createTestTenant(context, 'audit-rb');
    await assert.rejects(
      context.db.withTenant(tenant.id, async (tx) => {
        await appendAudit(tx, {
          actorType: 'user',
          action: 'student.updated',
          resourceType: 'student',
        });
        throw new Error('change failed');
      }),
    );
    const rows = await context.db.withTenant(tenant.id, (tx) =>
      tx.query('SELECT 1 FROM audit_events'),
    );
    assert.equal(rows.length, 0);
  });

  it('does not let the application change or delete an event', async () => {
    const tenant = await createTestTenant(context, 'audit-ro');
    await context.db.withTenant(tenant.id, (tx) =>
      appendAudit(tx, { actorType: 'user', action: 'student.read', resourceType: 'student' }),
    );
    await assert.rejects(
      context.db.withTenant(tenant.id, (tx) => tx.query(`UPDATE audit_events SET action = 'x'`)),
      /permission denied/,
    );
    await assert.rejects(
      context.db.withTenant(tenant.id, (tx) => tx.query('DELETE FROM audit_events')),
      /permission denied/,
    );
  });

  /** Recomputes every hash of a district's chain, in order, from the genesis hash. */
  async function assertChained(tenantId: string, expectedSeqs: number[]): Promise<void> {
    const rows = await context.db.withTenant(tenantId, (tx) =>
      tx.query<
        ChainedFields & { prev_hash: string; hash: string; occurred_at: Date } & Record<
            string,
            unknown
          >
      >('SELECT * FROM audit_events ORDER BY seq'),
    );
    assert.deepEqual(
      rows.map((r) => r.seq),
      expectedSeqs,
    );
    let previous = AUDIT_GENESIS_HASH;
    for (const row of rows) {
      assert.equal(row.prev_hash, previous);
      const fields: ChainedFields = {
        tenant_id: row.tenant_id,
        seq: row.seq,
        id: row.id,
        occurred_at: new Date(row.occurred_at).toISOString(),
        actor_type: row.actor_type,
        actor_id: row.actor_id,
        action: row.action,
        resource_type: row.resource_type,
        resource_id: row.resource_id,
        launch_id: row.launch_id,
        outcome: row.outcome,
        detail: row.detail,
      };
      assert.equal(chainHash(previous, fields), row.hash);
      previous = row.hash;
    }
  }
});
