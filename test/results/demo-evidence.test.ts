import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { loadResults, seedDemoEvidence } from '../../app/results/index.js';
import type { Tenant } from '../../store/index.js';
import { createTestContext, createTestTenant, type TestContext } from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';
import { makeStudents, storeStudents } from '../integrations/evidence/support/seed-students.js';

describe(`demo evidence step (${testBackendName()})`, () => {
  let context: TestContext;
  let tenant: Tenant;

  before(async function () {
    this.timeout(120_000);
    context = await createTestContext();
    await context.jobs.start();
    tenant = await createTestTenant(context, 'demo-evidence');
    // TEST_NOW is in the fall of 2026: the seniors are the class of 2027.
    await storeStudents(context, tenant.id, makeStudents(40, randomUUID().slice(0, 4)), 2027);
  });

  after(() => context.close());

  const countEvidence = () =>
    context.db.withTenant(tenant.id, (tx) =>
      tx.one<{ n: number }>('SELECT count(*)::int AS n FROM evidence'),
    );

  it('gives seniors a mix of ready, near-ready and far evidence and computes their results', async function () {
    this.timeout(60_000);
    await seedDemoEvidence(context, tenant);
    const results = await context.db.withTenant(tenant.id, (tx) => loadResults(tx));
    assert.equal(results.length, 40);
    const met = results.filter((r) => r.result.credited_indicators.length > 0).length;
    assert.ok(met >= 8 && met <= 28, `a mix of ready and not ready, got ${met} of 40`);
    const nearElaOnly = results.filter(
      (r) => r.result.tsi_ela_met && !r.result.tsi_math_met,
    ).length;
    assert.ok(nearElaOnly > 0, 'some students are near-ready (ELA met, math not)');
  });

  it('changes nothing when it runs again', async function () {
    this.timeout(60_000);
    const before = await countEvidence();
    const resultsBefore = await context.db.withTenant(tenant.id, (tx) => loadResults(tx));
    await seedDemoEvidence(context, tenant);
    assert.deepEqual(await countEvidence(), before);
    assert.deepEqual(
      await context.db.withTenant(tenant.id, (tx) => loadResults(tx)),
      resultsBefore,
    );
  });
});
