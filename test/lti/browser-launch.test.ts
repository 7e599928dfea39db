import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import type { ToolClient } from '../peers/lti-platform/lti-platform.js';
import {
  startLtiHarness,
  registerManually,
  INSTRUCTOR,
  type LtiHarness,
} from './support/lti-harness.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('LTI launch in a cross-site iframe of headless Chromium', () => {
  let harness: LtiHarness;
  let client: ToolClient;
  let browser: Browser;

  before(async function () {
    this.timeout(180_000);
    // The tool answers as localhost, the platform as 127.0.0.1: two different sites.
    harness = await startLtiHarness({ toolHost: 'localhost' });
    ({ client } = await registerManually(harness, 'browser'));
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  async function openCoursePage(blockThirdPartyCookies: boolean, usesPlatformStorage: boolean) {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: blockThirdPartyCookies
        ? [...CHROMIUM_ARGS, '--test-third-party-cookie-phaseout']
        : CHROMIUM_ARGS,
    });
    const page = await browser.newPage();
    const { launch } = harness.platform.prepareLaunch({
      user: { sub: 'browser-teacher' },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      clientId: client.clientId,
      deploymentId: client.deploymentId,
      targetLinkUri: `${harness.toolUrl}/lti/launch`,
      context: { id: 'course-browser', title: 'Algebra I' },
      custom: { widget: 'launch-summary' },
      usesPlatformStorage,
    });
    await page.goto(harness.platform.coursePageUrl(launch, `${harness.toolUrl}/lti/login`));
    const frame = page.frameLocator('#tool-frame');
    await frame.locator('#viewer-role, code').first().waitFor({ timeout: 30_000 });
    return { page, frame };
  }

  it('reaches the widget through platform storage with third-party cookies blocked', async function () {
    this.timeout(90_000);
    const { page, frame } = await openCoursePage(true, true);
    assert.equal(await frame.locator('#viewer-role').getAttribute('data-role'), 'teacher');
    assert.equal(await frame.locator('#launch-context').textContent(), 'Algebra I');
    const toolFrame = page.frames().find((f) => f.url().startsWith(harness.toolUrl))!;
    const url = new URL(toolFrame.url());
    assert.equal(url.pathname, '/widgets/launch-summary');
    // Cookies were blocked, so the session rides in the query string of in-tool links.
    assert.ok(url.searchParams.get('ls'), 'session token expected in the query string');
    const refresh = await frame.locator('#refresh-link').getAttribute('href');
    assert.match(refresh!, /[?&]ls=/);
    await frame.locator('#refresh-link').click();
    await frame.locator('#viewer-role').waitFor();
    assert.equal(await frame.locator('#viewer-role').getAttribute('data-role'), 'teacher');
    await browser.close();
  });

  it('refuses the launch when cookies are blocked and the platform offers no storage', async function () {
    this.timeout(90_000);
    const { frame } = await openCoursePage(true, false);
    assert.equal(await frame.locator('code').first().textContent(), 'ERR_LTI_STATE_MISMATCH');
    assert.equal(await frame.locator('#viewer-role').count(), 0);
    await browser.close();
  });
});
