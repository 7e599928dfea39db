import assert from 'node:assert/strict';
import { recomputeResults } from '../../app/results/index.js';
import { getCampusSummary, readResultsVersion } from '../../views/cache/campus-summary-cache.js';
import { createTestContext, createTestTenant, type TestContext } from '../support/test-context.js';
import { seedReadinessDistrict, type SeededDistrict } from './support/seed-readiness-district.js';

describe('campus summary cache', () => {
  let context: TestContext;
  let tenantId: string;
  let district: SeededDistrict;

  before(async function () {
    // Opening the shared test database applies every migration once per run.
    this.timeout(180_000);
    context = await createTestContext();
    tenantId = (await createTestTenant(context, 'cache')).id;
    district = await seedReadinessDistrict(context, tenantId, {
      campuses: [{ sourcedId: 'hs-a', name: 'A High', students: 12 }],
    });
  });

  after(() => context?.close());

  const today = '2026-10-15';
  const summaryOf = () =>
    context.db.withTenant(tenantId, (tx) =>
      getCampusSummary(context, tx, district.campuses[0].orgId, today),
    );

  it('serves the same summary while nothing changed', async () => {
    assert.equal(await summaryOf(), await summaryOf());
  });

  it('recomputes the summary once new evidence makes a graduate ready', async () => {
    const before = await summaryOf();
    const graduates = before.classes.find((c) => c.graduationYear === 2026)!;
    const notReady = Object.values(graduates.groups).flat()[0]!;
    const versionBefore = await context.db.withTenant(tenantId, readResultsVersion);
    await context.db.withTenant(tenantId, (tx) =>
      tx.query(
        `INSERT INTO evidence (tenant_id, id, person_id, kind, data, source, fingerprint)
         VALUES ($1, gen_random_uuid(), $2, 'sat', $3, 'test', 'cache-sat')`,
        [tenantId, notReady, JSON.stringify({ date: '2025-11-01', ebrw: 600, math: 600 })],
      ),
    );
    await recomputeResults(context, tenantId, [notReady]);
    const after = await summaryOf();
    assert.notEqual(await context.db.withTenant(tenantId, readResultsVersion), versionBefore);
    const now = after.classes.find((c) => c.graduationYear === 2026)!;
    assert.equal(now.rateNow.numerator, graduates.rateNow.numerator + 1);
  });
});
