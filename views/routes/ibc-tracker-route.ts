import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../../app/app-context.js';
import { listCertifications } from '../../integrations/certifications/index.js';
import { schoolYearOf } from '../../integrations/evidence/index.js';
import { getDeliveryStatus } from '../../integrations/skyward/index.js';
import { checkSubmission } from '../../integrations/submission-checks/index.js';
import {
  auditRead,
  requireAccess,
  visibleStudentIds,
  type ResourceSource,
} from '../sources/access.js';
import { requireViewer, sessionUrlBuilder, viewerOf } from '../sources/launch-session.js';
import { readRosterSyncStatus } from '../sources/roster-sync-status.js';
import { loadStudentRows } from '../sources/student-rows.js';
import { presentIbcTracker } from '../presenters/ibc-tracker-presenter.js';
import { sendPage } from '../render/render-page.js';
import { allowWidget } from './widget-access.js';

function ownScopeOf() {
  return { kind: 'own_scope' as const };
}

/** The resource is the viewer's own scope: the request alone names it. */
const ownScope: ResourceSource = { fromRequest: ownScopeOf, fromDatabase: ownScopeOf };

/**
 * The industry-based certification tracker: every certification of the students the viewer may
 * see (earned, exam scheduled, pending, not earned) with its Skyward delivery status, and what
 * the check before this school year's PEIMS submission finds in their records.
 *
 * @param context - the application context.
 * @returns the router.
 */
export function ibcTrackerRouter(context: AppContext): Router {
  const router = Router();
  router.get(
    '/widgets/ibc-tracker',
    requireViewer,
    allowWidget('ibc-tracker'),
    requireAccess(context, 'student.list', ownScope),
    async function showIbcTracker(_req: Request, res: Response) {
      const viewer = viewerOf(res);
      const now = context.now();
      const today = now.toISOString().slice(0, 10);
      const data = await context.db.withTenant(viewer.tenantId, async (tx) => {
        const visible = new Set(await visibleStudentIds(tx, viewer));
        const certifications = (await listCertifications(tx)).filter((c) =>
          visible.has(c.personId),
        );
        const ids = [...new Set(certifications.map((c) => c.personId))];
        const submission = await checkSubmission(
          tx,
          { actorType: 'user', actorId: viewer.personId, launchId: viewer.launchId },
          schoolYearOf(today),
          now,
          ids,
        );
        const rows = await loadStudentRows(tx, ids, await context.keys.cipherFor(tx));
        const deliveries = (await getDeliveryStatus(tx)).filter((d) => visible.has(d.personId));
        await auditRead(tx, viewer, 'certification_list', ids, now, { widget: 'ibc-tracker' });
        return {
          model: presentIbcTracker(
            certifications,
            new Map(rows.map((row) => [row.personId, row.displayName])),
            new Map(deliveries.map((d) => [d.certificationId, d])),
            today,
            submission,
          ),
          computedAt: certifications.reduce<Date | null>(
            (newest, c) => (!newest || c.updatedAt > newest ? c.updatedAt : newest),
            null,
          ),
          sync: await readRosterSyncStatus(tx),
        };
      });
      sendPage(res, {
        widget: 'ibc-tracker',
        viewer,
        model: data.model,
        provenance: { computedAt: data.computedAt, syncedAt: data.sync.syncedAt },
        sessionUrl: sessionUrlBuilder(res),
      });
    },
  );
  return router;
}
