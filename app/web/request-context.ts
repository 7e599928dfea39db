import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

/** What every request carries in `res.locals`, set by this middleware and the LTI session. */
export interface RequestLocals {
  reqId: string;
  log: Logger;
  /** Internal id of the district once a session or launch has established it. */
  tenantId?: string;
}

/**
 * Gives each request its own id and child logger, and logs one line when it finishes. The id is
 * always generated here: an incoming X-Request-Id is not trusted (it could carry anything).
 * Only the route pattern is logged, never the concrete path or its query string.
 */
export function assignRequestContext(logger: Logger) {
  return function requestContext(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    const reqId = randomUUID();
    res.locals.reqId = reqId;
    res.locals.log = logger.child({ reqId });
    res.setHeader('X-Request-Id', reqId);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        event: 'http.request.completed',
        method: req.method,
        // The route pattern, never the concrete path: an unmatched path could carry anything.
        route: req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : '(unmatched)',
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
        tenantId: res.locals.tenantId,
      };
      if (res.statusCode >= 500) res.locals.log.error(line);
      else res.locals.log.info(line);
    });
    next();
  };
}
