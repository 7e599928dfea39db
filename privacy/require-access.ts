import type { NextFunction, Request, Response } from 'express';
import { appendAudit, type Database, type TenantTransaction } from '../store/index.js';
import type { Viewer } from './viewer.js';
import type { AccessAction, AccessDecision, AccessResource } from './access-resource.js';
import { authorize } from './access-policy.js';
import { PrivacyForbidden, PrivacyNoViewer } from './errors.js';

/** What the guard needs from the application context (the AppContext satisfies it). */
export interface AccessGuardContext {
  readonly db: Database;
  readonly now: () => Date;
}

/**
 * Finds what a request is aimed at. Runs in a transaction of the viewer's district, so it can
 * load a student's campus and classes (see `loadStudentResource`).
 */
export type ResourceResolver = (
  req: Request,
  res: Response,
  tx: TenantTransaction,
) => AccessResource | Promise<AccessResource>;

/** Records a refusal in the district's audit trail (checklist R23: authorization denials). */
async function auditDenial(
  tx: TenantTransaction,
  viewer: Viewer,
  action: AccessAction,
  resource: AccessResource,
  decision: AccessDecision,
  now: Date,
): Promise<void> {
  await appendAudit(
    tx,
    {
      actorType: 'user',
      actorId: viewer.personId,
      action: 'access.denied',
      resourceType: resource.kind,
      resourceId: resource.kind === 'student' ? resource.personId : null,
      launchId: viewer.launchId,
      outcome: 'denied',
      detail: { requested: action, reason: decision.reason, role: viewer.role },
    },
    now,
  );
}

/**
 * Express middleware that lets a request through only when the access policy allows the viewer
 * (`res.locals.viewer`, set by the LTI session) to perform `action` on the resource the request
 * names. Refusals are audited in the viewer's district, then answered 403. The decision is left
 * in `res.locals.accessDecision` for the handler.
 * @param context the database and the clock.
 * @param action the action the route performs.
 * @param resourceFrom finds the resource from the request.
 * @returns a named middleware.
 * @throws PrivacyNoViewer (ERR_PRIVACY_NO_VIEWER, 401) without a session;
 *   PrivacyForbidden (ERR_PRIVACY_FORBIDDEN, 403) when refused.
 */
export function requireAccess(
  context: AccessGuardContext,
  action: AccessAction,
  resourceFrom: ResourceResolver,
) {
  return async function checkAccess(
    req: Request,
    res: Response,
    next: NextFunction,
  ): Promise<void> {
    const viewer = res.locals.viewer as Viewer | undefined;
    if (!viewer) throw new PrivacyNoViewer();
    const decision = await context.db.withTenant(viewer.tenantId, async (tx) => {
      const resource = await resourceFrom(req, res, tx);
      const outcome = authorize(viewer, action, resource);
      if (!outcome.allowed) await auditDenial(tx, viewer, action, resource, outcome, context.now());
      return outcome;
    });
    if (!decision.allowed) throw new PrivacyForbidden(action, decision.reason);
    res.locals.accessDecision = decision;
    next();
  };
}
