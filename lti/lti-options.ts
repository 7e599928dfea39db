/** The product's run mode, as app/config.ts names it. */
export type RunMode = 'development' | 'test' | 'production';

/** Lifetimes of what the LTI module stores, in seconds. */
export const LTI_LIFETIMES = {
  /** A login state waits this long for its launch (Security Framework §5.1.1.1: short). */
  loginStateSeconds: 600,
  /** Accepted clock difference with platforms for exp and iat. */
  clockSkewSeconds: 60,
  /** An id_token older than this (by iat) is refused even if its exp is later. */
  maxTokenAgeSeconds: 600,
  /** Cookie sessions: idle and absolute timeouts. */
  cookieSessionIdleSeconds: 30 * 60,
  cookieSessionAbsoluteSeconds: 8 * 60 * 60,
  /** Query-string sessions (cookies blocked) live shorter: the token is visible in the URL. */
  querySessionIdleSeconds: 15 * 60,
  querySessionAbsoluteSeconds: 60 * 60,
  /**
   * A session's idle deadline is moved at most this often: a page of widgets must not write its
   * session row on every request. The deadline is then at most this much earlier than the idle
   * timeout after the last request, never later.
   */
  sessionTouchSeconds: 60,
  /** Platform JWKS cache lifetime, and the least time between two refetches of one URL. */
  jwksCacheSeconds: 600,
  jwksRefetchCooldownSeconds: 10,
  /** Tool keys sign tokens valid at most this long (deep-linking responses, client assertions). */
  toolTokenSeconds: 300,
  /** NRPS memberships are reused this long. */
  membershipCacheSeconds: 300,
} as const;
