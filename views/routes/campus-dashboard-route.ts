import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { commitAuditEvent } from '../../store/index.js';
import { getCampusSummary } from '../cache/campus-summary-cache.js';
import { auditRead, requireAccess, type Viewer } from '../sources/access.js';
import { readCampusesAtVersion } from '../sources/campus-list.js';
import { loadGapGroupStudents } from '../sources/drill-down.js';
import { requireViewer, sessionUrlBuilder, viewerOf } from '../sources/launch-session.js';
import { readRosterSyncStatus } from '../sources/roster-sync-status.js';
import type { StudentRow } from '../sources/student-rows.js';
import { BadViewInput } from '../errors.js';
import { renderCsv, renderXlsx, type ExportLine } from '../export/student-list-export.js';
import { presentCampusDashboard } from '../presenters/campus-dashboard-presenter.js';
import { chooseGraduatingClass } from '../presenters/default-class.js';
import { GAP_GROUPS, type GapGroup } from '../presenters/gap-group.js';
import { sendPage } from '../render/render-page.js';
import { translate, type Locale } from '../render/string-catalogue.js';
import { allowWidget } from './widget-access.js';
import { resolveCampus } from './resolve-campus.js';

const dashboardQuery = z.object({
  campus: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  group: z.enum(GAP_GROUPS).optional(),
  format: z.enum(['csv', 'xlsx']).optional(),
});

type DashboardQuery = z.infer<typeof dashboardQuery>;

function parseQuery(req: Request): DashboardQuery {
  const parsed = dashboardQuery.safeParse(req.query);
  if (!parsed.success) throw new BadViewInput(String(parsed.error.issues[0]?.path[0] ?? 'query'));
  return parsed.data;
}

function exportLinesOf(rows: StudentRow[], group: GapGroup, locale: Locale): ExportLine[] {
  return rows.map((row) => ({
    name: row.displayName ?? '',
    graduationYear: row.graduationYear,
    status: translate(locale, row.result?.ccmr_met ? 'status.met' : 'status.not-ready'),
    credited: (row.result?.credited_indicators ?? []).join(' '),
    group: translate(locale, `gap.${group}`),
  }));
}

async function sendExport(
  res: Response,
  format: 'csv' | 'xlsx',
  lines: ExportLine[],
  locale: Locale,
) {
  const header = ['name', 'class', 'status', 'credited', 'group'].map((c) =>
    translate(locale, `export.col.${c}`),
  );
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'csv') {
    res.attachment('ccmr-students.csv').type('text/csv; charset=utf-8');
    res.send(renderCsv(header, lines));
    return;
  }
  res.attachment('ccmr-students.xlsx');
  res.send(await renderXlsx(translate(locale, 'export.sheet'), header, lines));
}

/**
 * Records the summary read once the read is done, in a transaction shared with the concurrent
 * reads of the district (the page is answered only once it is committed): a dashboard opened
 * by many staff at once would otherwise queue on the district's audit chain lock.
 */
async function auditSummaryRead(
  context: AppContext,
  viewer: Viewer,
  campusOrgId: string,
  now: Date,
) {
  await commitAuditEvent(
    context.db,
    viewer.tenantId,
    {
      actorType: 'user',
      actorId: viewer.personId,
      action: 'campus_summary.read',
      resourceType: 'campus_summary',
      resourceId: campusOrgId,
      launchId: viewer.launchId,
      detail: { role: viewer.role, widget: 'campus-dashboard' },
    },
    now,
  );
}

/**
 * The campus dashboard: by graduating class the rate met now and projected, the A–F component,
 * the not-ready students grouped by gap, a drill-down list per group and its CSV and XLSX
 * export. Aggregates come from the per-version campus cache; the drill-down and export read
 * names only for the students the viewer may see, and every read is audited.
 *
 * @param context - the application context.
 * @returns the router.
 */
export function campusDashboardRouter(context: AppContext): Router {
  const router = Router();
  router.get(
    '/widgets/campus-dashboard',
    requireViewer,
    allowWidget('campus-dashboard'),
    requireAccess(context, 'campus.read', resolveCampus),
    async function showCampusDashboard(req: Request, res: Response) {
      const viewer = viewerOf(res);
      const query = parseQuery(req);
      const campusOrgId = res.locals.campusOrgId as string;
      const now = context.now();
      const today = now.toISOString().slice(0, 10);
      const data = await context.db.withTenant(viewer.tenantId, async (tx) => {
        const { campuses, resultsVersion } = await readCampusesAtVersion(tx, viewer);
        const summary = await getCampusSummary(context, tx, campusOrgId, today, resultsVersion);
        const chosenYear = chooseGraduatingClass(summary.classes, query.year, today);
        const chosen = summary.classes.find((c) => c.graduationYear === chosenYear);
        let drill: StudentRow[] | null = null;
        if (query.group && chosen) {
          const cipher = await context.keys.cipherFor(tx);
          drill = await loadGapGroupStudents(tx, viewer, campusOrgId, chosen, query.group, cipher);
          const ids = drill.map((row) => row.personId);
          await auditRead(tx, viewer, 'student_list', ids, now, { widget: 'campus-dashboard' });
        }
        return { summary, campuses, drill, sync: await readRosterSyncStatus(tx) };
      });
      await auditSummaryRead(context, viewer, campusOrgId, now);
      if (query.format && query.group && data.drill) {
        await sendExport(
          res,
          query.format,
          exportLinesOf(data.drill, query.group, viewer.locale),
          viewer.locale,
        );
        return;
      }
      const model = presentCampusDashboard(
        data.summary,
        data.campuses,
        chooseGraduatingClass(data.summary.classes, query.year, today),
        query.group ?? null,
        viewer.locale,
      );
      const drill = data.drill?.map((row) => ({
        personId: row.personId,
        displayName: row.displayName,
        credited: row.result?.credited_indicators ?? [],
      }));
      sendPage(res, {
        widget: 'campus-dashboard',
        viewer,
        model: { ...model, campusOrgId, drill: drill ?? null, group: query.group ?? null },
        provenance: { computedAt: data.summary.computedAt, syncedAt: data.sync.syncedAt },
        sessionUrl: sessionUrlBuilder(res),
        // Without a drill-down the page shows the campus's masked aggregates only.
        isReusable: data.drill === null,
      });
    },
  );
  return router;
}
