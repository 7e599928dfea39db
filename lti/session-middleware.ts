import type { NextFunction, Request, Response } from 'express';
import type { LtiTool } from './lti-tool.js';
import { readLaunch, touchSession } from './launch-sessions.js';
import { LtiError } from './errors.js';

/** The session cookie: sent in LMS iframes only as SameSite=None; Secure. */
export const SESSION_COOKIE = 'ccmr_session';
/** The query parameter carrying the session when cookies are blocked. */
export const SESSION_QUERY_PARAM = 'ls';

/** Reads one cookie from the Cookie header (no parser dependency; values are base64url). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function readSessionToken(req: Request): { token: string; isFromCookie: boolean } | undefined {
  const query = req.query[SESSION_QUERY_PARAM];
  if (typeof query === 'string' && query !== '') return { token: query, isFromCookie: false };
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7), isFromCookie: false };
  const cookie = readCookie(req, SESSION_COOKIE);
  return cookie ? { token: cookie, isFromCookie: true } : undefined;
}

function toolOf(req: Request): LtiTool {
  const tool = req.app.locals.ltiTool as LtiTool | undefined;
  if (!tool) throw new TypeError('requireLaunchSession used before the LTI routes were mounted');
  return tool;
}

/**
 * Middleware for every page behind a launch: finds the session (cookie, `ls` query parameter or
 * bearer header), extends its idle timeout, and sets `res.locals.viewer` (privacy Viewer) and
 * `res.locals.tenantId`. Pages then build links with `sessionUrl`.
 * @throws LtiError ERR_LTI_SESSION_REQUIRED, ERR_LTI_SESSION_EXPIRED (401), through `next`.
 */
export async function requireLaunchSession(
  req: Request,
  res: Response,
  next: NextFunction,
): Promise<void> {
  const tool = toolOf(req);
  const found = readSessionToken(req);
  if (!found)
    throw new LtiError('ERR_LTI_SESSION_REQUIRED', 'open this tool from your course or portal', {
      status: 401,
    });
  const session = await touchSession(tool.host.db, found.token, tool.now());
  // A cookie session's token never belongs in a URL: one seen there was leaked, not handed out.
  if (session.transport === 'cookie' && !found.isFromCookie) {
    throw new LtiError('ERR_LTI_SESSION_REQUIRED', 'open this tool from your course or portal', {
      status: 401,
    });
  }
  const launch = await tool.host.db.withTenant(session.tenantId, (tx) =>
    readLaunch(tx, session.sessionId),
  );
  res.locals.tenantId = session.tenantId;
  res.locals.viewer = launch.viewer;
  res.locals.launch = launch;
  res.locals.sessionToken = found.token;
  res.locals.sessionTransport = session.transport;
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * A link or form action inside the tool that keeps the launch session: when cookies are blocked
 * the short-lived session token rides in the `ls` query parameter; otherwise the path is
 * returned unchanged.
 * @param res the response of a request that passed requireLaunchSession.
 * @param path an absolute path of the tool, e.g. `/widgets/class-readiness?campus=…`.
 * @returns the URL to put in href or action.
 */
export function sessionUrl(res: Response, path: string): string {
  if (res.locals.sessionTransport !== 'query' || typeof res.locals.sessionToken !== 'string')
    return path;
  const url = new URL(path, 'http://tool.invalid');
  url.searchParams.set(SESSION_QUERY_PARAM, res.locals.sessionToken);
  return `${url.pathname}${url.search}${url.hash}`;
}
