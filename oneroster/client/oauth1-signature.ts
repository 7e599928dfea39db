import { createHmac, randomBytes } from 'node:crypto';

/** RFC 3986 percent-encoding (RFC 5849 §3.6): unreserved characters only are left as they are. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** What to sign: the request and the consumer credentials (OneRoster 1.1 has no token secret). */
export interface Oauth1Request {
  method: string;
  /** The full URL including its query string. */
  url: string;
  consumerKey: string;
  consumerSecret: string;
  timestampSeconds: number;
  nonce?: string;
}

/**
 * The signature base string of RFC 5849 §3.4.1: method, base string URI (no query, no default
 * port, lower-case scheme and host) and the normalised parameters (query and oauth_, encoded,
 * sorted by name then value).
 */
export function signatureBaseString(
  method: string,
  url: URL,
  oauth: Record<string, string>,
): string {
  const pairs: Array<[string, string]> = [...url.searchParams.entries()];
  for (const [key, value] of Object.entries(oauth)) pairs.push([key, value]);
  const normalized = pairs
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? compare(av, bv) : compare(ak, bk)))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  // WHATWG URL already lower-cases scheme and host and drops the default port (§3.4.1.2).
  const baseUri = `${url.protocol}//${url.host}${url.pathname}`;
  return [method.toUpperCase(), percentEncode(baseUri), percentEncode(normalized)].join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Signs a request with OAuth 1.0a HMAC-SHA256 (OneRoster 1.1 §2, RFC 5849 §3.4.2) and returns
 * the `Authorization: OAuth …` header value.
 * @param request the request and credentials; `timestampSeconds` from the wall clock.
 * @returns the header value.
 */
export function signOauth1Request(request: Oauth1Request): string {
  const oauth: Record<string, string> = {
    oauth_consumer_key: request.consumerKey,
    oauth_nonce: request.nonce ?? randomBytes(16).toString('hex'),
    oauth_signature_method: 'HMAC-SHA256',
    oauth_timestamp: String(Math.floor(request.timestampSeconds)),
    oauth_version: '1.0',
  };
  const base = signatureBaseString(request.method, new URL(request.url), oauth);
  const key = `${percentEncode(request.consumerSecret)}&`;
  oauth.oauth_signature = createHmac('sha256', key).update(base).digest('base64');
  const fields = Object.entries(oauth).map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`);
  return `OAuth ${fields.join(', ')}`;
}
