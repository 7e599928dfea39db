/**
 * The LTI 1.3 tool: keys and JWKS, registrations (manual and Dynamic Registration), OIDC login,
 * launch validation, launch sessions (cookie or cookie-less), deep linking, NRPS and role
 * mapping. Other folders import only this file.
 *
 * Views use `requireLaunchSession` (sets res.locals.viewer and res.locals.tenantId) and
 * `sessionUrl(res, path)` for every in-tool link and form action.
 */
export { mountLtiRoutes } from './lti-routes.js';
export {
  requireLaunchSession,
  sessionUrl,
  SESSION_COOKIE,
  SESSION_QUERY_PARAM,
} from './session-middleware.js';
export { LtiTool } from './lti-tool.js';
export type { LtiHost } from './lti-host.js';
export type { StoredLaunch } from './launch-sessions.js';
export { LtiError, isLtiError, type LtiErrorCode } from './errors.js';
export { WIDGETS, WIDGET_TITLES, isWidgetName, type WidgetName } from './widgets.js';
export { registerPlatformManually, type ManualRegistrationInput } from './manual-registration.js';
export {
  addDeployment,
  findRegistration,
  findRegistrationById,
  listPlatformOrigins,
  setRegistrationStatus,
  type Registration,
} from './registrations.js';
export { createRegistrationInvite } from './registration-invites.js';
export { purgeExpiredLaunchState, type LaunchStatePurge } from './purge-expired-launch-state.js';
export { defineLtiJobs, LTI_PURGE_JOB } from './define-lti-jobs.js';
export { mapRoles, setTenantRole, DEFAULT_ROLE_MAP } from './role-mapping.js';
export { ToolKeyStore } from './tool-keys.js';
export { fillManifest } from './tool-manifest.js';
export { toolUrlsFor, type ToolUrls } from './tool-urls.js';
export { CLAIM, NRPS_SCOPE } from './claims.js';
