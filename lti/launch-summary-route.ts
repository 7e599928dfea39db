import type { Request, Response } from 'express';
import type { StoredLaunch } from './launch-sessions.js';
import { sessionUrl } from './session-middleware.js';
import { escapeHtml, renderPage } from './html-page.js';

const ROLE_NAMES: Record<string, string> = {
  teacher: 'Teacher',
  counselor: 'Counselor',
  campus_admin: 'Campus administrator',
  district_admin: 'District administrator',
  student: 'Student',
  none: 'No access to student data',
};

/**
 * `GET /widgets/launch-summary`: what the launch established (role, course, scope sizes), for
 * checking an installation. Shows no student data.
 */
export function showLaunchSummary(_req: Request, res: Response): void {
  const launch = res.locals.launch as StoredLaunch;
  const { viewer } = launch;
  const course = launch.context.title ?? launch.context.label ?? 'none';
  res.type('html').send(
    renderPage({
      title: 'CCMR Readiness: launch summary',
      lang: viewer.locale,
      bodyHtml:
        `<h1>CCMR Readiness</h1><dl>` +
        `<dt>Role</dt><dd id="viewer-role" data-role="${escapeHtml(viewer.role)}">${escapeHtml(ROLE_NAMES[viewer.role] ?? viewer.role)}</dd>` +
        `<dt>Course</dt><dd id="launch-context">${escapeHtml(course)}</dd>` +
        `<dt>Known to the roster</dt><dd id="viewer-known">${viewer.personId ? 'yes' : 'no'}</dd>` +
        `<dt>Classes in scope</dt><dd id="scope-classes">${viewer.scope.classSourcedIds.length}</dd>` +
        `<dt>Campuses in scope</dt><dd id="scope-campuses">${viewer.scope.campusOrgIds.length}</dd>` +
        `</dl><p><a id="refresh-link" href="${escapeHtml(sessionUrl(res, '/widgets/launch-summary'))}">Refresh</a></p>`,
    }),
  );
}
