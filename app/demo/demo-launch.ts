import { Router, type Express, type Request, type Response } from 'express';
import type { AppContext } from '../app-context.js';
import type { ViewerRole } from '../../privacy/index.js';
import { findTenantBySlug } from '../../store/index.js';
import { isWidgetName, toolUrlsFor } from '../../lti/index.js';
import { DEMO_TENANT } from './seed-demo.js';
import { DEMO_PLATFORM, demoPlatformUrl } from './demo-launch-step.js';
import { pickDemoPerson } from './demo-launch-people.js';

/** The demo's "Try a launch" page. */
export const demoLaunchPath = '/demo/launch';

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';
const DEMO_ROLES: Array<{ role: Exclude<ViewerRole, 'none'>; label: string; ltiRoles: string[] }> =
  [
    { role: 'teacher', label: 'Teacher', ltiRoles: [`${LIS}membership#Instructor`] },
    { role: 'counselor', label: 'Counselor', ltiRoles: [`${LIS}institution/person#Mentor`] },
    {
      role: 'campus_admin',
      label: 'Campus administrator',
      ltiRoles: [`${LIS}institution/person#Administrator`],
    },
    {
      role: 'district_admin',
      label: 'District administrator',
      ltiRoles: [`${LIS}system/person#Administrator`],
    },
    { role: 'student', label: 'Student', ltiRoles: [`${LIS}membership#Learner`] },
  ];

type Platform = import('../../test/peers/lti-platform/lti-platform.js').LtiPlatformPeer;

/**
 * Mounts the in-repo LTI platform under /demo/platform and the "Try a launch" page, which opens
 * the platform's course page framing the tool, launched as a real person of the demo roster.
 * Mounted only when the demo is enabled (never in production: config refuses DEMO there).
 */
export async function mountDemoLaunchRoutes(app: Express, context: AppContext): Promise<void> {
  if (!context.config.demo) return;
  // Loaded only in demo mode: the platform is a test peer, never part of production.
  const { LtiPlatformPeer } = await import('../../test/peers/lti-platform/lti-platform.js');
  const platform = new LtiPlatformPeer();
  const urls = toolUrlsFor(context.config.publicUrl);
  app.use(DEMO_PLATFORM.path, platform.attach(demoPlatformUrl(context)));
  platform.addClient({
    clientId: DEMO_PLATFORM.clientId,
    deploymentId: DEMO_PLATFORM.deploymentId,
    loginUrl: urls.login,
    redirectUris: [urls.launch],
    jwksUrl: urls.jwks,
  });
  const router = Router();
  router.get(demoLaunchPath, showLaunchChoices);
  router.get(`${demoLaunchPath}/:role`, launchAs(context, platform));
  app.use(router);
}

function showLaunchChoices(_req: Request, res: Response): void {
  const items = DEMO_ROLES.map(
    ({ role, label }) =>
      `<li><a href="${demoLaunchPath}/${role}">${label}</a> · ` +
      `<a href="${demoLaunchPath}/${role}?widget=launch-summary">launch summary</a></li>`,
  ).join('');
  res
    .type('html')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Try a launch</title></head>` +
        `<body><main><h1>Try a launch</h1><p>Each link opens a course page of the demo LMS with ` +
        `CCMR Readiness inside it, launched over LTI 1.3 as a person of the demo district.</p>` +
        `<ul>${items}</ul></main></body></html>`,
    );
}

function launchAs(context: AppContext, platform: Platform) {
  return async function redirectToCoursePage(req: Request, res: Response): Promise<void> {
    const choice = DEMO_ROLES.find((candidate) => candidate.role === req.params.role);
    const tenant = await findTenantBySlug(context.db, DEMO_TENANT.slug);
    if (!choice || !tenant) {
      res.status(404).type('text').send('unknown role, or the demo district is not ready yet');
      return;
    }
    const person = await pickDemoPerson(context, tenant.id, choice.role);
    const urls = toolUrlsFor(context.config.publicUrl);
    const widget = isWidgetName(req.query.widget) ? { widget: req.query.widget } : undefined;
    const { launch } = platform.prepareLaunch({
      user: {
        sub: `demo-${choice.role}-${person?.personId ?? 'unknown'}`,
        personSourcedId: person?.sourcedId,
      },
      roles: choice.ltiRoles,
      messageType: 'LtiResourceLinkRequest',
      clientId: DEMO_PLATFORM.clientId,
      deploymentId: DEMO_PLATFORM.deploymentId,
      targetLinkUri: urls.launch,
      context: { id: person?.classSourcedId ?? 'demo-course', title: 'Demo course' },
      custom: widget,
    });
    res.redirect(302, platform.coursePageUrl(launch, urls.login));
  };
}
