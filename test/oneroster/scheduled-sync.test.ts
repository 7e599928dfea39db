import assert from 'node:assert/strict';
import {
  ROSTER_SYNC_JOB,
  SCHEDULED_ROSTER_SYNC_JOB,
  isFullSyncDue,
  queueRosterSyncs,
  syncDistrictOnSchedule,
} from '../../oneroster/index.js';
import type { Tenant } from '../../store/index.js';
import type { RunningOneRosterServer } from '../peers/oneroster/index.js';
import {
  createTestContext,
  createTestTenant,
  TEST_NOW,
  type TestContext,
} from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';
import { connectTenant, startProvider } from './roster-fixture.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The runs of a district: mode and state, full ones first (the frozen test clock gives every run
 * the same start time, and a district's first sync can only be full).
 */
function runsOf(context: TestContext, tenant: Tenant) {
  return context.db.withTenant(tenant.id, (tx) =>
    tx.query<{ mode: string; state: string }>(
      'SELECT mode, state FROM oneroster_sync_runs ORDER BY mode DESC, state',
    ),
  );
}

/** Jobs of a queue waiting for these districts. */
function queuedFor(context: TestContext, tenants: Tenant[]) {
  return context.db.withOwner((tx) =>
    tx.query<{ singleton_key: string; data: Record<string, unknown> }>(
      `SELECT singleton_key, data FROM pgboss.job
        WHERE name = $1 AND state = 'created' AND singleton_key = ANY($2::text[])`,
      [ROSTER_SYNC_JOB, tenants.map((tenant) => tenant.id)],
    ),
  );
}

/** Removes waiting sync jobs so that no later suite's workers run them. */
function clearQueuedSyncs(context: TestContext) {
  return context.db.withOwner((tx) =>
    tx.query(`DELETE FROM pgboss.job WHERE name = $1 AND state = 'created'`, [ROSTER_SYNC_JOB]),
  );
}

describe(`Scheduled OneRoster sync (${testBackendName()})`, function () {
  this.timeout(60_000);
  let context: TestContext;
  let server: RunningOneRosterServer;

  before(async () => {
    context = await createTestContext();
    await context.jobs.start();
    server = await startProvider();
  });
  after(async () => {
    await clearQueuedSyncs(context);
    await server.stop();
    await context.close();
  });

  it('queues one sync per connected district, never twice while one waits', async () => {
    const connected = await createTestTenant(context, 'or-sched-on');
    const unconnected = await createTestTenant(context, 'or-sched-off');
    await connectTenant(context, connected, server, '1.2');

    const first = await queueRosterSyncs(context);
    const second = await queueRosterSyncs(context);

    assert.ok(first.includes(connected.id) && second.includes(connected.id));
    assert.ok(!first.includes(unconnected.id));
    assert.deepEqual(await queuedFor(context, [connected, unconnected]), [
      { singleton_key: connected.id, data: { tenantId: connected.id } },
    ]);
    await clearQueuedSyncs(context);
  });

  it('syncs in full first, then by delta until a full sync is due again', async () => {
    const tenant = await createTestTenant(context, 'or-sched-modes');
    await connectTenant(context, tenant, server, '1.2');

    await syncDistrictOnSchedule(context, tenant.id);
    await syncDistrictOnSchedule(context, tenant.id);

    assert.deepEqual(await runsOf(context, tenant), [
      { mode: 'full', state: 'completed' },
      { mode: 'delta', state: 'completed' },
    ]);
    assert.equal(await isFullSyncDue(context, tenant.id, 7), false);
    const weekLater = await createTestContext({}, { now: () => new Date(+TEST_NOW + 7 * DAY_MS) });
    try {
      assert.equal(await isFullSyncDue(weekLater, tenant.id, 7), true);
      assert.equal(await isFullSyncDue(weekLater, tenant.id, 8), false);
    } finally {
      await weekLater.close();
    }
  });

  it('runs a queued district sync through the job workers', async () => {
    const tenant = await createTestTenant(context, 'or-sched-job');
    await connectTenant(context, tenant, server, '1.1');
    await context.db.withTenant(tenant.id, (tx) =>
      context.jobs.enqueue(
        tx,
        ROSTER_SYNC_JOB,
        { tenantId: tenant.id },
        { singletonKey: tenant.id },
      ),
    );

    await context.jobs.runWorkers();
    const deadline = Date.now() + 45_000;
    while ((await runsOf(context, tenant)).at(-1)?.state !== 'completed') {
      assert.ok(Date.now() < deadline, 'the queued sync did not complete in time');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    assert.deepEqual(await runsOf(context, tenant), [{ mode: 'full', state: 'completed' }]);
    const completed = context.logs
      .records()
      .find((r) => r.event === 'roster.sync.completed' && r.tenantId === tenant.id);
    const students = server.dataset.generator.plan.totals.students;
    assert.ok(completed?.jobId);
    // The new roster's students get their results, computed by the same job.
    assert.equal(completed.resultsEvaluated, students);
    const stored = await context.db.withTenant(tenant.id, (tx) =>
      tx.one<{ count: number }>('SELECT count(*)::int AS count FROM student_results'),
    );
    assert.equal(stored?.count, students);
  });
});
