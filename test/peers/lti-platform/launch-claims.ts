import { randomUUID } from 'node:crypto';

/** One person of the platform. */
export interface PlatformUser {
  sub: string;
  email?: string;
  personSourcedId?: string;
  name?: string;
}

/** A launch the platform is about to make (what a click on a course link decides). */
export interface PendingLaunch {
  id: string;
  user: PlatformUser;
  roles: string[];
  messageType: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  clientId: string;
  deploymentId: string;
  targetLinkUri: string;
  context?: { id: string; label?: string; title?: string };
  custom?: Record<string, string>;
  /** Offer platform storage (lti_storage_target) to the tool. */
  usesPlatformStorage: boolean;
  /** Claims to change or remove (undefined removes) after the normal ones are built. */
  overrides?: Record<string, unknown>;
}

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';

/**
 * The id_token claims of a launch (LTI Core §5.3–5.4, Deep Linking §4.4, NRPS §3.6.1).
 */
export function buildLaunchClaims(
  launch: PendingLaunch,
  input: { issuer: string; nonce: string; nowSeconds: number; platformUrl: string },
): Record<string, unknown> {
  const claims: Record<string, unknown> = {
    iss: input.issuer,
    aud: launch.clientId,
    azp: launch.clientId,
    sub: launch.user.sub,
    exp: input.nowSeconds + 300,
    iat: input.nowSeconds,
    nonce: input.nonce,
    [`${LTI}message_type`]: launch.messageType,
    [`${LTI}version`]: '1.3.0',
    [`${LTI}deployment_id`]: launch.deploymentId,
    [`${LTI}target_link_uri`]: launch.targetLinkUri,
    [`${LTI}roles`]: launch.roles,
    [`${LTI}custom`]: launch.custom ?? {},
    [`${LTI}tool_platform`]: {
      guid: 'ccmr-test-platform',
      product_family_code: 'ccmr-test-platform',
    },
    locale: 'en-US',
  };
  if (launch.user.email) claims.email = launch.user.email;
  if (launch.user.name) claims.name = launch.user.name;
  if (launch.user.personSourcedId)
    claims[`${LTI}lis`] = { person_sourcedid: launch.user.personSourcedId };
  if (launch.context) {
    claims[`${LTI}context`] = {
      ...launch.context,
      type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseSection'],
    };
    claims['https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice'] = {
      context_memberships_url: `${input.platformUrl}/nrps/${encodeURIComponent(launch.context.id)}/memberships`,
      service_versions: ['2.0'],
    };
  }
  if (launch.messageType === 'LtiResourceLinkRequest') {
    claims[`${LTI}resource_link`] = { id: `rl-${launch.id}`, title: 'CCMR Readiness' };
  } else {
    claims['https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'] = {
      deep_link_return_url: `${input.platformUrl}/deep-link-return`,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: false,
      data: `dl-${launch.id}`,
    };
  }
  for (const [key, value] of Object.entries(launch.overrides ?? {})) {
    if (value === undefined) delete claims[key];
    else claims[key] = value;
  }
  return claims;
}

/** A fresh pending launch id. */
export function newLaunchId(): string {
  return randomUUID();
}
