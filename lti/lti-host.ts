import type { Database, TenantKeys } from '../store/index.js';
import type { RunMode } from './lti-options.js';

/** A pino-compatible logger, as much of it as the LTI edge uses. */
export interface LtiLogger {
  info(fields: Record<string, unknown>, message?: string): void;
  warn(fields: Record<string, unknown>, message?: string): void;
  error(fields: Record<string, unknown>, message?: string): void;
}

/**
 * What the LTI module needs from the process it runs in. The application context satisfies it;
 * the module does not import the app folder.
 */
export interface LtiHost {
  readonly config: { readonly mode: RunMode; readonly publicUrl: string };
  readonly db: Database;
  readonly keys: TenantKeys;
  readonly logger: LtiLogger;
  readonly platformOrigins: { set(origins: Iterable<string>): void };
  readonly now: () => Date;
}
