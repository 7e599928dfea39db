import assert from 'node:assert/strict';
import {
  startLtiHarness,
  registerManually,
  launchThroughPlatform,
  INSTRUCTOR,
  LEARNER,
  SYSTEM_ADMIN,
  type LtiHarness,
} from './support/lti-harness.js';

describe('LTI launch over real HTTP', () => {
  let harness: LtiHarness;
  before(async function () {
    this.timeout(120_000);
    harness = await startLtiHarness();
  });
  after(() => harness.close());

  it('accepts an instructor launch and opens a cookie session on the launch summary', async () => {
    const { client } = await registerManually(harness);
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'teacher-1', email: 'nobody@example.org' },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'course-1', title: 'Biology' },
      custom: { widget: 'launch-summary' },
    });
    assert.equal(response.status, 303, response.body);
    assert.equal(new URL(response.location!).pathname, '/widgets/launch-summary');
    const page = await agent.request(response.location!);
    assert.equal(page.status, 200);
    assert.match(page.body, /data-role="teacher"/);
  });
});
