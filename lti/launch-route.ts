import type { Request, Response } from 'express';
import { IFRAME_COOKIE } from './iframe-cookie.js';
import { z } from 'zod';
import type { LtiTool } from './lti-tool.js';
import {
  readLaunchRouting,
  stashPendingToken,
  type LaunchRouting,
  type LoginState,
} from './login-states.js';
import type { Registration } from './registrations.js';
import { validateLaunch, type LaunchTrace } from './launch-validator.js';
import { readCookie, SESSION_COOKIE, SESSION_QUERY_PARAM } from './session-middleware.js';
import { stateCookieName } from './login-route.js';
import { completeLaunch } from './complete-launch.js';
import type { SessionTransport } from './launch-sessions.js';
import { renderPage } from './html-page.js';
import { answerRejection } from './rejections.js';
import { LtiError } from './errors.js';

const LAUNCH_BODY = z.object({
  id_token: z.string().max(65536).optional(),
  state: z.string().max(512).optional(),
  lti_storage_target: z.string().max(255).optional(),
});

const RESUME_BODY = z.object({
  state: z.string().max(512),
  stored_state: z.string().max(512),
  stored_nonce: z.string().max(512),
});

/**
 * Creates the handler of the launch (`POST /lti/launch`, the redirect_uri): binds the state to
 * the browser by its cookie, or, with cookies blocked and platform storage offered, keeps the
 * token and asks the browser to prove the state from platform storage first.
 */
export function handleLaunch(tool: LtiTool) {
  return async function receiveLaunch(req: Request, res: Response): Promise<void> {
    const trace: LaunchTrace & { registrationId?: string } = {};
    try {
      const body = LAUNCH_BODY.parse(req.body ?? {});
      const state = requireState(body.state);
      const idToken = requireToken(body.id_token);
      const routing = await readLaunchRouting(tool.host.db, state, tool.now());
      const { loginState, registration } = routing;
      trace.registrationId = registration.id;

      if (isStateCookieBound(req, state)) {
        await finishLaunch(tool, res, { idToken, routing, transport: 'cookie' }, trace);
        return;
      }
      if (!loginState.usesPlatformStorage && body.lti_storage_target === undefined) {
        throw new LtiError(
          'ERR_LTI_STATE_MISMATCH',
          'this launch was not started in this browser',
          { status: 401 },
        );
      }
      await stashPendingToken(tool.host.db, state, idToken);
      sendStorageProofPage(res, loginState, registration, body.lti_storage_target ?? '_parent');
    } catch (error) {
      if (!(await answerRejection(tool, res, error, rejectionAudit(trace)))) throw error;
    }
  };
}

/**
 * Creates the handler of `POST /lti/launch/resume`: the browser sends back the state and nonce
 * it read from platform storage (standards §1.8); matching them binds the state to this browser,
 * and the kept token is validated as any other.
 */
export function handleLaunchResume(tool: LtiTool) {
  return async function resumeLaunch(req: Request, res: Response): Promise<void> {
    const trace: LaunchTrace & { registrationId?: string } = {};
    try {
      const parsed = RESUME_BODY.safeParse(req.body ?? {});
      if (!parsed.success)
        throw new LtiError('ERR_LTI_STATE_MISSING', 'the launch lost its state', { status: 401 });
      const { state, stored_state: storedState, stored_nonce: storedNonce } = parsed.data;
      const routing = await readLaunchRouting(tool.host.db, state, tool.now());
      const { loginState, registration } = routing;
      trace.registrationId = registration.id;
      if (storedState !== state || storedNonce !== loginState.nonce || !loginState.pendingIdToken) {
        throw new LtiError(
          'ERR_LTI_STATE_MISMATCH',
          'this launch was not started in this browser',
          { status: 401 },
        );
      }
      const idToken = loginState.pendingIdToken;
      await finishLaunch(tool, res, { idToken, routing, transport: 'query' }, trace);
    } catch (error) {
      if (!(await answerRejection(tool, res, error, rejectionAudit(trace)))) throw error;
    }
  };
}

function rejectionAudit(trace: LaunchTrace & { registrationId?: string }) {
  return {
    action: 'lti.launch.rejected',
    tenantId: trace.tenantId,
    registrationId: trace.registrationId,
  };
}

function requireState(state: string | undefined): string {
  if (!state)
    throw new LtiError('ERR_LTI_STATE_MISSING', 'the launch has no state', { status: 401 });
  return state;
}

function requireToken(idToken: string | undefined): string {
  if (!idToken)
    throw new LtiError('ERR_LTI_MALFORMED_TOKEN', 'the launch has no id_token', { status: 401 });
  return idToken;
}

// Security Framework §7.3.1: the state cookie set at login proves this browser started it.
function isStateCookieBound(req: Request, state: string): boolean {
  return readCookie(req, stateCookieName(state)) === state;
}

async function finishLaunch(
  tool: LtiTool,
  res: Response,
  input: { idToken: string; routing: LaunchRouting; transport: SessionTransport },
  trace: LaunchTrace,
): Promise<void> {
  const { loginState, registration, deployments } = input.routing;
  const verified = await validateLaunch(
    tool.platformKeys,
    {
      idToken: input.idToken,
      loginState,
      registration,
      deployments,
      now: tool.now(),
      mode: tool.mode,
    },
    trace,
  );
  const opened = await completeLaunch(tool, verified, {
    state: loginState.state,
    registration,
    transport: input.transport,
  });
  res.clearCookie(stateCookieName(loginState.state), { ...IFRAME_COOKIE, path: '/lti/' });
  res.locals.tenantId = verified.tenantId;
  res.locals.log?.info({
    event: 'lti.launch.accepted',
    tenantId: verified.tenantId,
    launchId: opened.sessionId,
    role: opened.role,
  });
  const next = new URL(opened.path, 'http://tool.invalid');
  if (input.transport === 'cookie') {
    res.cookie(SESSION_COOKIE, opened.token, { ...IFRAME_COOKIE, path: '/' });
  } else {
    next.searchParams.set(SESSION_QUERY_PARAM, opened.token);
  }
  res.redirect(303, `${next.pathname}${next.search}`);
}

function sendStorageProofPage(
  res: Response,
  loginState: LoginState,
  registration: Registration,
  target: string,
): void {
  res.setHeader('Cache-Control', 'no-store');
  res.type('html').send(
    renderPage({
      title: 'Opening CCMR Readiness',
      bodyHtml:
        '<p>Opening CCMR Readiness…</p>' +
        '<form id="lti-resume" method="post" action="/lti/launch/resume">' +
        `<input type="hidden" name="state" value=""><input type="hidden" name="stored_state" value="">` +
        `<input type="hidden" name="stored_nonce" value=""></form>`,
      scripts: ['/lti/assets/platform-storage.js', '/lti/assets/storage-launch.js'],
      data: {
        state: loginState.state,
        nonce: loginState.nonce,
        'platform-origin': new URL(registration.authUrl).origin,
        'storage-target': target,
      },
    }),
  );
}
