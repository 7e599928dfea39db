import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ToolKeyStore } from './tool-keys.js';
import type { StoredLaunch } from './launch-sessions.js';
import { CLAIM } from './claims.js';
import { LTI_LIFETIMES } from './lti-options.js';
import { WIDGET_TITLES, type WidgetName } from './widgets.js';

/** What an instructor or administrator chose in the picker. */
export interface WidgetChoice {
  widget: WidgetName;
  title: string;
  display: 'full' | 'compact';
}

/**
 * Signs the LtiDeepLinkingResponse (Deep Linking 2.0 §4.5) for a choice: one ltiResourceLink
 * whose url is the registered launch URL and whose widget and settings ride in `custom` (D2L
 * refuses links that differ from the launch URL). The request's `data` is echoed (D2L requires
 * it). A platform that does not accept resource links gets no item and an error message.
 * @returns the JWT to post to deep_link_return_url.
 */
export async function signDeepLinkingResponse(
  toolKeys: ToolKeyStore,
  launch: StoredLaunch,
  choice: WidgetChoice,
  launchUrl: string,
  now: Date,
): Promise<string> {
  const settings = launch.deepLinking!;
  const acceptsLinks = settings.accept_types.includes('ltiResourceLink');
  const items = acceptsLinks
    ? [
        {
          type: 'ltiResourceLink',
          title: choice.title || WIDGET_TITLES[choice.widget],
          url: launchUrl,
          custom: { widget: choice.widget, display: choice.display },
        },
      ]
    : [];
  const claims: Record<string, unknown> = {
    nonce: randomUUID(),
    [CLAIM.deploymentId]: launch.deploymentId,
    [CLAIM.messageType]: 'LtiDeepLinkingResponse',
    [CLAIM.version]: '1.3.0',
    [CLAIM.contentItems]: items,
  };
  if (settings.data !== undefined) claims[CLAIM.deepLinkingData] = settings.data;
  if (acceptsLinks) claims[CLAIM.deepLinkingMessage] = `Added ${WIDGET_TITLES[choice.widget]}`;
  else
    claims['https://purl.imsglobal.org/spec/lti-dl/claim/errormsg'] =
      'This placement does not accept LTI links';
  const { kid, key } = await toolKeys.signingKey();
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(settings.clientId)
    .setAudience(settings.issuer)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + LTI_LIFETIMES.toolTokenSeconds)
    .sign(key);
}
