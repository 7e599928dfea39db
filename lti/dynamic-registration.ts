import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createTenant } from '../store/index.js';
import type { LtiTool } from './lti-tool.js';
import { requireTrustedUrl } from './endpoint-policy.js';
import { PLATFORM_CONFIGURATION_KEY, TOOL_CONFIGURATION_KEY } from './claims.js';
import { fillManifest, REGISTRATION_KEYS, type ToolManifest } from './tool-manifest.js';
import { profileFor, type PlatformProfile } from './platform-profiles.js';
import { saveRegistration, type Registration } from './registrations.js';
import { useRegistrationInvite } from './registration-invites.js';
import { LtiError } from './errors.js';

// Dynamic Registration 1.0 §3.1: the platform's OpenID configuration, as much as the tool needs.
const PLATFORM_CONFIGURATION = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  registration_endpoint: z.string(),
  jwks_uri: z.string(),
  token_endpoint: z.string(),
  authorization_server: z.string().optional(),
  id_token_signing_alg_values_supported: z.array(z.string()).optional(),
  [PLATFORM_CONFIGURATION_KEY]: z
    .object({ product_family_code: z.string().optional() })
    .passthrough()
    .optional(),
});

// §3.6: the platform answers with the registered client and, often, the deployment.
const REGISTRATION_RESPONSE = z.object({
  client_id: z.string().min(1),
  [TOOL_CONFIGURATION_KEY]: z
    .object({ deployment_id: z.string().optional() })
    .passthrough()
    .optional(),
});

/** What a completed Dynamic Registration produced. */
export interface DynamicRegistrationResult {
  registration: Registration;
  createdTenant: boolean;
}

/**
 * Runs LTI Dynamic Registration 1.0 §3: fetches the platform's OpenID configuration, checks it,
 * posts the tool configuration (placements, claims, NRPS scope) and stores the client and
 * deployment it gets back. With an invite code the platform joins that district and is active
 * at once; without one a new district is created and the registration awaits approval
 * (`ccmr lti activate`).
 * @throws LtiError ERR_LTI_REGISTRATION_FAILED, ERR_LTI_INSECURE_ENDPOINT, ERR_LTI_BAD_INVITE
 */
export async function registerDynamically(
  tool: LtiTool,
  input: { openidConfigurationUrl: string; registrationToken?: string; inviteCode?: string },
): Promise<DynamicRegistrationResult> {
  const configurationUrl = requireTrustedUrl(
    input.openidConfigurationUrl,
    'openid_configuration',
    tool.mode,
  );
  const platform = await fetchPlatformConfiguration(configurationUrl, input.registrationToken);
  const profile = profileFor(platform[PLATFORM_CONFIGURATION_KEY]?.product_family_code);
  const issuer = requireIssuerOfConfiguration(tool, platform.issuer, configurationUrl, profile);
  const endpoints = requireTrustedEndpoints(tool, platform);

  const owner = await chooseOwnerTenant(tool, input.inviteCode, issuer);
  const toolConfiguration = profile.adjustToolConfiguration(
    pickRegistrationKeys(fillManifest(tool.urls.origin)),
  );
  const answer = await postToolConfiguration(
    endpoints.registration,
    toolConfiguration,
    input.registrationToken,
  );

  const deploymentId = answer[TOOL_CONFIGURATION_KEY]?.deployment_id;
  const registration = await saveRegistration(
    tool.host.db,
    {
      ownerTenantId: owner.tenantId,
      issuer: platform.issuer,
      clientId: answer.client_id,
      authUrl: endpoints.authorization,
      tokenUrl: endpoints.token,
      jwksUrl: endpoints.jwks,
      authorizationServer: platform.authorization_server ?? null,
      productFamily: profile.family,
      platformOrigin: configurationUrl.origin,
      status: owner.isInvited ? 'active' : 'pending',
      deploymentIds: deploymentId ? [deploymentId] : [],
    },
    tool.now(),
  );
  await tool.refreshPlatformOrigins();
  return { registration, createdTenant: !owner.isInvited };
}

function failure(message: string, detail?: string): LtiError {
  return new LtiError('ERR_LTI_REGISTRATION_FAILED', message, { status: 400, detail });
}

async function fetchPlatformConfiguration(url: URL, token: string | undefined) {
  const response = await fetch(url, {
    headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    signal: AbortSignal.timeout(10_000),
  }).catch(() => {
    throw failure('the platform configuration could not be fetched');
  });
  if (!response.ok)
    throw failure('the platform refused to share its configuration', `status ${response.status}`);
  const parsed = PLATFORM_CONFIGURATION.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw failure('the platform configuration lacks a required field');
  const algs = parsed.data.id_token_signing_alg_values_supported;
  if (algs && !algs.includes('RS256')) throw failure('the platform does not sign with RS256');
  return parsed.data;
}

// Dynamic Registration §3.5.1: the issuer must be on the host that served the configuration,
// so one platform cannot register in another's name (Canvas's shared issuer is the exception).
function requireIssuerOfConfiguration(
  tool: LtiTool,
  issuer: string,
  configurationUrl: URL,
  profile: PlatformProfile,
): URL {
  const issuerUrl = requireTrustedUrl(issuer, 'issuer', tool.mode);
  if (
    issuerUrl.host !== configurationUrl.host &&
    !profile.isIssuerHostExempt(issuerUrl, configurationUrl)
  ) {
    throw failure('the platform issuer is not on the host of its configuration');
  }
  return issuerUrl;
}

function requireTrustedEndpoints(tool: LtiTool, platform: z.infer<typeof PLATFORM_CONFIGURATION>) {
  return {
    authorization: requireTrustedUrl(
      platform.authorization_endpoint,
      'authorization_endpoint',
      tool.mode,
    ).toString(),
    registration: requireTrustedUrl(
      platform.registration_endpoint,
      'registration_endpoint',
      tool.mode,
    ),
    jwks: requireTrustedUrl(platform.jwks_uri, 'jwks_uri', tool.mode).toString(),
    token: requireTrustedUrl(platform.token_endpoint, 'token_endpoint', tool.mode).toString(),
  };
}

async function chooseOwnerTenant(tool: LtiTool, inviteCode: string | undefined, issuer: URL) {
  if (inviteCode) {
    return {
      tenantId: await useRegistrationInvite(tool.host.db, inviteCode, tool.now()),
      isInvited: true,
    };
  }
  const base = issuer.hostname
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  const slug = `${base || 'platform'}-${randomBytes(3).toString('hex')}`;
  const { tenant } = await createTenant(tool.host.db, tool.host.keys, {
    slug,
    name: `Pending: ${issuer.hostname}`,
  });
  return { tenantId: tenant.id, isInvited: false };
}

function pickRegistrationKeys(manifest: ToolManifest): ToolManifest {
  return Object.fromEntries(REGISTRATION_KEYS.map((key) => [key, manifest[key]]));
}

async function postToolConfiguration(
  endpoint: URL,
  configuration: ToolManifest,
  token: string | undefined,
) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(configuration),
    signal: AbortSignal.timeout(10_000),
  }).catch(() => {
    throw failure('the platform registration endpoint is unreachable');
  });
  if (!response.ok)
    throw failure('the platform refused the tool configuration', `status ${response.status}`);
  const parsed = REGISTRATION_RESPONSE.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw failure('the platform answer has no client_id');
  return parsed.data;
}
