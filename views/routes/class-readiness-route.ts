import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../../app/app-context.js';
import { assertAuthorized, auditRead, visibleStudentIds } from '../sources/access.js';
import { loadClassInfo } from '../sources/class-titles.js';
import { requireViewer, sessionUrlBuilder, viewerOf } from '../sources/launch-session.js';
import { findStudentPaths } from '../sources/readiness-paths.js';
import { readRosterSyncStatus } from '../sources/roster-sync-status.js';
import { loadStudentRows, newestComputedAt } from '../sources/student-rows.js';
import { presentClassSection } from '../presenters/class-readiness-presenter.js';
import { sendPage } from '../render/render-page.js';
import { allowWidget } from './widget-access.js';

/**
 * The sections to show: the launch's course when the roster knows it as one of the teacher's
 * classes (OneRoster-provisioned LMS courses carry the class sourcedId as their context id),
 * otherwise every class the teacher teaches.
 *
 * Limitation: an LMS course that merges several rostered sections is recognised only when its
 * context id is one of them; otherwise all of the teacher's sections are shown.
 */
function sectionsOfLaunch(res: Response, taught: readonly string[]): string[] {
  const contextId = (res.locals.launch as { context?: { id?: string } } | undefined)?.context?.id;
  return contextId && taught.includes(contextId) ? [contextId] : [...taught];
}

/**
 * The class readiness view: for each section of the launching course (the launch's classes),
 * the students the access policy shows the teacher, each with status and one next step.
 *
 * @param context - the application context.
 * @returns the router.
 */
export function classReadinessRouter(context: AppContext): Router {
  const router = Router();
  router.get(
    '/widgets/class-readiness',
    requireViewer,
    allowWidget('class-readiness'),
    async function showClassReadiness(_req: Request, res: Response) {
      const viewer = viewerOf(res);
      const now = context.now();
      const today = now.toISOString().slice(0, 10);
      const model = await context.db.withTenant(viewer.tenantId, async (tx) => {
        const cipher = await context.keys.cipherFor(tx);
        const sections = [];
        const shown: string[] = [];
        let computedAt: Date | null = null;
        for (const info of await loadClassInfo(
          tx,
          sectionsOfLaunch(res, viewer.scope.classSourcedIds),
        )) {
          assertAuthorized(viewer, 'class.read', {
            kind: 'class',
            classSourcedId: info.sourcedId,
            campusOrgId: info.campusOrgId,
            tenantId: tx.tenantId,
          });
          const ids = await visibleStudentIds(tx, viewer, { classSourcedId: info.sourcedId });
          const rows = await loadStudentRows(tx, ids, cipher);
          const paths = await findStudentPaths(context, tx, rows, today);
          sections.push(presentClassSection(info.title, rows, paths, viewer.locale));
          shown.push(...ids);
          const newest = newestComputedAt(rows);
          if (newest && (!computedAt || newest > computedAt)) computedAt = newest;
        }
        await auditRead(tx, viewer, 'class_roster', shown, now, { widget: 'class-readiness' });
        return { sections, computedAt, sync: await readRosterSyncStatus(tx) };
      });
      sendPage(res, {
        widget: 'class-readiness',
        viewer,
        model: { sections: model.sections },
        provenance: { computedAt: model.computedAt, syncedAt: model.sync.syncedAt },
        sessionUrl: sessionUrlBuilder(res),
      });
    },
  );
  return router;
}
