import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../../app/app-context.js';
import { appendAudit } from '../../store/index.js';
import { requireAccess } from '../sources/access.js';
import { listViewerCampuses } from '../sources/campus-list.js';
import { requireViewer, sessionUrlBuilder, viewerOf } from '../sources/launch-session.js';
import { loadObmInputs } from '../sources/obm-inputs.js';
import { readRosterSyncStatus } from '../sources/roster-sync-status.js';
import { presentObmMonitor } from '../presenters/obm-monitor-presenter.js';
import { sendPage } from '../render/render-page.js';
import { allowWidget } from './widget-access.js';
import { resolveCampus } from './resolve-campus.js';

/**
 * The ECHS / P-TECH monitor: each outcomes-based measure's percentage against its target, by
 * program cohort and designation tier, for one campus. Aggregates only, audited as a read.
 *
 * @param context - the application context.
 * @returns the router.
 */
export function obmMonitorRouter(context: AppContext): Router {
  const router = Router();
  router.get(
    '/widgets/obm-monitor',
    requireViewer,
    allowWidget('obm-monitor'),
    requireAccess(context, 'campus.read', resolveCampus),
    async function showObmMonitor(_req: Request, res: Response) {
      const viewer = viewerOf(res);
      const campusOrgId = res.locals.campusOrgId as string;
      const data = await context.db.withTenant(viewer.tenantId, async (tx) => {
        const cohorts = await loadObmInputs(tx, campusOrgId);
        const campuses = await listViewerCampuses(tx, viewer);
        await appendAudit(
          tx,
          {
            actorType: 'user',
            actorId: viewer.personId,
            action: 'obm_summary.read',
            resourceType: 'campus_summary',
            resourceId: campusOrgId,
            launchId: viewer.launchId,
            detail: { role: viewer.role, widget: 'obm-monitor', cohorts: cohorts.length },
          },
          context.now(),
        );
        const newest = await tx.one<{ at: Date | null }>(
          `SELECT max(r.computed_at) AS at FROM student_results r
             JOIN students s ON s.tenant_id = r.tenant_id AND s.person_id = r.person_id
            WHERE s.campus_org_id = $1`,
          [campusOrgId],
        );
        return {
          cohorts,
          campuses,
          computedAt: newest?.at ?? null,
          sync: await readRosterSyncStatus(tx),
        };
      });
      sendPage(res, {
        widget: 'obm-monitor',
        viewer,
        model: presentObmMonitor(data.campuses, campusOrgId, data.cohorts),
        provenance: { computedAt: data.computedAt, syncedAt: data.sync.syncedAt },
        sessionUrl: sessionUrlBuilder(res),
      });
    },
  );
  return router;
}
