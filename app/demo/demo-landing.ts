import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../app-context.js';
import { findTenantBySlug } from '../../store/index.js';
import { WIDGET_TITLES, type WidgetName } from '../../lti/index.js';
import { DEMO_TENANT, demoProgress } from './seed-demo.js';
import { demoSkyward } from './demo-skyward-step.js';

/** Where the demo's front page lives; mounted only when the demo is enabled. */
export const demoLandingPath = '/demo';

/** What each role can open, in the order a visitor should try them. */
const ROLE_WIDGETS: Array<{ role: string; label: string; who: string; widgets: WidgetName[] }> = [
  {
    role: 'teacher',
    label: 'Teacher',
    who: 'a teacher launching from their course',
    widgets: ['class-readiness', 'student-card'],
  },
  {
    role: 'counselor',
    label: 'Counselor',
    who: 'a counselor at one high school',
    widgets: ['campus-dashboard', 'ibc-tracker', 'what-if', 'student-card'],
  },
  {
    role: 'campus_admin',
    label: 'Campus administrator',
    who: 'a principal',
    widgets: ['campus-dashboard', 'obm-monitor', 'ibc-tracker', 'what-if'],
  },
  {
    role: 'district_admin',
    label: 'District administrator',
    who: 'the district accountability lead',
    widgets: ['district-dashboard', 'campus-dashboard', 'obm-monitor', 'admin-console'],
  },
  {
    role: 'student',
    label: 'Student',
    who: 'a senior looking at their own record',
    widgets: ['student-card'],
  },
];

interface DistrictFacts {
  campuses: number;
  students: number;
  seniors: number;
  evaluated: number;
  met: number;
  acknowledged: number;
}

async function readDistrictFacts(context: AppContext): Promise<DistrictFacts | undefined> {
  const tenant = await findTenantBySlug(context.db, DEMO_TENANT.slug);
  if (!tenant) return undefined;
  return context.db.withTenant(tenant.id, async (tx) => {
    const row = await tx.one<Record<keyof DistrictFacts, number>>(
      `SELECT
         (SELECT count(*) FROM orgs WHERE org_type = 'school' AND deleted_at IS NULL) AS campuses,
         (SELECT count(*) FROM students) AS students,
         (SELECT count(*) FROM students WHERE grade_level = 12) AS seniors,
         (SELECT count(*) FROM student_results r JOIN students s ON s.person_id = r.person_id
           WHERE s.grade_level = 12) AS evaluated,
         (SELECT count(*) FROM student_results r JOIN students s ON s.person_id = r.person_id
           WHERE s.grade_level = 12 AND r.ccmr_met) AS met,
         (SELECT count(*) FROM skyward_outbox WHERE status = 'acknowledged') AS acknowledged`,
    );
    return row as DistrictFacts;
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderProgress(facts: DistrictFacts | undefined): string {
  if (demoProgress.state === 'failed') {
    return `<p class="notice" role="status">Preparing the demo district failed at step “${escapeHtml(demoProgress.step)}”; the server log says why.</p>`;
  }
  if (demoProgress.state !== 'ready') {
    return (
      `<p class="notice" role="status">Preparing the demo district: step ${demoProgress.completedSteps + 1} ` +
      `of ${demoProgress.totalSteps} (${escapeHtml(demoProgress.step || 'starting')}). This page refreshes by itself.</p>`
    );
  }
  if (!facts) return '';
  const rate = facts.evaluated > 0 ? Math.round((facts.met / facts.evaluated) * 100) : 0;
  return (
    `<ul class="cards">` +
    `<li class="stat"><strong>${facts.campuses}</strong> high schools</li>` +
    `<li class="stat"><strong>${facts.students.toLocaleString('en-US')}</strong> students rostered over OneRoster</li>` +
    `<li class="stat"><strong>${facts.seniors.toLocaleString('en-US')}</strong> seniors, the class of the coming accountability year</li>` +
    `<li class="stat"><strong>${rate}%</strong> of evaluated students CCMR-met</li>` +
    (demoSkyward.isConnected
      ? `<li class="stat"><strong>${facts.acknowledged.toLocaleString('en-US')}</strong> certification records written back to Skyward and acknowledged</li>`
      : '') +
    `</ul>` +
    (demoSkyward.isConnected
      ? ''
      : `<p class="source">The Skyward write-back is not part of this demo: ${escapeHtml(demoSkyward.reason)}.</p>`)
  );
}

function renderRoles(): string {
  const rows = ROLE_WIDGETS.map(({ role, label, who, widgets }) => {
    const links = widgets
      .map(
        (widget) =>
          `<li><a href="/demo/launch/${role}?widget=${widget}">${WIDGET_TITLES[widget]}</a></li>`,
      )
      .join('');
    return `<tr><th scope="row">${label}<br><span class="source">${who}</span></th><td><ul>${links}</ul></td></tr>`;
  }).join('');
  return (
    `<div class="table-wrap"><table><caption>Launch as a person of the demo district</caption>` +
    `<thead><tr><th scope="col">Role</th><th scope="col">Widgets</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/**
 * The demo's front page: what the demo district holds, how far its preparation has come, and a
 * launch link for each role and widget. Each link opens a course page of the demo LMS that frames
 * the tool and launches it over LTI 1.3. Never mounted in production mode.
 */
export function demoRoutes(context: AppContext): Router {
  const router = Router();
  router.get(demoLandingPath, async function showDemoLanding(_req: Request, res: Response) {
    const facts = demoProgress.state === 'ready' ? await readDistrictFacts(context) : undefined;
    const refresh =
      demoProgress.state === 'ready' || demoProgress.state === 'failed'
        ? ''
        : '<meta http-equiv="refresh" content="5">';
    res.setHeader('Cache-Control', 'no-store');
    res
      .type('html')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
          `<meta name="viewport" content="width=device-width, initial-scale=1">${refresh}` +
          `<title>CCMR Readiness demo</title><link rel="stylesheet" href="/static/widgets.css"></head>` +
          `<body><header class="banner"><p class="product">CCMR Readiness</p></header>` +
          `<main id="main"><h1>${escapeHtml(DEMO_TENANT.name)}: a demo district</h1>` +
          `<p class="lede">A generated Texas district with four high schools, rostered through the ` +
          `same OneRoster sync a real district uses, with SAT, ACT, TSIA2, AP, dual credit, ` +
          `certification and enlistment evidence imported through the product's own importers. ` +
          `Every name is made up.</p>` +
          renderProgress(facts) +
          (demoProgress.state === 'ready' ? renderRoles() : '') +
          `<p class="source">Running on the embedded ${escapeHtml(context.db.kind)} database. ` +
          `An LMS administrator installs the tool from ${escapeHtml(context.config.publicUrl)}/lti/register ` +
          `(Dynamic Registration) or ${escapeHtml(context.config.publicUrl)}/lti/manifest.json.</p>` +
          `</main></body></html>`,
      );
  });
  return router;
}
