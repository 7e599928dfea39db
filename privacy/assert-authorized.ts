import type { Viewer } from './viewer.js';
import type { AccessAction, AccessDecision, AccessResource } from './access-resource.js';
import { authorize } from './access-policy.js';
import { PrivacyForbidden } from './errors.js';

/**
 * Checks an action against the access policy and throws when it is refused.
 * @param viewer who is asking.
 * @param action what they want to do.
 * @param resource what it is aimed at.
 * @returns the (allowing) decision.
 * @throws PrivacyForbidden (ERR_PRIVACY_FORBIDDEN, HTTP 403) carrying the policy reason.
 */
export function assertAuthorized(
  viewer: Viewer,
  action: AccessAction,
  resource: AccessResource,
): AccessDecision {
  const decision = authorize(viewer, action, resource);
  if (!decision.allowed) throw new PrivacyForbidden(action, decision.reason);
  return decision;
}
