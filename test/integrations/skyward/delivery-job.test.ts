import assert from 'node:assert/strict';
import {
  SKYWARD_DELIVER_JOB,
  queueOutstandingDeliveries,
} from '../../../integrations/skyward/index.js';
import { testBackendName } from '../../support/test-database.js';
import { createSkywardDistrict, outboxOf, useSkywardWorld } from './skyward-fixture.js';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(`Skyward delivery job (${testBackendName()})`, function () {
  this.timeout(90_000);
  const world = useSkywardWorld({ jobPollSeconds: 0.5 });

  it('queues one delivery job for a burst of saves, carrying only the district id', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-burst', {
      batchWindowSeconds: 3_600,
    });
    for (let index = 0; index < 5; index += 1) await district.save({ ibcCode: `IBC${index}` });
    const jobs = await world.context.db.withOwner((tx) =>
      tx.query<{ data: Record<string, unknown> }>(
        'SELECT data FROM pgboss.job WHERE name = $1 AND singleton_key = $2',
        [SKYWARD_DELIVER_JOB, district.tenant.id],
      ),
    );
    assert.deepEqual(
      jobs.map((job) => job.data),
      [{ tenantId: district.tenant.id }],
    );
  });

  it('delivers a saved certification without anyone touching it', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-job');
    const saved = await district.save();
    await world.context.jobs.runWorkers();
    await waitFor(async () =>
      (await outboxOf(world.context, district.tenant.id)).every(
        (row) => row.status === 'delivered',
      ),
    );
    const [name] = district.inboxFiles();
    assert.match(district.read(name!), new RegExp(`\r\n${saved.id},1,upsert,`));
    const isOurs = (line: Record<string, unknown>) =>
      line.event === 'skyward.delivery.completed' && line.tenantId === district.tenant.id;
    await waitFor(async () => world.context.logs.records().some(isOurs));
    assert.equal(world.context.logs.records().find(isOurs)!.records, 1);
    assert.ok(!world.context.logs.text().includes('S123456789'));
  });

  it('logs a failed delivery by code and leaves the job to be retried later', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-job-down');
    await world.server.stop();
    try {
      await district.save();
      await world.context.jobs.runWorkers();
      const isOurs = (line: Record<string, unknown>) =>
        line.event === 'skyward.delivery.failed' && line.tenantId === district.tenant.id;
      await waitFor(async () => world.context.logs.records().some(isOurs));
      assert.equal(world.context.logs.records().find(isOurs)!.code, 'ERR_SKYWARD_UNREACHABLE');
      // The failure is logged before the queue records it, so wait for the queue too.
      const stateOfJob = async () => {
        const [job] = await world.context.db.withOwner((tx) =>
          tx.query<{ state: string }>(
            'SELECT state FROM pgboss.job WHERE name = $1 AND singleton_key = $2',
            [SKYWARD_DELIVER_JOB, district.tenant.id],
          ),
        );
        return job?.state;
      };
      await waitFor(async () => (await stateOfJob()) !== 'active');
      assert.equal(await stateOfJob(), 'retry');
      assert.deepEqual(
        (await outboxOf(world.context, district.tenant.id)).map((row) => row.status),
        ['pending'],
      );
    } finally {
      await world.server.start();
    }
  });

  it('queues again the deliveries whose job gave up, and only those, once each', async () => {
    const stranded = await createSkywardDistrict(world.context, world.server, 'sky-stranded', {
      batchWindowSeconds: 3_600,
    });
    const idle = await createSkywardDistrict(world.context, world.server, 'sky-idle');
    await stranded.save();
    // What a job leaves behind when its last retry fails: no job, the change still pending.
    await world.context.db.withOwner((tx) =>
      tx.query('DELETE FROM pgboss.job WHERE name = $1 AND singleton_key = $2', [
        SKYWARD_DELIVER_JOB,
        stranded.tenant.id,
      ]),
    );
    await world.context.db.withTenant(stranded.tenant.id, (tx) =>
      tx.query('UPDATE skyward_dispatch SET is_job_queued = false'),
    );

    const first = await queueOutstandingDeliveries(world.context);
    const second = await queueOutstandingDeliveries(world.context);

    assert.ok(first.includes(stranded.tenant.id));
    assert.ok(!first.includes(idle.tenant.id));
    assert.ok(!second.includes(stranded.tenant.id));
    const jobs = await world.context.db.withOwner((tx) =>
      tx.query<{ singleton_key: string }>(
        `SELECT singleton_key FROM pgboss.job
          WHERE name = $1 AND singleton_key = ANY($2::text[]) AND state = 'created'`,
        [SKYWARD_DELIVER_JOB, [stranded.tenant.id, idle.tenant.id]],
      ),
    );
    assert.deepEqual(
      jobs.map((job) => job.singleton_key),
      [stranded.tenant.id],
    );
  });
});
