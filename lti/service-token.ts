import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Registration } from './registrations.js';
import type { ToolKeyStore } from './tool-keys.js';
import { LTI_LIFETIMES } from './lti-options.js';
import { LtiError } from './errors.js';

/** Canvas refuses service calls without a User-Agent (standards §1.3). */
export const SERVICE_USER_AGENT = 'CCMR-Readiness-LTI/0.1';

interface CachedToken {
  accessToken: string;
  expiresAtMs: number;
}

/**
 * OAuth 2.0 client-credentials tokens for LTI Advantage services (Security Framework §4.1),
 * authenticated by a JWT client assertion signed with the tool key (RFC 7523). Cached per
 * registration and scope set until shortly before they expire.
 */
export class ServiceTokenClient {
  readonly #toolKeys: ToolKeyStore;
  readonly #cache = new Map<string, CachedToken>();

  constructor(toolKeys: ToolKeyStore) {
    this.#toolKeys = toolKeys;
  }

  /**
   * An access token for these scopes.
   * @param registration the platform client.
   * @param scopes the scopes to request.
   * @param now the clock.
   * @returns a bearer token.
   * @throws LtiError ERR_LTI_SERVICE_FAILED when the platform refuses.
   */
  async tokenFor(registration: Registration, scopes: string[], now: Date): Promise<string> {
    const scope = [...scopes].sort().join(' ');
    const cacheKey = `${registration.id}\u0000${scope}`;
    const cached = this.#cache.get(cacheKey);
    if (cached && cached.expiresAtMs > now.getTime()) return cached.accessToken;

    const assertion = await this.#signAssertion(registration, now);
    const response = await fetch(registration.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': SERVICE_USER_AGENT,
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope,
      }),
      signal: AbortSignal.timeout(10_000),
    }).catch((cause: unknown) => {
      throw new LtiError('ERR_LTI_SERVICE_FAILED', 'the platform token endpoint is unreachable', {
        status: 502,
        cause,
      });
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
    };
    if (!response.ok || typeof body.access_token !== 'string') {
      throw new LtiError('ERR_LTI_SERVICE_FAILED', 'the platform refused a service token', {
        status: 502,
        detail: `token endpoint status ${response.status}`,
      });
    }
    // Renew a minute early so a token never expires in flight.
    const lifetimeSeconds = Math.max(0, (body.expires_in ?? 3600) - 60);
    this.#cache.set(cacheKey, {
      accessToken: body.access_token,
      expiresAtMs: now.getTime() + lifetimeSeconds * 1000,
    });
    return body.access_token;
  }

  // The audience is the platform's authorization server when it names one (Blackboard, Sakai),
  // otherwise its token endpoint; iat and exp are always present (Blackboard requires them).
  async #signAssertion(registration: Registration, now: Date): Promise<string> {
    const { kid, key } = await this.#toolKeys.signingKey();
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(registration.clientId)
      .setSubject(registration.clientId)
      .setAudience(registration.authorizationServer ?? registration.tokenUrl)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + LTI_LIFETIMES.toolTokenSeconds)
      .setJti(randomUUID())
      .sign(key);
  }
}
