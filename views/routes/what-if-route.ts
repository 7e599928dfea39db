import { chooseGraduatingClass } from '../presenters/default-class.js';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { runWhatIf, type WhatIfResult } from '../../calculators/index.js';
import type { Viewer } from '../../privacy/index.js';
import type { TenantTransaction } from '../../store/index.js';
import { getCampusSummary } from '../cache/campus-summary-cache.js';
import { auditRead, requireAccess, visibleStudentIds } from '../sources/access.js';
import { requireViewer, sessionUrlBuilder, viewerOf } from '../sources/launch-session.js';
import { readRosterSyncStatus } from '../sources/roster-sync-status.js';
import { asProspectiveGraduate, assembleRecords } from '../sources/student-records.js';
import { loadStudentRows } from '../sources/student-rows.js';
import { BadViewInput } from '../errors.js';
import { presentWhatIf } from '../presenters/what-if-presenter.js';
import {
  evidenceFor,
  WHAT_IF_SCENARIOS,
  type WhatIfScenario,
} from '../presenters/what-if-scenarios.js';
import { sendPage } from '../render/render-page.js';
import { allowWidget } from './widget-access.js';
import { resolveCampus } from './resolve-campus.js';

/** Students offered on the form; a class's not-ready students beyond this are not listed. */
const MAX_CHOICES = 60;

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const planForm = z.object({
  students: z.union([z.uuid().transform((id) => [id]), z.array(z.uuid()).min(1).max(MAX_CHOICES)]),
  scenario: z.enum(WHAT_IF_SCENARIOS),
});

type Plan = { personIds: string[]; scenario: WhatIfScenario };

function readPlan(req: Request): Plan | null {
  if (req.method !== 'POST') return null;
  const parsed = planForm.safeParse(req.body ?? {});
  if (!parsed.success) throw new BadViewInput(String(parsed.error.issues[0]?.path[0] ?? 'form'));
  return { personIds: parsed.data.students, scenario: parsed.data.scenario };
}

async function simulate(
  context: AppContext,
  tx: TenantTransaction,
  classIds: string[],
  graduationYear: number,
  plan: Plan,
): Promise<WhatIfResult> {
  const today = context.now().toISOString().slice(0, 10);
  const records = (await assembleRecords(context, tx, classIds)).map((record) =>
    asProspectiveGraduate(record, graduationYear),
  );
  const add = evidenceFor(plan.scenario, today);
  return runWhatIf(
    records,
    plan.personIds.map((student_id) => ({ student_id, add })),
  );
}

async function planFor(
  context: AppContext,
  tx: TenantTransaction,
  viewer: Viewer,
  req: Request,
  campusOrgId: string,
) {
  const parsedYear = yearQuery.safeParse({ year: req.query.year });
  if (!parsedYear.success) throw new BadViewInput('year');
  const today = context.now().toISOString().slice(0, 10);
  const summary = await getCampusSummary(context, tx, campusOrgId, today);
  const chosenYear = chooseGraduatingClass(summary.classes, parsedYear.data.year, today);
  const chosenClass = summary.classes.find((c) => c.graduationYear === chosenYear);
  if (!chosenClass) return { plan: null, year: null, candidates: [], result: null };
  const visible = new Set(
    await visibleStudentIds(tx, viewer, {
      campusOrgId,
      graduationYear: chosenClass.graduationYear,
    }),
  );
  const notReady = Object.values(chosenClass.groups)
    .flat()
    .filter((id) => visible.has(id));
  const candidates = await loadStudentRows(
    tx,
    notReady.slice(0, MAX_CHOICES),
    await context.keys.cipherFor(tx),
  );
  const plan = readPlan(req);
  if (plan && plan.personIds.some((id) => !visible.has(id))) throw new BadViewInput('students');
  const classIds = (
    await tx.query<{ person_id: string }>(
      'SELECT person_id FROM students WHERE campus_org_id = $1 AND graduation_year = $2',
      [campusOrgId, chosenClass.graduationYear],
    )
  ).map((row) => row.person_id);
  const result = plan
    ? await simulate(context, tx, classIds, chosenClass.graduationYear, plan)
    : null;
  await auditRead(
    tx,
    viewer,
    'student_list',
    candidates.map((c) => c.personId),
    context.now(),
    {
      widget: 'what-if',
      isSimulated: plan !== null,
    },
  );
  return { plan, year: chosenClass.graduationYear, candidates, result };
}

/**
 * The what-if planner: pick students of a graduating class and a hypothetical piece of evidence,
 * and see the change in the campus rate, the component score and the Outcomes Bonus. A plain
 * form POST; nothing is saved (what-if never writes evidence).
 *
 * @param context - the application context.
 * @returns the router.
 */
export function whatIfRouter(context: AppContext): Router {
  const router = Router();
  async function showWhatIf(req: Request, res: Response) {
    const viewer = viewerOf(res);
    const campusOrgId = res.locals.campusOrgId as string;
    const data = await context.db.withTenant(viewer.tenantId, async (tx) => ({
      ...(await planFor(context, tx, viewer, req, campusOrgId)),
      sync: await readRosterSyncStatus(tx),
    }));
    sendPage(res, {
      widget: 'what-if',
      viewer,
      model: presentWhatIf(campusOrgId, data.year, data.candidates, data.plan, data.result),
      provenance: { computedAt: context.now(), syncedAt: data.sync.syncedAt },
      sessionUrl: sessionUrlBuilder(res),
    });
  }
  const guards = [
    requireViewer,
    allowWidget('what-if'),
    requireAccess(context, 'campus.read', resolveCampus),
  ];
  router.get('/widgets/what-if', ...guards, showWhatIf);
  router.post(
    '/widgets/what-if',
    express.urlencoded({ extended: false, limit: '16kb', parameterLimit: MAX_CHOICES + 10 }),
    ...guards,
    showWhatIf,
  );
  return router;
}
