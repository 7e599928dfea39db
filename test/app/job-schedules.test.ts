import assert from 'node:assert/strict';
import { loadConfig } from '../../app/config.js';
import { SKYWARD_SWEEP_JOB } from '../../integrations/skyward/index.js';
import { LTI_PURGE_JOB } from '../../lti/index.js';
import { SCHEDULED_ROSTER_SYNC_JOB } from '../../oneroster/index.js';
import { RETENTION_JOB } from '../../privacy/index.js';
import { createTestContext } from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';

const SCHEDULED_JOBS = [SCHEDULED_ROSTER_SYNC_JOB, RETENTION_JOB, LTI_PURGE_JOB, SKYWARD_SWEEP_JOB];

describe(`Job schedules (${testBackendName()})`, function () {
  this.timeout(60_000);

  it('stores each configured schedule when workers start, and removes them when turned off', async () => {
    const scheduled = await createTestContext({
      rosterSyncCron: '30 4 * * 1-5',
      retentionCron: '15 1 * * *',
      skywardRetryCron: '*/30 * * * *',
      scheduleTimezone: 'America/Chicago',
    });
    try {
      await scheduled.jobs.runWorkers();
      const schedules = await scheduled.jobs.listSchedules();
      assert.deepEqual(
        schedules
          .filter((schedule) => SCHEDULED_JOBS.includes(schedule.name))
          .sort((a, b) => a.name.localeCompare(b.name)),
        [
          { name: SCHEDULED_ROSTER_SYNC_JOB, cron: '30 4 * * 1-5', timezone: 'America/Chicago' },
          { name: RETENTION_JOB, cron: '15 1 * * *', timezone: 'America/Chicago' },
          { name: LTI_PURGE_JOB, cron: '15 1 * * *', timezone: 'America/Chicago' },
          { name: SKYWARD_SWEEP_JOB, cron: '*/30 * * * *', timezone: 'America/Chicago' },
        ].sort((a, b) => a.name.localeCompare(b.name)),
      );
    } finally {
      await scheduled.close();
    }

    const unscheduled = await createTestContext({
      rosterSyncCron: undefined,
      retentionCron: undefined,
      skywardRetryCron: undefined,
    });
    try {
      await unscheduled.jobs.runWorkers();
      const names = (await unscheduled.jobs.listSchedules()).map((schedule) => schedule.name);
      assert.deepEqual(
        names.filter((name) => SCHEDULED_JOBS.includes(name)),
        [],
      );
    } finally {
      await unscheduled.close();
    }
  });

  it('reads the schedules from the environment, with nothing on a clock in tests', () => {
    const defaults = loadConfig({ NODE_ENV: 'development', DEMO: 'false' });
    assert.equal(defaults.rosterSyncCron, '0 5 * * *');
    assert.equal(defaults.retentionCron, '30 2 * * *');
    assert.equal(defaults.skywardRetryCron, '20 * * * *');
    assert.equal(defaults.scheduleTimezone, 'America/Chicago');
    assert.equal(defaults.rosterFullSyncDays, 7);
    const test = loadConfig({ NODE_ENV: 'test' });
    assert.deepEqual(
      [test.rosterSyncCron, test.retentionCron, test.skywardRetryCron],
      [undefined, undefined, undefined],
    );
    const demo = loadConfig({ NODE_ENV: 'development', DEMO: 'true' });
    assert.equal(demo.rosterSyncCron, undefined, 'the demo district has no provider to sync from');
    assert.equal(demo.retentionCron, '30 2 * * *');
    assert.equal(loadConfig({ RETENTION_CRON: 'off' }).retentionCron, undefined);
    assert.equal(loadConfig({ SKYWARD_RETRY_CRON: '5 * * * *' }).skywardRetryCron, '5 * * * *');
  });

  it('refuses a malformed schedule, time zone or full-sync interval, naming each', () => {
    assert.throws(
      () =>
        loadConfig({
          ONEROSTER_SYNC_CRON: 'every night',
          RETENTION_CRON: '2am',
          SKYWARD_RETRY_CRON: '* * *',
          SCHEDULE_TIMEZONE: 'Texas/Austin',
          ONEROSTER_FULL_SYNC_DAYS: '0',
        }),
      (error: Error & { problems?: string[] }) =>
        [
          'ONEROSTER_SYNC_CRON',
          'RETENTION_CRON',
          'SKYWARD_RETRY_CRON',
          'SCHEDULE_TIMEZONE',
          'ONEROSTER_FULL_SYNC_DAYS',
        ].every((name) => error.problems?.some((problem) => problem.startsWith(name))),
    );
  });
});
