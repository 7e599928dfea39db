import type { AuditEvent } from '../../store/index.js';
import type { Viewer } from '../viewer.js';
import { assertAuthorized } from '../assert-authorized.js';

/**
 * Who files a data request: a district administrator in the tool (with their viewer, checked by
 * the access policy), or an operator on the command line acting on the district's written request.
 */
export interface RequestActor {
  actorType: AuditEvent['actorType'];
  actorId: string | null;
  launchId?: string | null;
  viewer?: Viewer;
}

/**
 * Checks the actor may run data requests for the district (district administrators only).
 * @throws PrivacyForbidden (ERR_PRIVACY_FORBIDDEN) for anyone else in the tool.
 */
export function assertMayRunDataRequest(actor: RequestActor, tenantId: string): void {
  if (actor.viewer)
    assertAuthorized(actor.viewer, 'data_request.run', { kind: 'district', tenantId });
}

/** The audit fields of an actor. */
export function auditActor(actor: RequestActor) {
  return { actorType: actor.actorType, actorId: actor.actorId, launchId: actor.launchId ?? null };
}
