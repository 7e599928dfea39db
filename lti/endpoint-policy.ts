import type { RunMode } from './lti-options.js';
import { LtiError } from './errors.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Answers whether a URL's host is the local machine. */
export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

/**
 * Checks that a platform URL (issuer, endpoint, JWKS) may be trusted: https always; plain http
 * only on loopback while the product runs in development or test mode (in-repo platform).
 * @param value the URL as given by a platform or an operator.
 * @param field the field name, for the error message.
 * @param mode the product's run mode.
 * @returns the parsed URL.
 * @throws LtiError ERR_LTI_INSECURE_ENDPOINT, or ERR_LTI_BAD_REQUEST when not a URL.
 */
export function requireTrustedUrl(value: unknown, field: string, mode: RunMode): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new LtiError('ERR_LTI_BAD_REQUEST', `${field} is not a URL`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && mode !== 'production' && isLoopbackUrl(url)) return url;
  throw new LtiError(
    'ERR_LTI_INSECURE_ENDPOINT',
    `${field} must use https (plain http is accepted only on this machine in development or test)`,
  );
}
