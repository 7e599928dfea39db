import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { appendAudit } from '../../store/index.js';
import { requireAccess, type ResourceSource } from '../sources/access.js';
import { listDistrictRegistrations, readAdminOverview } from '../sources/admin-overview.js';
import { searchAuditLog } from '../sources/audit-search.js';
import { requireViewer, sessionUrlBuilder, viewerOf } from '../sources/launch-session.js';
import { BadViewInput } from '../errors.js';
import { sendPage } from '../render/render-page.js';
import { allowWidget } from './widget-access.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const auditQuery = z.object({
  action: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[a-z_.]{1,60}$/)
      .optional(),
  ),
  subject: z.preprocess(emptyAsUndefined, z.uuid().optional()),
  from: z.preprocess(emptyAsUndefined, isoDate.optional()),
  to: z.preprocess(emptyAsUndefined, isoDate.optional()),
});

function districtResourceOf() {
  return { kind: 'district' as const };
}

/** The resource is the viewer's district: the request alone names it. */
const districtResource: ResourceSource = {
  fromRequest: districtResourceOf,
  fromDatabase: districtResourceOf,
};

/**
 * The admin console: OneRoster connection and sync runs, Skyward connection and failed
 * deliveries, LTI registrations, role mapping, audit log search and data requests. Read only;
 * changes go through the `ccmr` commands. The search itself is audited.
 *
 * @param context - the application context.
 * @returns the router.
 */
export function adminConsoleRouter(context: AppContext): Router {
  const router = Router();
  router.get(
    '/widgets/admin-console',
    requireViewer,
    allowWidget('admin-console'),
    requireAccess(context, 'admin.read', districtResource),
    async function showAdminConsole(req: Request, res: Response) {
      const parsed = auditQuery.safeParse(req.query);
      if (!parsed.success)
        throw new BadViewInput(String(parsed.error.issues[0]?.path[0] ?? 'query'));
      const search = { ...parsed.data, subjectId: parsed.data.subject };
      const isSearching = Object.values(parsed.data).some((v) => v !== undefined);
      const viewer = viewerOf(res);
      const registrations = await listDistrictRegistrations(context.db, viewer.tenantId);
      const data = await context.db.withTenant(viewer.tenantId, async (tx) => {
        const overview = await readAdminOverview(tx);
        const events = await searchAuditLog(tx, search);
        await appendAudit(
          tx,
          {
            actorType: 'user',
            actorId: viewer.personId,
            action: isSearching ? 'audit.searched' : 'admin_console.read',
            resourceType: 'district',
            launchId: viewer.launchId,
            detail: { role: viewer.role, results: events.length },
          },
          context.now(),
        );
        return { overview, events };
      });
      const lastRun = data.overview.roster.runs.find((run) => run.state === 'completed');
      sendPage(res, {
        widget: 'admin-console',
        viewer,
        model: {
          ...data.overview,
          registrations,
          events: data.events,
          search: {
            action: parsed.data.action ?? '',
            subject: parsed.data.subject ?? '',
            from: parsed.data.from ?? '',
            to: parsed.data.to ?? '',
          },
        },
        provenance: { computedAt: context.now(), syncedAt: lastRun?.finishedAt ?? null },
        sessionUrl: sessionUrlBuilder(res),
      });
    },
  );
  return router;
}
