import { createServer } from 'node:net';
import type { Tenant } from '../../../store/index.js';
import { registerPlatformManually } from '../../../lti/index.js';
import {
  createTestContext,
  createTestTenant,
  startTestServer,
  TEST_NOW,
  type TestContext,
} from '../../support/test-context.js';
import type { RunningServer } from '../../../app/web/start-server.js';
import { LtiPlatformPeer, type ToolClient } from '../../peers/lti-platform/lti-platform.js';
import type { PendingLaunch } from '../../peers/lti-platform/launch-claims.js';
import { TestUserAgent, readForm } from './user-agent.js';

export const INSTRUCTOR = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';
export const LEARNER = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';
export const INSTITUTION_ADMIN =
  'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator';
export const SYSTEM_ADMIN = 'http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator';

/** A port nobody listens on yet. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The tool (real web server) and the in-repo platform, both on loopback, with a frozen clock. */
export interface LtiHarness {
  context: TestContext;
  server: RunningServer;
  toolUrl: string;
  platform: LtiPlatformPeer;
  close(): Promise<void>;
}

/**
 * Starts the tool and the platform. `toolHost` is the host name in PUBLIC_URL: 'localhost'
 * makes the tool cross-site to the platform on 127.0.0.1 (browser tests).
 */
export async function startLtiHarness(
  options: { toolHost?: string; now?: () => Date; trustProxyHops?: number } = {},
): Promise<LtiHarness> {
  const port = await freePort();
  const toolUrl = `http://${options.toolHost ?? '127.0.0.1'}:${port}`;
  const now = options.now ?? (() => TEST_NOW);
  const context = await createTestContext(
    { port, host: '127.0.0.1', publicUrl: toolUrl, trustProxyHops: options.trustProxyHops ?? 0 },
    { now },
  );
  const server = await startTestServer(context);
  const platform = await new LtiPlatformPeer().start('127.0.0.1');
  platform.nowSeconds = () => Math.floor(now().getTime() / 1000);
  return {
    context,
    server,
    toolUrl,
    platform,
    async close() {
      await server.stop();
      await platform.stop();
      await context.close();
    },
  };
}

/** Registers the platform with the tool by hand for a fresh district, and the tool on the platform. */
export async function registerManually(
  harness: LtiHarness,
  label = 'lti',
): Promise<{ tenant: Tenant; client: ToolClient }> {
  const { context, toolUrl, platform } = harness;
  const tenant = await createTestTenant(context, label);
  const client = platform.addClient({
    loginUrl: `${toolUrl}/lti/login`,
    redirectUris: [`${toolUrl}/lti/launch`],
    jwksUrl: `${toolUrl}/lti/jwks`,
  });
  await registerPlatformManually(
    context.db,
    {
      tenantId: tenant.id,
      issuer: platform.issuer,
      clientId: client.clientId,
      authUrl: `${platform.url}/auth`,
      tokenUrl: `${platform.url}/token`,
      jwksUrl: `${platform.url}/jwks`,
      deploymentIds: [client.deploymentId],
    },
    context.config.mode,
    context.now(),
  );
  return { tenant, client };
}

type LaunchInput = Omit<
  PendingLaunch,
  'id' | 'usesPlatformStorage' | 'clientId' | 'deploymentId' | 'targetLinkUri'
> &
  Partial<Pick<PendingLaunch, 'clientId' | 'deploymentId' | 'targetLinkUri'>>;

/**
 * Runs login initiation at the tool up to the point where the platform would answer: returns
 * the state and nonce the tool chose, with the agent holding the state cookie.
 */
export async function startLogin(
  harness: LtiHarness,
  client: ToolClient,
  input: LaunchInput,
  agent = new TestUserAgent(),
) {
  const { launch, params } = harness.platform.prepareLaunch({
    clientId: client.clientId,
    deploymentId: client.deploymentId,
    targetLinkUri: `${harness.toolUrl}/lti/launch`,
    ...input,
  });
  const login = await agent.request(`${harness.toolUrl}/lti/login?${new URLSearchParams(params)}`);
  if (login.status !== 302 || !login.location) throw new Error(`login answered ${login.status}`);
  const authRequest = new URL(login.location);
  return {
    agent,
    launch,
    authRequest,
    state: authRequest.searchParams.get('state')!,
    nonce: authRequest.searchParams.get('nonce')!,
  };
}

/**
 * A complete launch the way a browser with cookies makes it: login, platform authorization,
 * form post of the id_token, redirect to the widget.
 * @returns the final redirect and the agent (which holds the session cookie).
 */
export async function launchThroughPlatform(
  harness: LtiHarness,
  client: ToolClient,
  input: LaunchInput,
) {
  const started = await startLogin(harness, client, input);
  const auth = await started.agent.request(started.authRequest.toString());
  if (auth.status !== 200)
    throw new Error(`platform authorization answered ${auth.status}: ${auth.body}`);
  const { action, fields } = readForm(auth.body);
  const launch = await started.agent.request(action, { form: fields });
  return { ...started, response: launch };
}

/** Posts a hand-made id_token for a started login (negative tests). */
export async function postIdToken(
  harness: LtiHarness,
  agent: TestUserAgent,
  state: string,
  idToken: string,
) {
  return agent.request(`${harness.toolUrl}/lti/launch`, { form: { id_token: idToken, state } });
}
