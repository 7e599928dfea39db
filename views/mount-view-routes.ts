import express, { type Express } from 'express';
import { join } from 'node:path';
import type { AppContext } from '../app/app-context.js';
import { locateViewsFolder } from './render/views-folder.js';
import { adminConsoleRouter } from './routes/admin-console-route.js';
import { campusDashboardRouter } from './routes/campus-dashboard-route.js';
import { classReadinessRouter } from './routes/class-readiness-route.js';
import { districtDashboardRouter } from './routes/district-dashboard-route.js';
import { ibcTrackerRouter } from './routes/ibc-tracker-route.js';
import { whatIfRouter } from './routes/what-if-route.js';
import { obmMonitorRouter } from './routes/obm-monitor-route.js';
import { studentCardRouter } from './routes/student-card-route.js';

/**
 * Mounts the widgets' static files (`/static/`, cacheable: they hold no student data) and every
 * widget route. The widget routes expect the launch session middleware to have set
 * `res.locals.viewer`.
 *
 * @param app - the Express application.
 * @param context - the application context.
 */
export function mountViewRoutes(app: Express, context: AppContext): void {
  app.use(
    '/static',
    express.static(join(locateViewsFolder(), 'static'), {
      index: false,
      fallthrough: true,
      maxAge: '1h',
    }),
  );
  app.use(studentCardRouter(context));
  app.use(classReadinessRouter(context));
  app.use(campusDashboardRouter(context));
  app.use(districtDashboardRouter(context));
  app.use(ibcTrackerRouter(context));
  app.use(whatIfRouter(context));
  app.use(obmMonitorRouter(context));
  app.use(adminConsoleRouter(context));
}
