import type { Viewer } from '../privacy/index.js';
import type { LtiTool } from './lti-tool.js';
import type { VerifiedLaunch } from './launch-claims.js';
import type { Registration } from './registrations.js';
import { resolveViewer } from './viewer-resolution.js';
import { openSession, storeLaunch, type SessionTransport } from './launch-sessions.js';
import { chooseWidget } from './widgets.js';
import { normaliseRole, MEMBERSHIP } from './role-vocabulary.js';

/** Where an accepted launch goes next, with its session. */
export interface OpenedLaunch {
  sessionId: string;
  token: string;
  role: Viewer['role'];
  /** `/widgets/<name>` for resource links, `/lti/deep-link` for deep-linking requests. */
  path: string;
}

/**
 * Turns a verified launch into a session: uses the nonce up with the session's opening, then
 * decides who is looking and what they may see, the widget to open, and stores the launch. A
 * teacher whose course is a rostered class the roster does not list them in gets that class
 * only when NRPS (if the platform offers it) lists them as its instructor.
 * @returns the session and the path to redirect to.
 * @throws LtiError ERR_LTI_NONCE_REPLAYED, ERR_LTI_SERVICE_FAILED (NRPS offered but failing)
 */
export async function completeLaunch(
  tool: LtiTool,
  launch: VerifiedLaunch,
  input: { state: string; registration: Registration; transport: SessionTransport },
): Promise<OpenedLaunch> {
  const { db, keys } = tool.host;
  const now = tool.now();
  const { sessionId, token } = await openSession(
    db,
    { state: input.state, tenantId: launch.tenantId, transport: input.transport },
    now,
  );
  const record = (viewer: Omit<Viewer, 'launchId'>) => ({
    launch,
    viewer,
    widget: chooseWidget(launch.targetLinkUri, launch.custom, viewer.role),
    clientId: input.registration.clientId,
    transport: input.transport,
  });

  // One district transaction in the usual case; NRPS, a network call, is made between two.
  const unconfirmed = await db.withTenant(launch.tenantId, async (tx) => {
    const resolved = await resolveViewer(tx, keys, launch);
    if (resolved.unconfirmedContextClass && launch.namesRoleServiceUrl) return resolved;
    if (resolved.unconfirmedContextClass)
      addClass(resolved.viewer, resolved.unconfirmedContextClass);
    await storeLaunch(tx, sessionId, record(resolved.viewer), now);
    return { viewer: resolved.viewer, unconfirmedContextClass: null };
  });
  const { viewer } = unconfirmed;
  if (unconfirmed.unconfirmedContextClass) {
    if (await isListedInstructor(tool, launch, input.registration))
      addClass(viewer, unconfirmed.unconfirmedContextClass);
    await db.withTenant(launch.tenantId, (tx) => storeLaunch(tx, sessionId, record(viewer), now));
  }
  const widget = chooseWidget(launch.targetLinkUri, launch.custom, viewer.role);
  const path =
    launch.messageType === 'LtiDeepLinkingRequest' ? '/lti/deep-link' : `/widgets/${widget}`;
  return { sessionId, token, role: viewer.role, path };
}

function addClass(viewer: Omit<Viewer, 'launchId'>, classSourcedId: string): void {
  viewer.scope.classSourcedIds = [...viewer.scope.classSourcedIds, classSourcedId].sort();
}

async function isListedInstructor(
  tool: LtiTool,
  launch: VerifiedLaunch,
  registration: Registration,
): Promise<boolean> {
  const members = await tool.namesRoles.fetchMembers(
    registration,
    launch.namesRoleServiceUrl!,
    tool.now(),
  );
  const member = members.find((candidate) => candidate.userId === launch.subject);
  return (
    member?.status === 'Active' &&
    member.roles
      .map(normaliseRole)
      .some(
        (role) => role === `${MEMBERSHIP}Instructor` || role.includes('/membership/Instructor#'),
      )
  );
}
