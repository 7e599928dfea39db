import assert from 'node:assert/strict';
import { JobQueue } from '../../store/index.js';
import { getTestDatabase, testBackendName } from '../support/test-database.js';
import { createTestContext, createTestTenant, type TestContext } from '../support/test-context.js';
import type { Tenant } from '../../store/index.js';

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`job queue (${testBackendName()})`, () => {
  let context: TestContext;
  let tenant: Tenant;
  let queue: JobQueue;
  const handled: string[] = [];

  before(async () => {
    context = await createTestContext();
    tenant = await createTestTenant(context, 'jobs');
    queue = new JobQueue(await getTestDatabase(), { pollingIntervalSeconds: 0.5 });
    queue.define<{ tenantId: string; marker: string }>({
      name: 'test.record-marker',
      purpose: 'deliver_service',
      handle: async (payload) => void handled.push(payload.marker),
    });
    await queue.start();
  });

  after(async () => {
    await queue.stop();
    await context.close();
  });

  it('commits a job together with the change that caused it', async () => {
    await context.db.withTenant(tenant.id, async (tx) => {
      await tx.query(
        `INSERT INTO orgs (tenant_id, id, sourced_id, org_type, name) VALUES ($1, gen_random_uuid(), 'j1', 'school', 'J')`,
        [tenant.id],
      );
      await queue.enqueue(tx, 'test.record-marker', { tenantId: tenant.id, marker: 'committed' });
    });
    const counts = await queue.countByState('test.record-marker');
    assert.equal(counts.created, 1);
  });

  it('drops the job when the transaction rolls back', async () => {
    await assert.rejects(
      context.db.withTenant(tenant.id, async (tx) => {
        await queue.enqueue(tx, 'test.record-marker', {
          tenantId: tenant.id,
          marker: 'rolled-back',
        });
        throw new Error('the change failed');
      }),
    );
    const counts = await queue.countByState('test.record-marker');
    assert.equal(counts.created, 1);
  });

  it('runs queued jobs in the workers', async () => {
    await queue.runWorkers();
    await waitFor(() => handled.includes('committed'));
    assert.deepEqual(handled, ['committed']);
  });

  it('refuses a job kind that was never defined', async () => {
    await assert.rejects(
      context.db.withTenant(tenant.id, (tx) => queue.enqueue(tx, 'no.such-job', {})),
      TypeError,
    );
  });
});
