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

/**
 * A resolver that can often name the resource from the request alone (a campus id in the
 * query, the viewer's district). When it can and the policy allows, the guard opens no
 * transaction: the policy decides on the viewer's scope, which the session already holds.
 */
export interface ResourceSource {
  /** The resource when the request alone names it; undefined when the database must be read. */
  fromRequest(req: Request, res: Response): AccessResource | undefined;
  /** The resource read in a transaction of the viewer's district. */
  fromDatabase: ResourceResolver;
}

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
 * Decides a request: without a transaction when the request names its resource and the policy
 * allows; otherwise in the district's transaction, which a refusal's audit also needs.
 */
async function decide(
  context: AccessGuardContext,
  viewer: Viewer,
  action: AccessAction,
  source: ResourceSource,
  req: Request,
  res: Response,
): Promise<AccessDecision> {
  const named = source.fromRequest(req, res);
  const early = named && authorize(viewer, action, named);
  if (early?.allowed) return early;
  return context.db.withTenant(viewer.tenantId, async (tx) => {
    const resource = named ?? (await source.fromDatabase(req, res, tx));
    const outcome = early ?? authorize(viewer, action, resource);
    if (!outcome.allowed) await auditDenial(tx, viewer, action, resource, outcome, context.now());
    return outcome;
  });
}

/**
 * Express middleware that lets a request through only when the access policy allows the viewer
 * (`res.locals.viewer`, set by the LTI session) to perform `action` on the resource the request
 * names. Refusals are audited in the viewer's district, then answered 403. A
 * {@link ResourceSource} that names the resource from the request spares an allowed request
 * the transaction. The decision is left in `res.locals.accessDecision` for the handler.
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
  resourceFrom: ResourceResolver | ResourceSource,
) {
  const source: ResourceSource =
    typeof resourceFrom === 'function'
      ? { fromRequest: () => undefined, fromDatabase: resourceFrom }
      : resourceFrom;
  return async function checkAccess(
    req: Request,
    res: Response,
    next: NextFunction,
  ): Promise<void> {
    const viewer = res.locals.viewer as Viewer | undefined;
    if (!viewer) throw new PrivacyNoViewer();
    const decision = await decide(context, viewer, action, source, req, res);
    if (!decision.allowed) throw new PrivacyForbidden(action, decision.reason);
    res.locals.accessDecision = decision;
    next();
  };
}
