import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { requireLaunchSession, SESSION_QUERY_PARAM, sessionUrl } from '../../lti/index.js';
import type { Viewer } from '../../privacy/index.js';
import { NoLaunchSession } from '../errors.js';

function checkViewer(_req: Request, res: Response, next: NextFunction): void {
  if (!res.locals.viewer) throw new NoLaunchSession();
  next();
}

/**
 * The steps that establish who is looking before any widget runs: the LTI launch session
 * (cookie, `ls` query parameter or bearer token; sets `res.locals.viewer`), then a check that
 * a viewer was indeed set.
 *
 * @throws LtiError ERR_LTI_SESSION_REQUIRED / ERR_LTI_SESSION_EXPIRED (401) without a session;
 *   NoLaunchSession (ERR_VIEWS_NO_SESSION, 401) if the session carried no viewer.
 */
export const requireViewer: RequestHandler[] = [requireLaunchSession, checkViewer];

/**
 * The viewer of a request that passed {@link requireViewer}.
 *
 * @param res - the response whose locals hold the viewer.
 * @returns the viewer.
 * @throws NoLaunchSession when none is set.
 */
export function viewerOf(res: Response): Viewer {
  const viewer = res.locals.viewer as Viewer | undefined;
  if (!viewer) throw new NoLaunchSession();
  return viewer;
}

/**
 * A function that turns an in-tool path into a link or form action that keeps the launch
 * session (cookie-less launches carry a short-lived token in the query).
 *
 * @param res - the response of the current request.
 * @returns a path builder.
 */
export function sessionUrlBuilder(res: Response): (path: string) => string {
  return (path: string) => sessionUrl(res, path);
}

/**
 * Hidden fields that keep the launch session on a GET form (a GET form replaces the query of
 * its action, so the token `sessionUrl` would add must travel as a field instead). Empty for
 * cookie sessions.
 *
 * @param res - the response of the current request.
 * @returns name/value pairs for hidden inputs.
 */
export function sessionFieldsOf(res: Response): Array<{ name: string; value: string }> {
  const token = res.locals.sessionToken;
  if (res.locals.sessionTransport !== 'query' || typeof token !== 'string') return [];
  return [{ name: SESSION_QUERY_PARAM, value: token }];
}
