import { Router } from 'express';
import type { AppContext } from '../app-context.js';

/** Where the demo's "Try a launch" page lives; mounted only when the demo is enabled. */
export const demoLandingPath = '/demo';

/**
 * The demo's front page. Areas extend the list of links (launch as each role, widgets) as they
 * come; it is never mounted in production mode.
 */
export function demoRoutes(context: AppContext): Router {
  const router = Router();
  router.get(demoLandingPath, function showDemoLanding(_req, res) {
    res.type('html').send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CCMR Readiness demo</title></head>` +
        `<body><main><h1>CCMR Readiness demo</h1><p>The demo district is ready on the ${context.db.kind} database.</p><p><a href="/demo/launch">Try a launch</a></p></main></body></html>`,
    );
  });
  return router;
}
