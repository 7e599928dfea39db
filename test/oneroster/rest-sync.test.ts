import assert from 'node:assert/strict';
import type { Tenant } from '../../store/index.js';
import { getSyncStatus, syncRoster } from '../../oneroster/index.js';
import { createTestContext, createTestTenant, type TestContext } from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';
import type { RunningOneRosterServer } from '../peers/oneroster/index.js';
import { connectTenant, liveCounts, rosterDigest, startProvider } from './roster-fixture.js';

describe(`OneRoster REST sync (${testBackendName()})`, () => {
  let context: TestContext;
  let server: RunningOneRosterServer;

  before(async () => {
    context = await createTestContext();
    server = await startProvider();
  });

  after(async () => {
    await server.stop();
    await context.close();
  });

  it('loads every entity of a 1.2 provider in a full sync', async () => {
    const tenant = await createTestTenant(context, 'or-full');
    await connectTenant(context, tenant, server, '1.2');
    const summary = await syncRoster(context, tenant.id, { client: { pageSize: 50 } });
    const totals = server.dataset.generator.plan.totals;
    assert.equal(summary.mode, 'full');
    assert.equal(summary.counts.users.created, totals.users);
    assert.equal(summary.counts.enrollments.created, totals.enrollments);
    assert.equal(summary.counts.demographics.created, totals.students);
    assert.deepEqual(await liveCounts(context, tenant), {
      orgs: totals.orgs,
      academic_sessions: totals.academicSessions,
      courses: totals.courses,
      classes: totals.classes,
      people: totals.users,
      enrollments: totals.enrollments,
      demographics: totals.students,
      students: totals.students,
    });
  });
});
