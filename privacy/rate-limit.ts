import type { Express, NextFunction, Request, Response } from 'express';
import { PrivacyRateLimited } from './errors.js';

/** A token bucket: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface RateLimitOptions {
  /** Route group the bucket counts for (`login`, `launch`, `api`); keys are per client and group. */
  group: string;
  capacity: number;
  refillPerSecond: number;
  /** Monotonic clock in milliseconds; tests pass their own. */
  nowMs?: () => number;
  /** Most clients remembered at once; the least recently seen are forgotten first. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Express middleware limiting each client address (as Express resolves it through the trusted
 * proxy hops) to a token bucket per route group (privacy-checklist.md: brute force and scraping
 * of login, launch and APIs). Over the limit it answers 429 ERR_PRIVACY_RATE_LIMITED with
 * `Retry-After` in whole seconds. In-process: each web process counts on its own.
 * @param options the group, the bucket size and its refill rate.
 * @returns a named middleware.
 * @throws TypeError for a capacity or refill rate that is not positive.
 */
export function createRateLimiter(options: RateLimitOptions) {
  if (!(options.capacity > 0) || !(options.refillPerSecond > 0)) {
    throw new TypeError('rate limit capacity and refillPerSecond must be positive');
  }
  const nowMs = options.nowMs ?? (() => performance.now());
  const maxClients = options.maxClients ?? 50_000;
  const buckets = new Map<string, Bucket>();

  function take(key: string): number {
    const at = nowMs();
    const previous = buckets.get(key) ?? { tokens: options.capacity, updatedMs: at };
    const refilled = Math.min(
      options.capacity,
      previous.tokens + ((at - previous.updatedMs) / 1000) * options.refillPerSecond,
    );
    buckets.delete(key);
    if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value!);
    if (refilled >= 1) {
      buckets.set(key, { tokens: refilled - 1, updatedMs: at });
      return 0;
    }
    buckets.set(key, { tokens: refilled, updatedMs: at });
    return Math.max(1, Math.ceil((1 - refilled) / options.refillPerSecond));
  }

  return function limitRate(req: Request, res: Response, next: NextFunction): void {
    const retryAfterSeconds = take(`${options.group}|${req.ip ?? 'unknown'}`);
    if (retryAfterSeconds === 0) return next();
    res.setHeader('Retry-After', String(retryAfterSeconds));
    next(new PrivacyRateLimited(retryAfterSeconds));
  };
}

/** The product's limits per route group: generous for people, tight enough for scripts. */
export const RATE_LIMITS = Object.freeze({
  login: { capacity: 60, refillPerSecond: 1 },
  launch: { capacity: 60, refillPerSecond: 1 },
  api: { capacity: 600, refillPerSecond: 10 },
});

/** Paths never limited: load balancers poll them. */
const UNLIMITED_PATHS = new Set(['/healthz', '/readyz']);

/**
 * Mounts the rate limits before every other route: `/lti/login` and `/lti/launch` in their own
 * groups, everything else (but the health checks) in `api`. Uses the process's monotonic clock,
 * not the application clock, which tests freeze.
 * @param app the Express application.
 */
export function mountRateLimits(app: Express): void {
  const login = createRateLimiter({ group: 'login', ...RATE_LIMITS.login });
  const launch = createRateLimiter({ group: 'launch', ...RATE_LIMITS.launch });
  const api = createRateLimiter({ group: 'api', ...RATE_LIMITS.api });
  app.use('/lti/login', login);
  app.use('/lti/launch', launch);
  app.use(function limitApiRate(req: Request, res: Response, next: NextFunction) {
    if (
      UNLIMITED_PATHS.has(req.path) ||
      req.path.startsWith('/lti/login') ||
      req.path.startsWith('/lti/launch')
    ) {
      return next();
    }
    api(req, res, next);
  });
}
