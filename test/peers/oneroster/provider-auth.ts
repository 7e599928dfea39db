import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/** The credentials and policy of the provider's single consumer. */
export interface ProviderAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Scopes a token may carry (1.2: roster-core.readonly, roster-demographics.readonly, …). */
  allowedScopes: string[];
  tokenTtlSeconds: number;
}

/** RFC 3986 percent-encoding, as OAuth 1.0a §3.6 requires. */
function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Issues and checks bearer tokens (OAuth 2.0 client credentials, RFC 6749 §4.4). */
export class ProviderAuth {
  readonly options: ProviderAuthOptions;
  readonly #tokens = new Map<string, { expiresAtMs: number; scopes: string[] }>();
  readonly #nonces = new Set<string>();
  tokensIssued = 0;

  constructor(options: ProviderAuthOptions) {
    this.options = options;
  }

  /** Handles a token request; returns the JSON body and status to answer with. */
  issueToken(req: Request): { status: number; body: Record<string, unknown> } {
    const body = (req.body ?? {}) as Record<string, string>;
    let id = body.client_id;
    let secret = body.client_secret;
    const header = req.headers.authorization ?? '';
    if (header.startsWith('Basic ')) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      id = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
    if (body.grant_type !== 'client_credentials') {
      return { status: 400, body: { error: 'unsupported_grant_type' } };
    }
    if (
      !id ||
      !secret ||
      !safeEqual(id, this.options.clientId) ||
      !safeEqual(secret, this.options.clientSecret)
    ) {
      return { status: 401, body: { error: 'invalid_client' } };
    }
    const requested = (body.scope ?? '').split(' ').filter(Boolean);
    const scopes = requested.length > 0 ? requested : this.options.allowedScopes;
    if (scopes.some((s) => !this.options.allowedScopes.includes(s))) {
      return { status: 400, body: { error: 'invalid_scope' } };
    }
    const token = randomBytes(24).toString('base64url');
    this.#tokens.set(token, {
      expiresAtMs: Date.now() + this.options.tokenTtlSeconds * 1000,
      scopes,
    });
    this.tokensIssued += 1;
    return {
      status: 200,
      body: {
        access_token: token,
        token_type: 'bearer',
        expires_in: this.options.tokenTtlSeconds,
        scope: scopes.join(' '),
      },
    };
  }

  /** Whether a `Bearer` header carries a live token. */
  isBearerValid(header: string): boolean {
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const entry = this.#tokens.get(token);
    return entry !== undefined && entry.expiresAtMs > Date.now();
  }

  /** Forgets every token, as a provider does when it rotates its signing keys. */
  revokeAllTokens(): void {
    this.#tokens.clear();
  }

  /**
   * Checks an OAuth 1.0a signed request (RFC 5849 §3.4, HMAC-SHA256 as OneRoster 1.1 requires):
   * consumer key, timestamp within −10/+5 minutes, nonce never seen, and the signature over the
   * method, base URL and every query and oauth_ parameter.
   */
  isOauth1Valid(req: Request): boolean {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('OAuth ')) return false;
    const oauth: Record<string, string> = {};
    for (const part of header.slice(6).split(',')) {
      const match = /^\s*([\w]+)="([^"]*)"\s*$/.exec(part);
      if (match) oauth[match[1]!] = decodeURIComponent(match[2]!);
    }
    const ageSeconds = Date.now() / 1000 - Number(oauth.oauth_timestamp);
    if (oauth.oauth_consumer_key !== this.options.clientId) return false;
    if (oauth.oauth_signature_method !== 'HMAC-SHA256') return false;
    if (!(ageSeconds <= 600 && ageSeconds >= -300)) return false;
    if (!oauth.oauth_nonce || this.#nonces.has(oauth.oauth_nonce)) return false;
    const url = new URL(req.originalUrl, `http://${req.headers.host}`);
    const params: Array<[string, string]> = [...url.searchParams.entries()];
    for (const [key, value] of Object.entries(oauth))
      if (key !== 'oauth_signature') params.push([key, value]);
    const normalized = params
      .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const)
      .sort(([ak, av], [bk, bv]) =>
        ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1,
      )
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const baseString = [
      'GET',
      encodeRfc3986(`${url.protocol}//${url.host}${url.pathname}`),
      encodeRfc3986(normalized),
    ].join('&');
    const expected = createHmac('sha256', `${encodeRfc3986(this.options.clientSecret)}&`)
      .update(baseString)
      .digest('base64');
    if (!safeEqual(expected, oauth.oauth_signature ?? '')) return false;
    this.#nonces.add(oauth.oauth_nonce);
    return true;
  }
}
