import express, { type NextFunction, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../../../app/app-context.js';
import { assignRequestContext } from '../../../app/web/request-context.js';
import { setSecurityHeaders } from '../../../app/web/security-headers.js';
import { handleErrors } from '../../../app/web/error-handler.js';
import type { Viewer, ViewerRole } from '../../../privacy/viewer.js';
import { mountViewRoutes } from '../../../views/index.js';

/** A running widget server whose sessions the test opens directly. */
export interface WidgetHarness {
  url: string;
  /** Opens a session for a viewer and returns the path prefix query carrying it. */
  openSession(viewer: Viewer): string;
  /** A widget URL inside the viewer's session. */
  widgetUrl(session: string, path: string): string;
  stop(): Promise<void>;
}

/** Builds a viewer with empty scope unless given. */
export function makeViewer(
  tenantId: string,
  role: ViewerRole,
  overrides: Partial<Omit<Viewer, 'scope'>> & { scope?: Partial<Viewer['scope']> } = {},
): Viewer {
  return {
    tenantId,
    role,
    personId: overrides.personId ?? null,
    launchId: overrides.launchId ?? randomUUID(),
    locale: overrides.locale ?? 'en',
    scope: {
      campusOrgIds: overrides.scope?.campusOrgIds ?? [],
      classSourcedIds: overrides.scope?.classSourcedIds ?? [],
      caseloadPersonIds: overrides.scope?.caseloadPersonIds ?? [],
    },
  };
}

/**
 * Starts the widget routes on a loopback port behind the product's own request context,
 * security headers and error handler. The viewer is established the way a cookie-less launch
 * session does it: an opaque token in the query, carried by every in-tool link.
 *
 * @param context - the application context.
 * @returns the harness.
 */
export async function startWidgetHarness(context: AppContext): Promise<WidgetHarness> {
  const sessions = new Map<string, Viewer>();
  const app = express();
  app.set('query parser', 'simple');
  app.use(assignRequestContext(context.logger));
  app.use(setSecurityHeaders(context.platformOrigins));
  app.use(function establishSession(req: Request, res: Response, next: NextFunction) {
    const token = typeof req.query.session === 'string' ? req.query.session : undefined;
    const viewer = token ? sessions.get(token) : undefined;
    if (viewer) {
      res.locals.viewer = viewer;
      res.locals.sessionUrl = (path: string) =>
        `${path}${path.includes('?') ? '&' : '?'}session=${encodeURIComponent(token!)}`;
    }
    next();
  });
  mountViewRoutes(app, context);
  app.use(handleErrors);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    openSession(viewer) {
      const token = randomUUID();
      sessions.set(token, viewer);
      return token;
    },
    widgetUrl(session, path) {
      return `${url}${path}${path.includes('?') ? '&' : '?'}session=${session}`;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
