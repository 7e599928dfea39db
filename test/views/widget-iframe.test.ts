import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { INSTRUCTOR } from '../lti/support/lti-harness.js';
import { CHROMIUM_ARGS } from './support/browser-checks.js';
import { startWidgetWorld, type WidgetWorld } from './support/widget-launch.js';

describe('a widget inside the LMS iframe, third-party cookies blocked', () => {
  let world: WidgetWorld;
  let browser: Browser;

  before(async function () {
    this.timeout(240_000);
    // The tool answers as localhost, the platform as 127.0.0.1: two different sites.
    world = await startWidgetWorld(
      'iframe',
      { campuses: [{ sourcedId: 'hs-a', name: 'A High', students: 10 }], sectionSize: 10 },
      { toolHost: 'localhost' },
    );
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--test-third-party-cookie-phaseout'],
    });
  });

  after(async () => {
    await browser?.close();
    await world?.close();
  });

  it('asks the platform to resize the frame and keeps the session on in-tool links', async function () {
    this.timeout(120_000);
    const page = await browser.newPage();
    const messages: string[] = [];
    await page.exposeFunction('recordParentMessage', (data: string) => messages.push(data));
    await page.addInitScript(() => {
      if (window !== window.top) return;
      window.addEventListener('message', (event) => {
        const record = (window as unknown as { recordParentMessage: (d: string) => void })
          .recordParentMessage;
        record(JSON.stringify(event.data));
      });
    });
    const teacher = world.district.campuses[0].teacherSourcedIds[0];
    const { launch } = world.lti.platform.prepareLaunch({
      user: { sub: 'iframe-teacher', personSourcedId: teacher },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      clientId: world.client.clientId,
      deploymentId: world.client.deploymentId,
      targetLinkUri: `${world.lti.toolUrl}/lti/launch`,
      context: { id: 'course-iframe', title: 'English IV' },
      custom: { widget: 'class-readiness' },
      usesPlatformStorage: true,
    });
    await page.goto(world.lti.platform.coursePageUrl(launch, `${world.lti.toolUrl}/lti/login`));
    const frame = page.frameLocator('#tool-frame');
    await frame.locator('h1').waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('h1').textContent(), 'Class readiness');

    await page.waitForFunction(() => true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const resize = messages.map((m) => JSON.parse(m)).find((m) => m?.subject === 'lti.frameResize');
    assert.ok(resize, `no lti.frameResize among ${messages.length} messages`);
    assert.ok(resize.height > 100);

    // Third-party cookies are blocked, but the partitioned session cookie is kept: in-tool links
    // carry no token, and following one stays in the session.
    const link = frame.locator('a[href*="/widgets/student-card?student="]').first();
    assert.doesNotMatch((await link.getAttribute('href'))!, /[?&]ls=/);
    await link.click();
    await frame.locator('h1', { hasText: 'Readiness card' }).waitFor({ timeout: 30_000 });
  });
});
