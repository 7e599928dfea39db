import { createHash } from 'node:crypto';
import type { AxiosInstance } from 'axios';
import { OneRosterRequestFailed } from '../errors.js';

/** Client-credentials settings of a 1.2 provider (OneRoster 1.2 §2, RFC 6749 §4.4). */
export interface Oauth2Settings {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

interface CachedToken {
  value: string;
  expiresAtMs: number;
}

/** Renew this long before the provider's expiry, so no request goes out with a dying token. */
const RENEW_BEFORE_EXPIRY_MS = 60_000;
const cache = new Map<string, CachedToken>();

/**
 * Bearer tokens for one provider client: fetched once, cached in the process (shared by every
 * client with the same token URL, client id and scopes), renewed before expiry, and dropped when
 * the provider rejects them.
 */
export class Oauth2TokenSource {
  readonly #settings: Oauth2Settings;
  readonly #http: AxiosInstance;
  readonly #nowMs: () => number;
  readonly #key: string;
  #pending: Promise<string> | undefined;

  constructor(settings: Oauth2Settings, http: AxiosInstance, nowMs: () => number) {
    this.#settings = settings;
    this.#http = http;
    this.#nowMs = nowMs;
    // The secret is part of the key (hashed): a changed or wrong secret never rides on a token
    // that another secret obtained.
    const secretHash = createHash('sha256').update(settings.clientSecret).digest('base64url');
    this.#key = `${settings.tokenUrl}|${settings.clientId}|${secretHash}|${settings.scopes.join(' ')}`;
  }

  /**
   * A token valid for at least another minute.
   * @throws OneRosterRequestFailed (ERR_ONEROSTER_AUTH, ERR_ONEROSTER_UNREACHABLE)
   */
  async token(signal?: AbortSignal): Promise<string> {
    const cached = cache.get(this.#key);
    if (cached && cached.expiresAtMs - RENEW_BEFORE_EXPIRY_MS > this.#nowMs()) return cached.value;
    this.#pending ??= this.#fetch(signal).finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  /** Forgets the cached token after the provider answered 401 with it. */
  invalidate(): void {
    cache.delete(this.#key);
  }

  async #fetch(signal?: AbortSignal): Promise<string> {
    const { tokenUrl, clientId, clientSecret, scopes } = this.#settings;
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scopes.length > 0) body.set('scope', scopes.join(' '));
    const basic = Buffer.from(
      `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
    ).toString('base64');
    let response;
    try {
      response = await this.#http.post(tokenUrl, body.toString(), {
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${basic}`,
        },
        signal,
      });
    } catch (error) {
      throw new OneRosterRequestFailed(
        'ERR_ONEROSTER_UNREACHABLE',
        'the OAuth token endpoint did not answer',
        { cause: error },
      );
    }
    const data = response.data as { access_token?: unknown; expires_in?: unknown; error?: unknown };
    if (response.status !== 200 || typeof data?.access_token !== 'string') {
      const reason = typeof data?.error === 'string' ? data.error : `HTTP ${response.status}`;
      throw new OneRosterRequestFailed(
        'ERR_ONEROSTER_AUTH',
        `the provider refused the client credentials (${reason})`,
        {
          httpStatus: response.status,
        },
      );
    }
    const lifetimeSeconds = typeof data.expires_in === 'number' ? data.expires_in : 3600;
    const token = { value: data.access_token, expiresAtMs: this.#nowMs() + lifetimeSeconds * 1000 };
    cache.set(this.#key, token);
    return token.value;
  }
}
