import assert from 'node:assert/strict';
import { createTestContext, startTestServer, type TestContext } from '../support/test-context.js';
import type { RunningServer } from '../../app/web/start-server.js';
import { createTenant } from '../../store/index.js';
import { DEMO_TENANT } from '../../app/demo/seed-demo.js';
import { registerDemoPlatform } from '../../app/demo/demo-launch-step.js';
import { seedRoster } from './support/roster-fixture.js';
import { freePort } from './support/lti-harness.js';
import { TestUserAgent, readForm } from './support/user-agent.js';

describe('demo "Try a launch" page', () => {
  let context: TestContext;
  let server: RunningServer;
  let toolUrl: string;

  before(async function () {
    this.timeout(180_000);
    const port = await freePort();
    toolUrl = `http://127.0.0.1:${port}`;
    context = await createTestContext(
      { port, host: '127.0.0.1', publicUrl: toolUrl, demo: true },
      { now: () => new Date() },
    );
    server = await startTestServer(context);
    // The demo's own steps (roster, LTI platform) without the heavier evidence generation.
    const { tenant } = await createTenant(context.db, context.keys, DEMO_TENANT);
    await seedRoster(context, tenant);
    await registerDemoPlatform(context, tenant);
  });
  after(async () => {
    await server?.stop();
    await context?.close();
  });

  for (const role of ['teacher', 'counselor', 'campus_admin', 'district_admin', 'student']) {
    it(`launches as ${role} through the in-repo platform into the tool`, async () => {
      const agent = new TestUserAgent();
      const start = await agent.request(`${toolUrl}/demo/launch/${role}?widget=launch-summary`);
      assert.equal(start.status, 302);
      const course = await agent.request(start.location!);
      const loginUrl = /data-src="([^"]+)"/.exec(course.body)![1]!.replaceAll('&#38;', '&');
      const login = await agent.request(loginUrl);
      assert.equal(login.status, 302, login.body);
      const auth = await agent.request(login.location!);
      const { action, fields } = readForm(auth.body);
      const launch = await agent.request(action, { form: fields });
      assert.equal(launch.status, 303, launch.body);
      const summary = await agent.request(launch.location!);
      assert.match(summary.body, new RegExp(`data-role="${role}"`));
      assert.match(summary.body, /id="viewer-known">yes</);
    });
  }
});
