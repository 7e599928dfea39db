import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import {
  auditRead,
  loadStudentResource,
  requireAccess,
  visibleStudentIds,
} from '../sources/access.js';
import { requireViewer, sessionUrlBuilder, viewerOf } from '../sources/launch-session.js';
import { findStudentPath } from '../sources/readiness-path.js';
import { readRosterSyncStatus } from '../sources/roster-sync-status.js';
import { loadStudentRows } from '../sources/student-rows.js';
import { BadViewInput, StudentNotVisible } from '../errors.js';
import { presentStudentCard } from '../presenters/student-card-presenter.js';
import { sendPage } from '../render/render-page.js';
import { allowWidget } from './widget-access.js';

const cardQuery = z.object({ student: z.uuid().optional() });

/** Staff may pick among this many students on the card's picker. */
const PICKER_LIMIT = 500;

/** The student a card request is about: a learner always sees their own record. */
function targetStudent(req: Request, res: Response): string | null {
  const viewer = viewerOf(res);
  if (viewer.role === 'student') return viewer.personId;
  const parsed = cardQuery.safeParse(req.query);
  if (!parsed.success) throw new BadViewInput('student');
  return parsed.data.student ?? null;
}

/**
 * Routes of the student readiness card: `/widgets/student-card` shows the learner's own card,
 * or for staff a picker of the students in their scope, and `?student=<id>` one student's card
 * after the access policy allows `student.read` on them.
 *
 * @param context - the application context.
 * @returns the router.
 */
export function studentCardRouter(context: AppContext): Router {
  const router = Router();
  const guardStudent = requireAccess(context, 'student.read', async (req, res, tx) => {
    const personId = targetStudent(req, res);
    if (personId === null) throw new StudentNotVisible();
    return loadStudentResource(tx, personId);
  });

  function checkCardAccess(req: Request, res: Response, next: NextFunction) {
    if (targetStudent(req, res) === null && viewerOf(res).role !== 'student') return next();
    return guardStudent(req, res, next);
  }

  router.get(
    '/widgets/student-card',
    requireViewer,
    allowWidget('student-card'),
    checkCardAccess,
    async function showStudentCard(req: Request, res: Response) {
      const viewer = viewerOf(res);
      const personId = targetStudent(req, res);
      const now = context.now();
      const model = await context.db.withTenant(viewer.tenantId, async (tx) => {
        const cipher = await context.keys.cipherFor(tx);
        const sync = await readRosterSyncStatus(tx);
        if (personId === null) {
          const ids = (await visibleStudentIds(tx, viewer)).slice(0, PICKER_LIMIT);
          const rows = await loadStudentRows(tx, ids, cipher);
          await auditRead(tx, viewer, 'student_list', ids, now, { widget: 'student-card' });
          const choices = rows.map((r) => ({ personId: r.personId, displayName: r.displayName }));
          return { sync, card: null, choices, isTruncated: ids.length === PICKER_LIMIT };
        }
        const [row] = await loadStudentRows(tx, [personId], cipher);
        if (!row) throw new StudentNotVisible();
        const path = await findStudentPath(context, tx, row, now.toISOString().slice(0, 10));
        await auditRead(tx, viewer, 'student', [personId], now, { widget: 'student-card' });
        return {
          sync,
          card: presentStudentCard(row, path, viewer.locale),
          choices: [],
          isTruncated: false,
        };
      });
      sendPage(res, {
        widget: 'student-card',
        viewer,
        model: { card: model.card, choices: model.choices, isTruncated: model.isTruncated },
        provenance: { computedAt: model.card?.computedAt ?? null, syncedAt: model.sync.syncedAt },
        sessionUrl: sessionUrlBuilder(res),
      });
    },
  );
  return router;
}
