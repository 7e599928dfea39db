import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { SESSION_COOKIE } from '../../lti/index.js';
import type { ViewerRole } from '../../privacy/index.js';
import { WIDGET_NAMES, WIDGET_ROLES } from '../../views/index.js';
import {
  CHROMIUM_ARGS,
  findSeriousViolations,
  findUnreachableControls,
} from './support/browser-checks.js';
import { startWidgetWorld, type WidgetWorld } from './support/widget-launch.js';

type Role = Exclude<ViewerRole, 'none'>;

const SHOTS = 'test-artifacts/screenshots';
const DOC_SHOTS = 'docs/screenshots';
/** The README's screenshots are refreshed only on request (`npm run screenshots`), never by CI. */
const isUpdatingDocShots = process.env.UPDATE_DOC_SCREENSHOTS === '1';

/** The role each widget is photographed as, and the page state worth showing. */
const SHOWCASE: Record<string, { role: Role; query: string }> = {
  'student-card': { role: 'student', query: '' },
  'class-readiness': { role: 'teacher', query: '' },
  'campus-dashboard': { role: 'counselor', query: '?year=2026&group=other' },
  'district-dashboard': { role: 'district_admin', query: '' },
  'obm-monitor': { role: 'campus_admin', query: '' },
  'what-if': { role: 'counselor', query: '?year=2027' },
  'ibc-tracker': { role: 'counselor', query: '' },
  'admin-console': { role: 'district_admin', query: '' },
};

describe('widgets in headless Chromium: accessibility, keyboard, CSP, screenshots', () => {
  let world: WidgetWorld;
  let browser: Browser;
  const tokens = new Map<Role, string>();
  const contexts: BrowserContext[] = [];

  before(async function () {
    this.timeout(240_000);
    world = await startWidgetWorld('browser', {
      campuses: [
        { sourcedId: 'hs-a', name: 'Bluebonnet High', students: 40 },
        { sourcedId: 'echs-b', name: 'Pecos Early College', students: 20, program: 'ECHS' },
      ],
      sectionSize: 20,
    });
    const [a, b] = world.district.campuses;
    const people: Array<[Role, string]> = [
      ['student', a.studentSourcedIds[1]],
      ['teacher', a.teacherSourcedIds[0]],
      ['counselor', a.counselorSourcedId],
      ['campus_admin', b.principalSourcedId],
      ['district_admin', world.district.districtAdminSourcedId],
    ];
    for (const [role, person] of people) tokens.set(role, (await world.launch(role, person)).token);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(DOC_SHOTS, { recursive: true });
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await world?.close();
  });

  async function contextFor(role: Role, options: { bypassCSP: boolean; width: number }) {
    const context = await browser.newContext({
      bypassCSP: options.bypassCSP,
      viewport: { width: options.width, height: 900 },
    });
    await context.addCookies([
      { name: SESSION_COOKIE, value: tokens.get(role)!, url: world.lti.toolUrl },
    ]);
    contexts.push(context);
    return context;
  }

  for (const widget of WIDGET_NAMES) {
    it(`renders ${widget} for each role that may see it with no CSP violation or outside request`, async function () {
      this.timeout(120_000);
      for (const role of WIDGET_ROLES[widget] as Role[]) {
        const context = await contextFor(role, { bypassCSP: false, width: 1280 });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
        page.on('request', (r) => {
          if (!r.url().startsWith(world.lti.toolUrl)) problems.push(`outside request ${r.url()}`);
        });
        const response = await page.goto(`${world.lti.toolUrl}/widgets/${widget}`);
        assert.equal(response?.status(), 200, `${widget} as ${role}`);
        assert.equal(await page.locator('h1').count(), 1);
        assert.deepEqual(problems, [], `${widget} as ${role}`);
        await context.close();
      }
    });

    it(`has no serious accessibility violation and every control of ${widget} is reachable by keyboard`, async function () {
      this.timeout(120_000);
      for (const role of WIDGET_ROLES[widget] as Role[]) {
        const context = await contextFor(role, { bypassCSP: true, width: 1280 });
        const page = await context.newPage();
        const response = await page.goto(
          `${world.lti.toolUrl}/widgets/${widget}${SHOWCASE[widget].role === role ? SHOWCASE[widget].query : ''}`,
        );
        assert.equal(response?.status(), 200, `${widget} as ${role}`);
        assert.deepEqual(await findSeriousViolations(page), [], `${widget} as ${role}`);
        assert.deepEqual(await findUnreachableControls(page), [], `${widget} as ${role}`);
        await context.close();
      }
    });

    it(`fits ${widget} at 1280 and 375 pixels wide and saves its screenshots`, async function () {
      this.timeout(120_000);
      const { role, query } = SHOWCASE[widget];
      for (const width of [1280, 375]) {
        const context = await contextFor(role, { bypassCSP: false, width });
        const page = await context.newPage();
        const response = await page.goto(`${world.lti.toolUrl}/widgets/${widget}${query}`);
        assert.equal(response?.status(), 200, `${widget} as ${role}`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `${widget} scrolls sideways by ${overflow}px at ${width}px`);
        const file = `${SHOTS}/${widget}-${width}.png`;
        await page.screenshot({ path: file, fullPage: true });
        if (isUpdatingDocShots) copyFileSync(file, `${DOC_SHOTS}/${widget}-${width}.png`);
        await context.close();
      }
    });
  }

  it('shows a learner their own card in Spanish at 320 pixels without sideways scrolling', async function () {
    this.timeout(60_000);
    const student = world.district.campuses[0].studentSourcedIds[3];
    const session = await world.launch('student', student, { locale: 'es-MX' });
    const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
    await context.addCookies([
      { name: SESSION_COOKIE, value: session.token, url: world.lti.toolUrl },
    ]);
    contexts.push(context);
    const page = await context.newPage();
    const response = await page.goto(`${world.lti.toolUrl}/widgets/student-card`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: `${SHOTS}/student-card-es-320.png`, fullPage: true });
    if (isUpdatingDocShots) {
      copyFileSync(`${SHOTS}/student-card-es-320.png`, `${DOC_SHOTS}/student-card-es-320.png`);
    }
  });
});
