import { importJWK, type JWK } from 'jose';
import { LTI_LIFETIMES } from './lti-options.js';
import { LtiError } from './errors.js';

interface CachedSet {
  keys: Map<string, JWK>;
  fetchedAtMs: number;
}

/**
 * The platforms' public keys, fetched from each registration's JWKS URL and cached
 * (standards §1.9 item 4): a kid not in the cache triggers one refetch, at most once per
 * cooldown, so a platform's key rotation is picked up and a flood of unknown kids cannot turn
 * the tool into a request amplifier.
 */
export class PlatformKeyCache {
  readonly #sets = new Map<string, CachedSet>();
  readonly #imported = new Map<string, CryptoKey>();
  readonly #fetchTimeoutMs: number;

  constructor(options: { fetchTimeoutMs?: number } = {}) {
    this.#fetchTimeoutMs = options.fetchTimeoutMs ?? 5_000;
  }

  /**
   * The RS256 verification key with this kid.
   * @param jwksUrl the registration's JWKS URL.
   * @param kid the token header's kid.
   * @param now the clock.
   * @returns the public key.
   * @throws LtiError ERR_LTI_UNKNOWN_KID, ERR_LTI_PLATFORM_JWKS_UNAVAILABLE
   */
  async keyFor(jwksUrl: string, kid: string, now: Date): Promise<CryptoKey> {
    const cacheKey = `${jwksUrl}\u0000${kid}`;
    const ready = this.#imported.get(cacheKey);
    const cached = this.#sets.get(jwksUrl);
    const isFresh =
      cached && now.getTime() - cached.fetchedAtMs < LTI_LIFETIMES.jwksCacheSeconds * 1000;
    if (ready && isFresh) return ready;

    let set = isFresh ? cached : await this.#refetch(jwksUrl, now);
    if (!set.keys.has(kid) && this.#mayRefetch(set, now)) set = await this.#refetch(jwksUrl, now);
    const jwk = set.keys.get(kid);
    if (!jwk) {
      throw new LtiError(
        'ERR_LTI_UNKNOWN_KID',
        'the platform did not publish the key that signed this launch',
        {
          status: 401,
        },
      );
    }
    const key = (await importJWK({ ...jwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
    this.#imported.set(cacheKey, key);
    return key;
  }

  #mayRefetch(set: CachedSet, now: Date): boolean {
    return now.getTime() - set.fetchedAtMs >= LTI_LIFETIMES.jwksRefetchCooldownSeconds * 1000;
  }

  async #refetch(jwksUrl: string, now: Date): Promise<CachedSet> {
    let body: { keys?: JWK[] };
    try {
      const response = await fetch(jwksUrl, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.#fetchTimeoutMs),
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      body = (await response.json()) as { keys?: JWK[] };
    } catch (error) {
      throw new LtiError(
        'ERR_LTI_PLATFORM_JWKS_UNAVAILABLE',
        'the platform keys could not be fetched',
        {
          status: 502,
          detail: error instanceof Error ? error.message : 'fetch failed',
        },
      );
    }
    const keys = new Map<string, JWK>();
    for (const jwk of body.keys ?? []) {
      // Only RSA signing keys can verify RS256 (Security Framework §6.1).
      if (jwk.kty === 'RSA' && typeof jwk.kid === 'string' && (jwk.use ?? 'sig') === 'sig') {
        keys.set(jwk.kid, jwk);
      }
    }
    for (const cacheKey of this.#imported.keys()) {
      if (cacheKey.startsWith(`${jwksUrl}\u0000`)) this.#imported.delete(cacheKey);
    }
    const set = { keys, fetchedAtMs: now.getTime() };
    this.#sets.set(jwksUrl, set);
    return set;
  }
}
