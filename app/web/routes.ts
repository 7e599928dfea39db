import type { Express } from 'express';
import type { AppContext } from '../app-context.js';
import { healthRoutes } from './health-routes.js';
import { mountRateLimits } from '../../privacy/index.js';
import { demoRoutes } from '../demo/demo-landing.js';
import { mountViewRoutes } from '../../views/index.js';
import { mountLtiRoutes } from '../../lti/index.js';
import { mountDemoLaunchRoutes } from '../demo/demo-launch.js';

/**
 * Every area's HTTP routes. Each area exports a `mount…Routes(app, context)` function and adds
 * one line here; the order matters only where paths overlap.
 */
const mounters: Array<(app: Express, context: AppContext) => void | Promise<void>> = [
  (app) => mountRateLimits(app),
  (app, context) => void app.use(healthRoutes(context)),
  (app, context) => void (context.config.demo && app.use(demoRoutes(context))),
  (app, context) => mountLtiRoutes(app, context).then(() => mountDemoLaunchRoutes(app, context)),
  mountViewRoutes,
];

export async function mountRoutes(app: Express, context: AppContext): Promise<void> {
  for (const mount of mounters) await mount(app, context);
}
