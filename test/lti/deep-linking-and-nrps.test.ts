import assert from 'node:assert/strict';
import type { Tenant } from '../../store/index.js';
import type { ToolClient } from '../peers/lti-platform/lti-platform.js';
import { findRegistration, LtiTool } from '../../lti/index.js';
import {
  startLtiHarness,
  registerManually,
  launchThroughPlatform,
  INSTRUCTOR,
  LEARNER,
  type LtiHarness,
} from './support/lti-harness.js';
import { seedRoster, ROSTER } from './support/roster-fixture.js';
import { readForm } from './support/user-agent.js';

const CONTENT_ITEMS = 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items';
const DL_DATA = 'https://purl.imsglobal.org/spec/lti-dl/claim/data';

describe('LTI deep linking and names and roles', () => {
  let harness: LtiHarness;
  let tenant: Tenant;
  let client: ToolClient;

  before(async function () {
    this.timeout(180_000);
    harness = await startLtiHarness();
    ({ tenant, client } = await registerManually(harness, 'dl'));
    await seedRoster(harness.context, tenant);
  });
  after(() => harness?.close());

  it('lets an instructor pick a widget and returns a signed LtiDeepLinkingResponse to the platform', async () => {
    const { response, agent, launch } = await launchThroughPlatform(harness, client, {
      user: { sub: 'dl-teacher', email: ROSTER.teacher.email },
      roles: [INSTRUCTOR],
      messageType: 'LtiDeepLinkingRequest',
      context: { id: 'course-dl' },
    });
    assert.equal(response.status, 303, response.body);
    assert.equal(new URL(response.location!).pathname, '/lti/deep-link');
    const picker = await agent.request(response.location!);
    assert.equal(picker.status, 200);
    assert.match(picker.body, /value="obm-monitor"/);

    const action = /<form method="post" action="([^"]+)"/.exec(picker.body)![1]!;
    const returned = await agent.request(new URL(action, harness.toolUrl).toString(), {
      form: { widget: 'class-readiness', title: 'Readiness of my classes', display: 'compact' },
    });
    assert.equal(returned.status, 200);
    assert.match(returned.body, /auto-submit\.js/);
    const form = readForm(returned.body);
    assert.equal(form.action, `${harness.platform.url}/deep-link-return`);

    const atPlatform = await agent.request(form.action, { form: form.fields });
    assert.equal(atPlatform.status, 200, atPlatform.body);
    const payload = harness.platform.deepLinkReturns.at(-1)!;
    assert.equal(
      payload['https://purl.imsglobal.org/spec/lti/claim/message_type'],
      'LtiDeepLinkingResponse',
    );
    assert.equal(payload[DL_DATA], `dl-${launch.id}`);
    assert.deepEqual(payload[CONTENT_ITEMS], [
      {
        type: 'ltiResourceLink',
        title: 'Readiness of my classes',
        url: `${harness.toolUrl}/lti/launch`,
        custom: { widget: 'class-readiness', display: 'compact' },
      },
    ]);
  });

  it('refuses the widget picker to a learner', async () => {
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'dl-student', personSourcedId: ROSTER.student.sourcedId },
      roles: [LEARNER],
      messageType: 'LtiDeepLinkingRequest',
      context: { id: 'course-dl' },
    });
    const picker = await agent.request(response.location!);
    assert.equal(picker.status, 403);
    assert.match(picker.body, /ERR_LTI_NOT_ALLOWED/);
  });

  it('fetches every page of a context membership with a client-credentials token', async () => {
    harness.platform.memberships.set('course-nrps', [
      { user_id: 'u1', roles: [INSTRUCTOR] },
      { user_id: 'u2', roles: [LEARNER], lis_person_sourcedid: 'usr-student-1' },
      { user_id: 'u3', roles: [LEARNER] },
      { user_id: 'u4', roles: [LEARNER], status: 'Inactive' },
      { user_id: 'u5', roles: [LEARNER] },
    ]);
    const tool = new LtiTool(harness.context);
    const registration = await findRegistration(
      harness.context.db,
      harness.platform.issuer,
      client.clientId,
    );
    const members = await tool.namesRoles.fetchMembers(
      registration,
      `${harness.platform.url}/nrps/course-nrps/memberships`,
      harness.context.now(),
    );
    assert.deepEqual(
      members.map((m) => [m.userId, m.status]),
      [
        ['u1', 'Active'],
        ['u2', 'Active'],
        ['u3', 'Active'],
        ['u4', 'Inactive'],
        ['u5', 'Active'],
      ],
    );
    assert.equal(members[1]!.personSourcedId, 'usr-student-1');
    assert.ok(harness.platform.issuedServiceTokens.length >= 1);
  });

  it('scopes a teacher to the launch class when NRPS lists them as its instructor', async () => {
    harness.platform.memberships.set(ROSTER.otherClassSourcedId, [
      { user_id: 'nrps-teacher', roles: [INSTRUCTOR] },
      { user_id: 'someone', roles: [LEARNER] },
    ]);
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'nrps-teacher', email: ROSTER.teacher.email },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      context: { id: ROSTER.otherClassSourcedId },
      custom: { widget: 'launch-summary' },
    });
    const page = await agent.request(response.location!);
    assert.match(page.body, /id="scope-classes">2</);
  });

  it('does not add the launch class when NRPS does not list the teacher as its instructor', async () => {
    harness.platform.memberships.set(ROSTER.otherClassSourcedId, [
      { user_id: 'someone', roles: [LEARNER] },
    ]);
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'not-listed-teacher', email: ROSTER.teacher.email },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      context: { id: `${ROSTER.otherClassSourcedId}` },
      custom: { widget: 'launch-summary' },
    });
    const page = await agent.request(response.location!);
    assert.match(page.body, /id="scope-classes">1</);
  });
});
