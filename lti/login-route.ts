import type { Request, Response } from 'express';
import { IFRAME_COOKIE } from './iframe-cookie.js';
import { z } from 'zod';
import type { LtiTool } from './lti-tool.js';
import { findRegistration, type Registration } from './registrations.js';
import { createLoginState, type LoginState } from './login-states.js';
import { requireTrustedUrl } from './endpoint-policy.js';
import { renderPage } from './html-page.js';
import { answerRejection } from './rejections.js';
import { LtiError } from './errors.js';

// LTI Core §4.1 / standards §1.1: the parameters of third-party initiated login.
const LOGIN_PARAMS = z.object({
  iss: z.string().min(1).max(1024),
  login_hint: z.string().min(1).max(2048),
  target_link_uri: z.string().min(1).max(2048),
  lti_message_hint: z.string().max(4096).optional(),
  lti_deployment_id: z.string().max(255).optional(),
  client_id: z.string().max(255).optional(),
  lti_storage_target: z.string().max(255).optional(),
});

/** The cookie binding one login's state to the browser (one per login, so tabs do not clash). */
export function stateCookieName(state: string): string {
  return `lti_state_${state.slice(0, 16)}`;
}

/**
 * Creates the handler of OIDC login initiation (GET and POST `/lti/login`): finds the
 * registration, checks the target, stores a state and a CSPRNG nonce, binds the state to the
 * browser with a cookie and, when the platform offers it, platform storage, then sends the
 * browser to the platform's authorization endpoint.
 */
export function handleLoginInitiation(tool: LtiTool) {
  return async function initiateLogin(req: Request, res: Response): Promise<void> {
    let registrationId: string | undefined;
    try {
      const params = parseLoginParams(req);
      // The registration is read, checked, then the state stored: two statements and no
      // transaction, as the state's row is consistent on its own (a registration changing in
      // between is caught at the launch, which reads it again).
      const registration = await findRegistration(tool.host.db, params.iss, params.client_id);
      registrationId = registration.id;
      requireActive(registration);
      requireOwnTarget(tool, params.target_link_uri);
      requireTrustedUrl(registration.authUrl, 'authorization endpoint', tool.mode);
      const loginState = await createLoginState(
        tool.host.db,
        {
          registrationId: registration.id,
          targetLinkUri: params.target_link_uri,
          usesPlatformStorage: params.lti_storage_target !== undefined,
        },
        tool.now(),
      );
      await tool.admitPlatformOrigin(registration, res);
      const authUrl = new URL(registration.authUrl);
      setStateCookie(res, loginState.state);
      const authRequest = buildAuthRequest(tool, registration, params, loginState, authUrl);
      if (params.lti_storage_target === undefined) {
        res.redirect(302, authRequest.toString());
        return;
      }
      sendStorageLoginPage(res, loginState, authRequest, params.lti_storage_target);
    } catch (error) {
      if (
        !(await answerRejection(tool, res, error, { action: 'lti.login.rejected', registrationId }))
      )
        throw error;
    }
  };
}

function parseLoginParams(req: Request) {
  const source = req.method === 'POST' ? { ...req.query, ...(req.body as object) } : req.query;
  const parsed = LOGIN_PARAMS.safeParse(source);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? 'request';
    throw new LtiError('ERR_LTI_BAD_REQUEST', `the login request is missing or has a bad ${field}`);
  }
  return parsed.data;
}

function requireActive(registration: Registration): void {
  if (registration.status !== 'active') {
    throw new LtiError(
      'ERR_LTI_REGISTRATION_INACTIVE',
      'this platform registration awaits approval by the district',
      {
        status: 403,
      },
    );
  }
}

// OIDC open-redirect protection (standards §1.9 item 9): the target must be this tool.
function requireOwnTarget(tool: LtiTool, targetLinkUri: string): void {
  let url: URL;
  try {
    url = new URL(targetLinkUri);
  } catch {
    throw new LtiError('ERR_LTI_BAD_TARGET_LINK_URI', 'the launch target is not a URL');
  }
  if (url.origin !== new URL(tool.urls.origin).origin) {
    throw new LtiError('ERR_LTI_BAD_TARGET_LINK_URI', 'the launch target is not this tool');
  }
}

function setStateCookie(res: Response, state: string): void {
  res.cookie(stateCookieName(state), state, { ...IFRAME_COOKIE, path: '/lti/', maxAge: 600_000 });
}

// Security Framework §5.1.1.2: the authentication request of the implicit flow.
function buildAuthRequest(
  tool: LtiTool,
  registration: Registration,
  params: z.infer<typeof LOGIN_PARAMS>,
  loginState: LoginState,
  authUrl: URL,
): URL {
  const url = new URL(authUrl);
  const query: Record<string, string | undefined> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: registration.clientId,
    redirect_uri: tool.urls.launch,
    login_hint: params.login_hint,
    lti_message_hint: params.lti_message_hint,
    state: loginState.state,
    nonce: loginState.nonce,
  };
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(key, value);
  return url;
}

// Platform storage (standards §1.8): the page's script stores state and nonce in the platform's
// frame, then continues to the authorization endpoint.
function sendStorageLoginPage(
  res: Response,
  loginState: LoginState,
  authRequest: URL,
  target: string,
): void {
  res.setHeader('Cache-Control', 'no-store');
  res.type('html').send(
    renderPage({
      title: 'Opening CCMR Readiness',
      bodyHtml: '<p>Opening CCMR Readiness…</p><p><a id="lti-continue" href="#">Continue</a></p>',
      scripts: ['/lti/assets/platform-storage.js', '/lti/assets/storage-login.js'],
      data: {
        state: loginState.state,
        nonce: loginState.nonce,
        'auth-url': authRequest.toString(),
        'platform-origin': authRequest.origin,
        'storage-target': target,
      },
    }),
  );
}
