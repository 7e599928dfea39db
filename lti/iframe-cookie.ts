import type { CookieOptions } from 'express';

/**
 * Attributes of every cookie the tool sets inside the platform's iframe. SameSite=None and
 * Secure let the browser send it on the platform's cross-site form post; Partitioned (CHIPS)
 * keeps it in a jar of the platform's site only, which browsers that block third-party cookies
 * (Chrome, Edge) still accept. A browser that refuses even that falls back to platform storage.
 */
export const IFRAME_COOKIE: Readonly<CookieOptions> = Object.freeze({
  httpOnly: true,
  secure: true,
  sameSite: 'none',
  partitioned: true,
});
