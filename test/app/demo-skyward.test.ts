import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { seedDemoEvidence } from '../../app/results/index.js';
import { connectDemoSkyward, demoSkyward } from '../../app/demo/demo-skyward-step.js';
import { stopDemoPeers } from '../../app/demo/demo-peers.js';
import type { Tenant } from '../../store/index.js';
import { createTestContext, createTestTenant, type TestContext } from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';
import { makeStudents, storeStudents } from '../integrations/evidence/support/seed-students.js';

describe(`demo Skyward step (${testBackendName()})`, function () {
  this.timeout(120_000);
  let context: TestContext;
  let tenant: Tenant;

  before(async () => {
    context = await createTestContext();
    await context.jobs.start();
    tenant = await createTestTenant(context, 'demo-skyward');
    await storeStudents(context, tenant.id, makeStudents(60, randomUUID().slice(0, 4)), 2027);
    // Most students are rostered at a campus; Skyward refuses a line of those who are not.
    await context.db.withTenant(tenant.id, async (tx) => {
      const campusId = randomUUID();
      await tx.query(
        `INSERT INTO orgs (tenant_id, id, sourced_id, org_type, name, identifier)
         VALUES ($1, $2, 'hs-demo', 'school', 'Demo High', '101912001')`,
        [tx.tenantId, campusId],
      );
      await tx.query(
        `UPDATE students SET campus_org_id = $1
          WHERE person_id IN (SELECT person_id FROM students ORDER BY person_id LIMIT 50)`,
        [campusId],
      );
    });
    await seedDemoEvidence(context, tenant);
  });
  after(async () => {
    await stopDemoPeers();
    await context.close();
  });

  const statuses = () =>
    context.db.withTenant(tenant.id, (tx) =>
      tx.query<{ status: string; failure_code: string | null; n: number }>(
        `SELECT status, failure_code, count(*)::int AS n FROM skyward_outbox
          GROUP BY status, failure_code ORDER BY status`,
      ),
    );

  it("writes the demo's certifications back to a real SFTP server and reads Skyward's answers", async () => {
    const certifications = await context.db.withTenant(tenant.id, (tx) =>
      tx.one<{ n: number }>('SELECT count(*)::int AS n FROM certifications'),
    );
    assert.ok(certifications!.n > 0, 'the demo evidence includes certifications');

    await connectDemoSkyward(context, tenant);

    assert.equal(demoSkyward.isConnected, true, demoSkyward.reason);
    const answered = await statuses();
    assert.ok(
      answered.every(
        (row) =>
          row.status === 'acknowledged' ||
          (row.status === 'failed' && row.failure_code === 'ERR_SKYWARD_REJECTED'),
      ),
      JSON.stringify(answered),
    );
    assert.equal(
      answered.reduce((sum, row) => sum + row.n, 0),
      certifications!.n,
    );
    assert.ok(answered.some((row) => row.status === 'acknowledged'));
    const [reason] = await context.db.withTenant(tenant.id, (tx) =>
      tx.query<{ failure_reason: string }>(
        "SELECT DISTINCT failure_reason FROM skyward_outbox WHERE status = 'failed'",
      ),
    );
    if (reason) assert.equal(reason.failure_reason, 'Campus ID is required');
  });

  it('connects again on the next start, with nothing sent twice', async () => {
    const before = await statuses();
    await stopDemoPeers();
    await connectDemoSkyward(context, tenant);
    assert.equal(demoSkyward.isConnected, true, demoSkyward.reason);
    assert.deepEqual(await statuses(), before);
  });
});
