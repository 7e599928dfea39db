import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { appendAudit } from '../../store/index.js';
import { getCampusSummary } from '../cache/campus-summary-cache.js';
import { requireAccess, type ResourceSource } from '../sources/access.js';
import { listViewerCampuses } from '../sources/campus-list.js';
import { requireViewer, sessionUrlBuilder, viewerOf } from '../sources/launch-session.js';
import { readRosterSyncStatus } from '../sources/roster-sync-status.js';
import { BadViewInput } from '../errors.js';
import { presentDistrictDashboard } from '../presenters/district-dashboard-presenter.js';
import { chooseGraduatingClass } from '../presenters/default-class.js';
import { sendPage } from '../render/render-page.js';
import { allowWidget } from './widget-access.js';

const districtQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

function districtResourceOf() {
  return { kind: 'district' as const };
}

/** The resource is the viewer's district: the request alone names it. */
const districtResource: ResourceSource = {
  fromRequest: districtResourceOf,
  fromDatabase: districtResourceOf,
};

/**
 * The district dashboard: campuses side by side, the Outcomes Bonus estimate in dollars by
 * cohort against its threshold, and the trend over graduating classes. Aggregates only; every
 * view is audited as a district summary read.
 *
 * @param context - the application context.
 * @returns the router.
 */
export function districtDashboardRouter(context: AppContext): Router {
  const router = Router();
  router.get(
    '/widgets/district-dashboard',
    requireViewer,
    allowWidget('district-dashboard'),
    requireAccess(context, 'district.read', districtResource),
    async function showDistrictDashboard(req: Request, res: Response) {
      const parsed = districtQuery.safeParse(req.query);
      if (!parsed.success) throw new BadViewInput('year');
      const viewer = viewerOf(res);
      const now = context.now();
      const today = now.toISOString().slice(0, 10);
      const data = await context.db.withTenant(viewer.tenantId, async (tx) => {
        const district = await getCampusSummary(context, tx, null, today);
        const campuses = [];
        for (const campus of await listViewerCampuses(tx, viewer)) {
          campuses.push({
            ...campus,
            summary: await getCampusSummary(context, tx, campus.orgId, today),
          });
        }
        await appendAudit(
          tx,
          {
            actorType: 'user',
            actorId: viewer.personId,
            action: 'district_summary.read',
            resourceType: 'district_summary',
            launchId: viewer.launchId,
            detail: { role: viewer.role, widget: 'district-dashboard', campuses: campuses.length },
          },
          now,
        );
        return { district, campuses, sync: await readRosterSyncStatus(tx) };
      });
      const model = presentDistrictDashboard(
        data.district,
        data.campuses,
        chooseGraduatingClass(data.district.classes, parsed.data.year, today),
        viewer.locale,
      );
      sendPage(res, {
        widget: 'district-dashboard',
        viewer,
        model,
        provenance: { computedAt: data.district.computedAt, syncedAt: data.sync.syncedAt },
        sessionUrl: sessionUrlBuilder(res),
      });
    },
  );
  return router;
}
