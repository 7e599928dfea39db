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

  /**
   * Opens the platform's course page framing the tool. `cookies`: 'blocked' blocks third-party
   * cookies as Chrome does in its phase-out (partitioned ones still work); 'none' also drops
   * every cookie the tool sets, as a browser that keeps none in a cross-site frame would.
   */
  async function openCoursePage(cookies: 'blocked' | 'none', usesPlatformStorage: boolean) {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        ...CHROMIUM_ARGS,
        '--test-third-party-cookie-phaseout',
        // Responses rewritten by the test count as from the public internet, which may not
        // then navigate to loopback; both ends here are loopback anyway.
        '--disable-features=LocalNetworkAccessChecks',
      ],
    });
    const page = await browser.newPage();
    if (cookies === 'none') {
      await page.route(`${harness.toolUrl}/**`, async (route) => {
        const response = await route.fetch({ maxRedirects: 0 });
        const headers = { ...response.headers() };
        delete headers['set-cookie'];
        // The fetch kept the cookies in the context's jar; the browser must not have them.
        await page.context().clearCookies();
        await route.fulfill({ response, headers });
      });
    }
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

  it('reaches the widget through platform storage when the frame may keep no cookie at all', async function () {
    this.timeout(90_000);
    const { page, frame } = await openCoursePage('none', true);
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

  it('reaches the widget through partitioned cookies when third-party cookies are blocked and the platform offers no storage', async function () {
    this.timeout(90_000);
    const { page, frame } = await openCoursePage('blocked', false);
    assert.equal(await frame.locator('#viewer-role').getAttribute('data-role'), 'teacher');
    const toolFrame = page.frames().find((f) => f.url().startsWith(harness.toolUrl))!;
    const url = new URL(toolFrame.url());
    assert.equal(url.pathname, '/widgets/launch-summary');
    // The session rides in the frame's partitioned cookie, never in the URL.
    assert.equal(url.searchParams.get('ls'), null);
    await frame.locator('#refresh-link').click();
    await frame.locator('#viewer-role').waitFor();
    assert.equal(await frame.locator('#viewer-role').getAttribute('data-role'), 'teacher');
    const cookies = await page.context().cookies(harness.toolUrl);
    assert.ok(cookies.length > 0 && cookies.every((cookie) => cookie.sameSite === 'None'));
    await browser.close();
  });

  it('refuses the launch when the frame may keep no cookie and the platform offers no storage', async function () {
    this.timeout(90_000);
    const { frame } = await openCoursePage('none', false);
    assert.equal(await frame.locator('code').first().textContent(), 'ERR_LTI_STATE_MISMATCH');
    assert.equal(await frame.locator('#viewer-role').count(), 0);
    await browser.close();
  });
});
