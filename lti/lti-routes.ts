import express, { Router, type Express, type Request, type Response } from 'express';
import { fileURLToPath } from 'node:url';
import type { LtiHost } from './lti-host.js';
import { LtiTool } from './lti-tool.js';
import { handleLoginInitiation } from './login-route.js';
import { handleLaunch, handleLaunchResume } from './launch-route.js';
import { handleDynamicRegistration } from './registration-route.js';
import { returnDeepLink, showWidgetPicker } from './deep-link-routes.js';
import { showLaunchSummary } from './launch-summary-route.js';
import { requireLaunchSession } from './session-middleware.js';
import { fillManifest } from './tool-manifest.js';

// Limitation: the TypeScript build does not copy these static files; a compiled deployment
// must ship lti/assets beside dist/lti (the tsx-run product serves them from the source tree).
const ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

/**
 * Mounts the LTI endpoints (`/lti/register`, `/lti/login`, `/lti/launch`, `/lti/jwks`,
 * `/lti/manifest.json`, deep linking, assets) and `/widgets/launch-summary`. Makes sure the tool
 * has a signing key and feeds the registered platforms' origins to the CSP.
 * @param app the Express application.
 * @param host the application context.
 * @returns the tool, for callers (CLI, demo) that need its services.
 */
export async function mountLtiRoutes(app: Express, host: LtiHost): Promise<LtiTool> {
  const tool = new LtiTool(host);
  await tool.toolKeys.ensureKey(host.now());
  await tool.refreshPlatformOrigins();
  app.locals.ltiTool = tool;

  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 20 });
  router.use('/lti/assets', express.static(ASSETS_DIR, { fallthrough: false, maxAge: '1h' }));
  router.get('/lti/jwks', serveJwks(tool));
  router.get('/lti/manifest.json', serveManifest(tool));
  router.get('/lti/register', handleDynamicRegistration(tool));
  router.get('/lti/login', handleLoginInitiation(tool));
  router.post('/lti/login', form, handleLoginInitiation(tool));
  router.post('/lti/launch', form, handleLaunch(tool));
  router.post('/lti/launch/resume', form, handleLaunchResume(tool));
  router.get('/lti/deep-link', requireLaunchSession, showWidgetPicker(tool));
  router.post('/lti/deep-link', form, requireLaunchSession, returnDeepLink(tool));
  router.get('/widgets/launch-summary', requireLaunchSession, showLaunchSummary);
  app.use(router);
  return tool;
}

function serveJwks(tool: LtiTool) {
  return async function sendToolJwks(_req: Request, res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(await tool.toolKeys.publishedKeys(tool.now()));
  };
}

function serveManifest(tool: LtiTool) {
  return function sendManifest(_req: Request, res: Response): void {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(fillManifest(tool.urls.origin));
  };
}
