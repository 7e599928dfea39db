import { compactVerify } from 'jose';
import { CLAIM, LAUNCH_MESSAGE_TYPES, type LaunchMessageType } from './claims.js';
import type { LoginState } from './login-states.js';
import type { Registration } from './registrations.js';
import type { PlatformKeyCache } from './platform-jwks.js';
import { LTI_LIFETIMES, type RunMode } from './lti-options.js';
import { requireTrustedUrl } from './endpoint-policy.js';
import { isContextRole } from './role-vocabulary.js';
import type { DeepLinkingSettings, LaunchContext, VerifiedLaunch } from './launch-claims.js';
import { LtiError } from './errors.js';

type Claims = Record<string, unknown>;

/** What the launch validator needs besides the token. */
export interface LaunchCheckInput {
  idToken: string;
  loginState: LoginState;
  registration: Registration;
  /** The registration's deployments: deployment id → owning district. */
  deployments: ReadonlyMap<string, string>;
  now: Date;
  mode: RunMode;
}

/** Filled in as checks pass, so a rejection can be audited in the right place. */
export interface LaunchTrace {
  tenantId?: string;
  deploymentId?: string;
}

/**
 * Validates an id_token against the login it answers, one check per paragraph, in the order of
 * the 1EdTech Security Framework §5.1.3 and LTI Core §5.3–5.4. The state was already matched to
 * the browser (cookie or platform storage) by the caller. The nonce's single use is the
 * caller's last step: it consumes the state atomically as it opens the session.
 * @returns the verified launch.
 * @throws LtiError with an ERR_LTI_… code naming the first check that failed.
 */
export async function validateLaunch(
  platformKeys: PlatformKeyCache,
  input: LaunchCheckInput,
  trace: LaunchTrace,
): Promise<VerifiedLaunch> {
  const { registration, loginState, now } = input;
  const parts = splitCompactJws(input.idToken);
  const header = parseSegment(parts[0], 'header');

  requireRs256(header);
  requireKid(header);

  const key = await platformKeys.keyFor(registration.jwksUrl, header.kid as string, now);
  const claims = await verifySignature(input.idToken, key);

  requireIssuer(claims, registration);
  requireAudience(claims, registration);
  requireAuthorizedParty(claims, registration);
  requireUnexpired(claims, now);
  requireRecentIssue(claims, now);
  requireMatchingNonce(claims, loginState);

  const deploymentId = requireDeploymentId(claims);
  trace.deploymentId = deploymentId;
  trace.tenantId = requireRegisteredDeployment(input.deployments, deploymentId);

  const messageType = requireMessageType(claims);
  requireVersion(claims);
  const subject = requireSubject(claims);
  const roles = requireRoles(claims);
  const context = requireContextWhereRolesNeedIt(claims, roles, registration);
  const resourceLinkId = requireResourceLink(claims, messageType);
  const targetLinkUri = requireTargetLinkUri(claims, messageType, loginState);
  const deepLinking = requireDeepLinkingSettings(claims, messageType, input.mode);

  return {
    registrationId: registration.id,
    tenantId: trace.tenantId,
    deploymentId,
    messageType,
    issuer: registration.issuer,
    subject,
    // Without a context (Schoology outside a course) context roles say nothing: dropped.
    roles: context ? roles : roles.filter((role) => !isContextRole(role)),
    context,
    resourceLinkId,
    targetLinkUri,
    ...readOptionalClaims(claims),
    deepLinking,
  };
}

function reject(code: ConstructorParameters<typeof LtiError>[0], message: string): never {
  throw new LtiError(code, message, { status: 401 });
}

// A JWS compact serialisation has exactly three base64url segments (RFC 7515 §7.1).
function splitCompactJws(token: string): [string, string, string] {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) {
    reject('ERR_LTI_MALFORMED_TOKEN', 'the launch token is not a signed JWT');
  }
  return parts as [string, string, string];
}

function parseSegment(segment: string, what: string): Claims {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Claims;
  } catch {
    // Falls through to the rejection below.
  }
  return reject('ERR_LTI_MALFORMED_TOKEN', `the launch token ${what} is not a JSON object`);
}

// Security Framework §5.1.3 step 5 and §6.1: RS256 only; the header never chooses the policy,
// so "none" and HMAC (signed with a public key as the secret) fail here.
function requireRs256(header: Claims): void {
  if (header.alg !== 'RS256')
    reject('ERR_LTI_BAD_ALGORITHM', 'the launch token must be signed with RS256');
}

// The platform's key is chosen by kid (Security Framework §6.3); a token without one is refused
// rather than tried against every key.
function requireKid(header: Claims): void {
  if (typeof header.kid !== 'string' || header.kid === '') {
    reject('ERR_LTI_MISSING_KID', 'the launch token does not name its signing key (kid)');
  }
}

// Security Framework §5.1.3 step 1: the signature verifies with the platform's published key.
async function verifySignature(token: string, key: CryptoKey): Promise<Claims> {
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(token, key, { algorithms: ['RS256'] }));
  } catch {
    return reject('ERR_LTI_BAD_SIGNATURE', 'the launch token signature does not verify');
  }
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload).toString('utf8'));
    if (claims && typeof claims === 'object' && !Array.isArray(claims)) return claims as Claims;
  } catch {
    // Falls through.
  }
  return reject('ERR_LTI_MALFORMED_TOKEN', 'the launch token payload is not a JSON object');
}

// Step 2: iss exactly equals the registered issuer.
function requireIssuer(claims: Claims, registration: Registration): void {
  if (claims.iss !== registration.issuer)
    reject('ERR_LTI_WRONG_ISSUER', 'the launch token comes from another issuer');
}

// Step 3: aud contains our client_id and no audience we do not trust.
function requireAudience(claims: Claims, registration: Registration): void {
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (
    !audiences.includes(registration.clientId) ||
    audiences.some((aud) => typeof aud !== 'string')
  ) {
    reject('ERR_LTI_WRONG_AUDIENCE', 'the launch token is meant for another tool');
  }
  if (audiences.length > 1 && claims.azp === undefined) {
    reject(
      'ERR_LTI_WRONG_AZP',
      'a launch token for several audiences must name its authorized party',
    );
  }
}

// Step 4: when azp is present it is our client_id.
function requireAuthorizedParty(claims: Claims, registration: Registration): void {
  if (claims.azp !== undefined && claims.azp !== registration.clientId) {
    reject('ERR_LTI_WRONG_AZP', 'the launch token was issued to another tool');
  }
}

// Step 6: exp is in the future, within the allowed clock skew.
function requireUnexpired(claims: Claims, now: Date): void {
  const nowSeconds = now.getTime() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp + LTI_LIFETIMES.clockSkewSeconds <= nowSeconds) {
    reject('ERR_LTI_TOKEN_EXPIRED', 'the launch token has expired; open the tool again');
  }
}

// Step 7: iat is not in the future and not older than the tool accepts.
function requireRecentIssue(claims: Claims, now: Date): void {
  const nowSeconds = now.getTime() / 1000;
  if (typeof claims.iat !== 'number')
    reject('ERR_LTI_MISSING_CLAIM', 'the launch token has no iat');
  if (claims.iat > nowSeconds + LTI_LIFETIMES.clockSkewSeconds) {
    reject('ERR_LTI_TOKEN_ISSUED_IN_FUTURE', 'the launch token claims to be issued in the future');
  }
  if (nowSeconds - claims.iat > LTI_LIFETIMES.maxTokenAgeSeconds) {
    reject('ERR_LTI_TOKEN_TOO_OLD', 'the launch token is too old; open the tool again');
  }
}

// Step 8: the nonce is the one this tool issued for this state (its single use is enforced
// when the state is consumed, after the last check).
function requireMatchingNonce(claims: Claims, loginState: LoginState): void {
  if (typeof claims.nonce !== 'string' || claims.nonce !== loginState.nonce) {
    reject('ERR_LTI_NONCE_MISMATCH', 'the launch token does not answer this login');
  }
}

// Core §5.3.3: deployment_id is required, at most 255 characters.
function requireDeploymentId(claims: Claims): string {
  const value = claims[CLAIM.deploymentId];
  if (typeof value !== 'string' || value === '' || value.length > 255) {
    reject('ERR_LTI_MISSING_DEPLOYMENT', 'the launch names no deployment');
  }
  return value;
}

// The deployment must be registered for this issuer and client; it decides the district.
function requireRegisteredDeployment(
  deployments: ReadonlyMap<string, string>,
  deploymentId: string,
): string {
  const owner = deployments.get(deploymentId);
  if (!owner) reject('ERR_LTI_UNKNOWN_DEPLOYMENT', 'this deployment of the tool is not registered');
  return owner;
}

// Core §5.3.1: a message type the tool handles at this endpoint.
function requireMessageType(claims: Claims): LaunchMessageType {
  const value = claims[CLAIM.messageType];
  if (!LAUNCH_MESSAGE_TYPES.includes(value as LaunchMessageType)) {
    reject('ERR_LTI_BAD_MESSAGE_TYPE', 'the launch message type is not supported');
  }
  return value as LaunchMessageType;
}

// Core §5.3.2: version 1.3.0.
function requireVersion(claims: Claims): void {
  if (claims[CLAIM.version] !== '1.3.0')
    reject('ERR_LTI_BAD_VERSION', 'the launch is not LTI 1.3.0');
}

// Core §5.3.6: sub identifies the user. Anonymous launches are legal LTI, but every view of this
// product is decided by who is looking, so they are refused.
function requireSubject(claims: Claims): string {
  if (typeof claims.sub !== 'string' || claims.sub === '' || claims.sub.length > 255) {
    reject('ERR_LTI_MISSING_SUBJECT', 'the launch does not identify the user');
  }
  return claims.sub;
}

// Core §5.3.7: the roles claim is required; it may hold an empty string (no role).
function requireRoles(claims: Claims): string[] {
  const value = claims[CLAIM.roles];
  if (!Array.isArray(value) || value.some((role) => typeof role !== 'string')) {
    reject('ERR_LTI_MISSING_CLAIM', 'the launch has no roles claim');
  }
  return (value as string[]).filter((role) => role !== '');
}

// Core §5.4.1: context is optional, but context roles (Core §A.2.2) describe a role in a
// context; without one they cannot be scoped. Schoology launches outside a course omit context
// (standards §2.5): there the context roles are ignored and institution roles decide.
function requireContextWhereRolesNeedIt(
  claims: Claims,
  roles: string[],
  registration: Registration,
): LaunchContext | null {
  const value = claims[CLAIM.context] as Claims | undefined;
  if (value && typeof value === 'object' && typeof value.id === 'string') {
    return {
      id: value.id,
      label: typeof value.label === 'string' ? value.label : undefined,
      title: typeof value.title === 'string' ? value.title : undefined,
      type: Array.isArray(value.type) ? (value.type as string[]) : undefined,
    };
  }
  if (registration.productFamily !== 'schoology' && roles.some(isContextRole)) {
    reject('ERR_LTI_CONTEXT_REQUIRED', 'a course role was sent without its course (context)');
  }
  return null;
}

// Core §5.3.5: a resource link launch carries resource_link.id.
function requireResourceLink(claims: Claims, messageType: LaunchMessageType): string | null {
  if (messageType !== 'LtiResourceLinkRequest') return null;
  const link = claims[CLAIM.resourceLink] as Claims | undefined;
  if (!link || typeof link.id !== 'string' || link.id === '') {
    reject('ERR_LTI_MISSING_CLAIM', 'the launch has no resource link id');
  }
  return link.id as string;
}

// Core §5.3.4: target_link_uri is required for resource links and is where the login said.
function requireTargetLinkUri(
  claims: Claims,
  messageType: LaunchMessageType,
  loginState: LoginState,
): string | null {
  const value = claims[CLAIM.targetLinkUri];
  if (messageType !== 'LtiResourceLinkRequest') return typeof value === 'string' ? value : null;
  if (typeof value !== 'string')
    reject('ERR_LTI_MISSING_CLAIM', 'the launch has no target_link_uri');
  if (value !== loginState.targetLinkUri) {
    reject('ERR_LTI_BAD_TARGET_LINK_URI', 'the launch target differs from the login target');
  }
  return value;
}

// Deep Linking 2.0 §4.4.1: deep_linking_settings with its three required members.
function requireDeepLinkingSettings(
  claims: Claims,
  messageType: LaunchMessageType,
  mode: RunMode,
): DeepLinkingSettings | null {
  if (messageType !== 'LtiDeepLinkingRequest') return null;
  const settings = claims[CLAIM.deepLinkingSettings] as Claims | undefined;
  if (
    !settings ||
    typeof settings.deep_link_return_url !== 'string' ||
    !Array.isArray(settings.accept_types) ||
    !Array.isArray(settings.accept_presentation_document_targets)
  ) {
    reject('ERR_LTI_MISSING_CLAIM', 'the deep-linking request has no complete settings');
  }
  requireTrustedUrl(settings.deep_link_return_url, 'deep_link_return_url', mode);
  return settings as unknown as DeepLinkingSettings;
}

function readOptionalClaims(claims: Claims) {
  const lis = (claims[CLAIM.lis] ?? {}) as Claims;
  const nrps = (claims[CLAIM.namesRoleService] ?? {}) as Claims;
  const custom = (claims[CLAIM.custom] ?? {}) as Claims;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return {
    personSourcedId: text(lis.person_sourcedid),
    courseSectionSourcedId: text(lis.course_section_sourcedid),
    email: text(claims.email),
    locale: text(claims.locale),
    custom: Object.fromEntries(
      Object.entries(custom).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    ),
    namesRoleServiceUrl: text(nrps.context_memberships_url),
  };
}
