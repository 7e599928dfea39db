import helmet from 'helmet';
import type { OriginList } from './origin-list.js';

/**
 * Security headers. The tool lives in LMS iframes, so X-Frame-Options is off and
 * `frame-ancestors` names the registered platforms instead; no inline script or style is allowed
 * anywhere, and no third-party asset.
 */
export function setSecurityHeaders(platformOrigins: OriginList) {
  const platforms = () => platformOrigins.list().join(' ');
  return helmet({
    xFrameOptions: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'", () => platforms()],
        frameAncestors: ["'self'", () => platforms()],
      },
    },
  });
}
