import assert from 'node:assert/strict';
import type { AppContext } from '../../app/app-context.js';
import { appendAudit, type Transaction } from '../../store/index.js';
import { recordAuditCheckpoint, verifyAuditChain, exportAuditLog } from '../../privacy/index.js';
import { createTestContext, createTestTenant, TEST_NOW } from '../support/test-context.js';

/** Appends `count` ordinary events to a new district's chain and returns the district id. */
async function districtWithEvents(context: AppContext, count: number): Promise<string> {
  const tenant = await createTestTenant(context, 'tamper');
  await context.db.withTenant(tenant.id, (tx) =>
    appendAudit(
      tx,
      Array.from({ length: count }, (_, i) => ({
        actorType: 'user' as const,
        actorId: `actor-${i}`,
        action: 'student.read',
        resourceType: 'student',
        resourceId: `student-${i}`,
        detail: { personIds: [`student-${i}`] },
      })),
      TEST_NOW,
    ),
  );
  return tenant.id;
}

/** Runs SQL as the schema owner with the append-only trigger switched off, as an attacker would. */
async function tamper(
  context: AppContext,
  work: (tx: Transaction) => Promise<unknown>,
): Promise<void> {
  await context.db.withOwner(async (tx) => {
    await tx.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await work(tx);
    await tx.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
  });
}

describe('audit trail tamper evidence', () => {
  let context: AppContext;

  before(async () => {
    context = await createTestContext();
  });
  after(() => context.close());

  it('reports an untouched chain as intact', async () => {
    const tenantId = await districtWithEvents(context, 5);
    const report = await verifyAuditChain(context.db, context.keys, tenantId);
    assert.equal(report.isIntact, true);
    assert.equal(report.entryCount, 5);
    assert.deepEqual(report.problems, []);
  });

  it('refuses an update from the application role and from the owner while the trigger stands', async () => {
    const tenantId = await districtWithEvents(context, 2);
    await assert.rejects(
      context.db.withTenant(tenantId, (tx) => tx.query(`UPDATE audit_events SET action = 'x'`)),
      (error: { code?: string }) => error.code === '42501',
    );
    await assert.rejects(
      context.db.withOwner((tx) =>
        tx.query(`DELETE FROM audit_events WHERE tenant_id = $1`, [tenantId]),
      ),
      (error: { code?: string }) => error.code === '42501',
    );
  });

  it('detects an edited entry at its sequence number', async () => {
    const tenantId = await districtWithEvents(context, 5);
    await tamper(context, (tx) =>
      tx.query(
        `UPDATE audit_events SET resource_id = 'someone-else' WHERE tenant_id = $1 AND seq = 3`,
        [tenantId],
      ),
    );
    const report = await verifyAuditChain(context.db, context.keys, tenantId);
    assert.equal(report.isIntact, false);
    assert.equal(report.firstBrokenSeq, 3);
    assert.ok(report.problems.some((p) => p.kind === 'hash_mismatch' && p.seq === 3));
  });

  it('detects a deleted entry in the middle', async () => {
    const tenantId = await districtWithEvents(context, 5);
    await tamper(context, (tx) =>
      tx.query(`DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 2`, [tenantId]),
    );
    const report = await verifyAuditChain(context.db, context.keys, tenantId);
    assert.equal(report.isIntact, false);
    assert.equal(report.firstBrokenSeq, 2);
    assert.ok(report.problems.some((p) => p.kind === 'missing_entry'));
    assert.ok(report.problems.some((p) => p.kind === 'broken_link' && p.seq === 3));
  });

  it('detects two entries swapped in order', async () => {
    const tenantId = await districtWithEvents(context, 5);
    await tamper(context, async (tx) => {
      await tx.query(`UPDATE audit_events SET seq = -2 WHERE tenant_id = $1 AND seq = 2`, [
        tenantId,
      ]);
      await tx.query(`UPDATE audit_events SET seq = 2 WHERE tenant_id = $1 AND seq = 4`, [
        tenantId,
      ]);
      await tx.query(`UPDATE audit_events SET seq = 4 WHERE tenant_id = $1 AND seq = -2`, [
        tenantId,
      ]);
    });
    const report = await verifyAuditChain(context.db, context.keys, tenantId);
    assert.equal(report.isIntact, false);
    assert.equal(report.firstBrokenSeq, 2);
  });

  it('detects a truncated tail by comparison with the stored head', async () => {
    const tenantId = await districtWithEvents(context, 5);
    await tamper(context, (tx) =>
      tx.query(`DELETE FROM audit_events WHERE tenant_id = $1 AND seq >= 4`, [tenantId]),
    );
    const report = await verifyAuditChain(context.db, context.keys, tenantId);
    assert.equal(report.isIntact, false);
    assert.ok(report.problems.some((p) => p.kind === 'truncated' && p.seq === 4));
  });

  it('detects a truncation covered up in the head through the signed checkpoint', async () => {
    const tenantId = await districtWithEvents(context, 5);
    await recordAuditCheckpoint(context.db, context.keys, tenantId, TEST_NOW);
    await tamper(context, async (tx) => {
      await tx.query(`DELETE FROM audit_events WHERE tenant_id = $1 AND seq >= 4`, [tenantId]);
      await tx.query(
        `UPDATE audit_heads SET seq = 3, hash = (SELECT hash FROM audit_events
        WHERE tenant_id = $1 AND seq = 3) WHERE tenant_id = $1`,
        [tenantId],
      );
    });
    const report = await verifyAuditChain(context.db, context.keys, tenantId);
    assert.equal(report.isIntact, false);
    assert.deepEqual(report.problems, [{ seq: 5, kind: 'truncated' }]);
  });

  it('detects a truncation with head and checkpoints removed through the anchor the district kept', async () => {
    const tenantId = await districtWithEvents(context, 5);
    const exported = await exportAuditLog(context.db, context.keys, tenantId, {
      actor: { actorType: 'cli', actorId: 'operator' },
      now: TEST_NOW,
    });
    await tamper(context, async (tx) => {
      await tx.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER USER');
      await tx.query(`DELETE FROM audit_checkpoints WHERE tenant_id = $1`, [tenantId]);
      await tx.query('ALTER TABLE audit_checkpoints ENABLE TRIGGER USER');
      await tx.query(`DELETE FROM audit_events WHERE tenant_id = $1 AND seq >= 5`, [tenantId]);
      await tx.query(
        `UPDATE audit_heads SET seq = 4, hash = (SELECT hash FROM audit_events
        WHERE tenant_id = $1 AND seq = 4) WHERE tenant_id = $1`,
        [tenantId],
      );
    });
    assert.equal((await verifyAuditChain(context.db, context.keys, tenantId)).isIntact, true);
    const anchored = await verifyAuditChain(context.db, context.keys, tenantId, {
      anchor: exported.anchor!,
    });
    assert.equal(anchored.isIntact, false);
    assert.deepEqual(anchored.problems, [{ seq: 6, kind: 'truncated' }]);
  });

  it('detects a consistently rewritten chain through the signed checkpoint', async () => {
    const tenantId = await districtWithEvents(context, 3);
    await recordAuditCheckpoint(context.db, context.keys, tenantId, TEST_NOW);
    await tamper(context, async (tx) => {
      await tx.query(
        `UPDATE audit_events SET hash = repeat('a', 64) WHERE tenant_id = $1 AND seq = 3`,
        [tenantId],
      );
      await tx.query(`UPDATE audit_heads SET hash = repeat('a', 64) WHERE tenant_id = $1`, [
        tenantId,
      ]);
    });
    const report = await verifyAuditChain(context.db, context.keys, tenantId);
    assert.ok(report.problems.some((p) => p.kind === 'checkpoint_mismatch' && p.seq === 3));
  });

  it('rejects a checkpoint whose signature was forged', async () => {
    const tenantId = await districtWithEvents(context, 3);
    const report = await verifyAuditChain(context.db, context.keys, tenantId, {
      anchor: { seq: 3, hash: 'b'.repeat(64), signature: 'c'.repeat(64) },
    });
    assert.deepEqual(report.problems, [{ seq: 3, kind: 'checkpoint_forged' }]);
  });

  it('exports the log with its own export event and a signed anchor', async () => {
    const tenantId = await districtWithEvents(context, 2);
    const exported = await exportAuditLog(context.db, context.keys, tenantId, {
      actor: { actorType: 'user', actorId: 'admin-1' },
      now: TEST_NOW,
    });
    assert.equal(exported.events.length, 3);
    assert.equal(exported.events[2]!.action, 'audit.exported');
    assert.equal(exported.anchor!.seq, 3);
    assert.equal(exported.anchor!.hash, exported.events[2]!.hash);
    assert.equal(exported.verification.isIntact, true);
  });
});
