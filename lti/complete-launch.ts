import type { Viewer } from '../privacy/index.js';
import type { LtiTool } from './lti-tool.js';
import type { VerifiedLaunch } from './launch-claims.js';
import type { Registration } from './registrations.js';
import { resolveViewer } from './viewer-resolution.js';
import { openLaunchSession, type SessionTransport } from './launch-sessions.js';
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
 * Turns a verified launch into a session: who is looking and what they may see, the widget to
 * open, and the stored launch. A teacher whose course is a rostered class the roster does not
 * list them in gets that class only when NRPS (if the platform offers it) lists them as its
 * instructor.
 * @returns the session and the path to redirect to.
 * @throws LtiError ERR_LTI_SERVICE_FAILED when NRPS is offered but unreachable.
 */
export async function completeLaunch(
  tool: LtiTool,
  launch: VerifiedLaunch,
  registration: Registration,
  transport: SessionTransport,
): Promise<OpenedLaunch> {
  const { db, keys } = tool.host;
  const now = tool.now();
  const { viewer, unconfirmedContextClass } = await db.withTenant(launch.tenantId, (tx) =>
    resolveViewer(tx, keys, launch),
  );
  if (unconfirmedContextClass && (await isConfirmedInstructor(tool, launch, registration))) {
    viewer.scope.classSourcedIds = [
      ...viewer.scope.classSourcedIds,
      unconfirmedContextClass,
    ].sort();
  }
  const widget = chooseWidget(launch.targetLinkUri, launch.custom, viewer.role);
  const { sessionId, token } = await openLaunchSession(
    db,
    { launch, viewer, widget, clientId: registration.clientId, transport },
    now,
  );
  const path =
    launch.messageType === 'LtiDeepLinkingRequest' ? '/lti/deep-link' : `/widgets/${widget}`;
  return { sessionId, token, role: viewer.role, path };
}

// Without NRPS the signed launch itself says the user is an instructor of this context.
async function isConfirmedInstructor(
  tool: LtiTool,
  launch: VerifiedLaunch,
  registration: Registration,
): Promise<boolean> {
  if (!launch.namesRoleServiceUrl) return true;
  const members = await tool.namesRoles.fetchMembers(
    registration,
    launch.namesRoleServiceUrl,
    tool.now(),
  );
  const member = members.find((candidate) => candidate.userId === launch.subject);
  return (
    member?.status === 'Active' &&
    member.roles
      .map(normaliseRole)
      .some(
        (role) =>
          role.startsWith(`${MEMBERSHIP}Instructor`) || role.includes('/membership/Instructor#'),
      )
  );
}
