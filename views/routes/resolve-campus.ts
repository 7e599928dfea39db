import type { Request, Response } from 'express';
import { z } from 'zod';
import type { TenantTransaction } from '../../store/index.js';
import { listViewerCampuses } from '../sources/campus-list.js';
import { viewerOf } from '../sources/launch-session.js';
import { BadViewInput } from '../errors.js';

/** An id that names no campus, so a viewer with no campus is refused by the policy. */
const NO_CAMPUS = '00000000-0000-0000-0000-000000000000';

const campusQuery = z.object({ campus: z.uuid().optional() });

/**
 * Finds the campus a request is about for the access policy: the `campus` query parameter, else
 * the viewer's first campus. Leaves the choice in `res.locals.campusOrgId` for the handler.
 *
 * @param req - the request.
 * @param res - the response (holds the viewer).
 * @param tx - a transaction of the viewer's district.
 * @returns a `campus` resource.
 * @throws BadViewInput (ERR_VIEWS_BAD_INPUT) when `campus` is not an id.
 */
export async function resolveCampus(req: Request, res: Response, tx: TenantTransaction) {
  const parsed = campusQuery.safeParse({ campus: req.query.campus });
  if (!parsed.success) throw new BadViewInput('campus');
  // The campus list is read only when the request names none: the policy decides either way.
  const campusOrgId =
    parsed.data.campus ?? (await listViewerCampuses(tx, viewerOf(res)))[0]?.orgId ?? NO_CAMPUS;
  res.locals.campusOrgId = campusOrgId;
  return { kind: 'campus' as const, campusOrgId, tenantId: tx.tenantId };
}
