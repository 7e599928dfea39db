import express, { type Express } from 'express';
import type { AppContext } from '../app-context.js';
import { assignRequestContext } from './request-context.js';
import { setSecurityHeaders } from './security-headers.js';
import { handleErrors } from './error-handler.js';
import { mountRoutes } from './routes.js';

/** Builds the Express application: request context, security headers, routes, error exit. */
export async function createWebApp(context: AppContext): Promise<Express> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', context.config.trustProxyHops);
  // Duplicated query parameters arrive as arrays only when a route asks for them (zod rejects).
  app.set('query parser', 'simple');

  app.use(assignRequestContext(context.logger));
  app.use(setSecurityHeaders(context.platformOrigins));
  await mountRoutes(app, context);
  app.use(function notFound(_req, res) {
    res.status(404).setHeader('Cache-Control', 'no-store');
    res.json({ code: 'ERR_HTTP_NOT_FOUND', message: 'no such page', requestId: res.locals.reqId });
  });
  app.use(handleErrors);
  return app;
}
