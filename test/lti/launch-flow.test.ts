import assert from 'node:assert/strict';
import { createRegistrationInvite } from '../../lti/index.js';
import { createTestTenant } from '../support/test-context.js';
import type { Tenant } from '../../store/index.js';
import type { ToolClient } from '../peers/lti-platform/lti-platform.js';
import {
  startLtiHarness,
  launchThroughPlatform,
  INSTRUCTOR,
  LEARNER,
  INSTITUTION_ADMIN,
  SYSTEM_ADMIN,
  type LtiHarness,
} from './support/lti-harness.js';
import { seedRoster, ROSTER } from './support/roster-fixture.js';
import { TestUserAgent } from './support/user-agent.js';

async function readSummary(agent: TestUserAgent, location: string) {
  const page = await agent.request(location);
  assert.equal(page.status, 200, page.body);
  const field = (id: string) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(page.body)?.[1];
  return {
    role: /data-role="([^"]+)"/.exec(page.body)?.[1],
    known: field('viewer-known'),
    classes: Number(field('scope-classes')),
    campuses: Number(field('scope-campuses')),
    page,
  };
}

describe('LTI end to end: dynamic registration, then launches by role', () => {
  let harness: LtiHarness;
  let tenant: Tenant;
  let client: ToolClient;

  before(async function () {
    this.timeout(180_000);
    harness = await startLtiHarness();
    tenant = await createTestTenant(harness.context, 'dynreg');
    await seedRoster(harness.context, tenant);
  });
  after(() => harness?.close());

  it('registers through Dynamic Registration with an invite and joins that district', async () => {
    const { code } = await createRegistrationInvite(
      harness.context.db,
      tenant.id,
      harness.context.now(),
    );
    const token = harness.platform.issueRegistrationToken();
    const query = new URLSearchParams({
      openid_configuration: `${harness.platform.url}/.well-known/openid-configuration`,
      registration_token: token,
      code,
    });
    const response = await new TestUserAgent().request(`${harness.toolUrl}/lti/register?${query}`);
    assert.equal(response.status, 200, response.body);
    assert.match(response.body, /registration-close\.js/);
    assert.equal(harness.platform.clients.size, 1);
    client = [...harness.platform.clients.values()][0]!;
    assert.deepEqual(client.redirectUris, [`${harness.toolUrl}/lti/launch`]);
  });

  it('lets an instructor in: teacher of their rostered classes, found by email', async () => {
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'lms-teacher-1', email: ROSTER.teacher.email },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'lms-course-9', title: 'Biology' },
      custom: { widget: 'launch-summary' },
    });
    assert.equal(response.status, 303, response.body);
    const summary = await readSummary(agent, response.location!);
    assert.deepEqual([summary.role, summary.known, summary.classes], ['teacher', 'yes', 1]);
  });

  it('sends an instructor without a chosen widget to the class readiness widget', async () => {
    const { response } = await launchThroughPlatform(harness, client, {
      user: { sub: 'lms-teacher-1', email: ROSTER.teacher.email },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'lms-course-9' },
    });
    assert.equal(new URL(response.location!).pathname, '/widgets/class-readiness');
  });

  it('lets a learner in as a student, resolved by the LIS person_sourcedid', async () => {
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'lms-student-1', personSourcedId: ROSTER.student.sourcedId },
      roles: [LEARNER],
      messageType: 'LtiResourceLinkRequest',
      context: { id: ROSTER.classSourcedId },
      custom: { widget: 'launch-summary' },
    });
    const summary = await readSummary(agent, response.location!);
    assert.deepEqual([summary.role, summary.known, summary.classes], ['student', 'yes', 0]);
  });

  it('lets an institution administrator in as campus administrator of their campus', async () => {
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'lms-principal-1', email: ROSTER.campusAdmin.email },
      roles: [INSTITUTION_ADMIN],
      messageType: 'LtiResourceLinkRequest',
      custom: { widget: 'launch-summary' },
    });
    const summary = await readSummary(agent, response.location!);
    assert.deepEqual([summary.role, summary.campuses], ['campus_admin', 1]);
  });

  it('lets a system administrator in as district administrator', async () => {
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'lms-admin-1' },
      roles: [SYSTEM_ADMIN],
      messageType: 'LtiResourceLinkRequest',
      custom: { widget: 'launch-summary' },
    });
    assert.equal((await readSummary(agent, response.location!)).role, 'district_admin');
  });

  it('gives an unknown role no access to student data', async () => {
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'lms-helper-1', email: ROSTER.teacher.email },
      roles: ['http://purl.imsglobal.org/vocab/lis/v2/unknown/unknown#Helper'],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'lms-course-9' },
      custom: { widget: 'launch-summary' },
    });
    const summary = await readSummary(agent, response.location!);
    assert.deepEqual([summary.role, summary.known], ['none', 'no']);
  });

  it('records each accepted launch in the district audit chain', async () => {
    const rows = await harness.context.db.withTenant(tenant.id, (tx) =>
      tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'lti.launch.accepted'`,
      ),
    );
    assert.ok(rows[0]!.n >= 5);
  });

  it('refuses a page behind the launch without a session', async () => {
    const response = await new TestUserAgent().request(`${harness.toolUrl}/widgets/launch-summary`);
    assert.equal(response.status, 401);
    assert.match(response.body, /ERR_LTI_SESSION_REQUIRED/);
  });

  it('keeps tokens, subs and emails out of the logs of all these launches', () => {
    const text = harness.context.logs.text();
    for (const secret of [
      'lms-teacher-1',
      ROSTER.teacher.email,
      ROSTER.student.sourcedId,
      'id_token',
      'eyJ',
    ]) {
      assert.ok(!text.includes(secret), `logs contain ${secret}`);
    }
  });
});
