import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ResourceSource } from '../../privacy/index.js';
import type { TenantTransaction } from '../../store/index.js';
import { listViewerCampuses } from '../sources/campus-list.js';
import { viewerOf } from '../sources/launch-session.js';
import { BadViewInput } from '../errors.js';

/** An id that names no campus, so a viewer with no campus is refused by the policy. */
const NO_CAMPUS = '00000000-0000-0000-0000-000000000000';

const campusQuery = z.object({ campus: z.uuid().optional() });

function campusResource(res: Response, campusOrgId: string) {
  res.locals.campusOrgId = campusOrgId;
  return { kind: 'campus' as const, campusOrgId, tenantId: viewerOf(res).tenantId };
}

function namedCampus(req: Request): string | undefined {
  const parsed = campusQuery.safeParse({ campus: req.query.campus });
  if (!parsed.success) throw new BadViewInput('campus');
  return parsed.data.campus;
}

/**
 * Finds the campus a request is about for the access policy: the `campus` query parameter
 * (no database read: the policy decides on the viewer's scope), else the viewer's first
 * campus. Leaves the choice in `res.locals.campusOrgId` for the handler.
 *
 * @throws BadViewInput (ERR_VIEWS_BAD_INPUT) when `campus` is not an id.
 */
export const resolveCampus: ResourceSource = {
  fromRequest(req: Request, res: Response) {
    const campusOrgId = namedCampus(req);
    return campusOrgId ? campusResource(res, campusOrgId) : undefined;
  },
  async fromDatabase(req: Request, res: Response, tx: TenantTransaction) {
    // The campus list is read only when the request names none: the policy decides either way.
    const campusOrgId =
      namedCampus(req) ?? (await listViewerCampuses(tx, viewerOf(res)))[0]?.orgId ?? NO_CAMPUS;
    return campusResource(res, campusOrgId);
  },
};
