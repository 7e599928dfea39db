import type { Response } from 'express';

/**
 * Adds sources to directives of the Content-Security-Policy already set on this response (the
 * security headers run before any route). Used when a response must name an origin the
 * process-wide list did not know yet: a platform registered by another process, or a
 * deep-linking return URL on another host of the platform.
 * @param res the response whose policy is extended.
 * @param directives the directives to extend, e.g. ['frame-ancestors', 'form-action'].
 * @param origins the origins to add.
 */
export function extendCsp(res: Response, directives: string[], origins: readonly string[]): void {
  const policy = res.getHeader('Content-Security-Policy');
  if (typeof policy !== 'string' || origins.length === 0) return;
  let updated = policy;
  for (const directive of directives) {
    updated = updated.replace(new RegExp(`${directive} ([^;]*)`), (_match, sources: string) => {
      const list = new Set([...sources.split(' ').filter(Boolean), ...origins]);
      return `${directive} ${[...list].join(' ')}`;
    });
  }
  res.setHeader('Content-Security-Policy', updated);
}
