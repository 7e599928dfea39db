import type { Database, TenantKeys } from '../store/index.js';

/** What privacy operations need from the application context (the AppContext satisfies it). */
export interface PrivacyContext {
  readonly db: Database;
  readonly keys: TenantKeys;
  readonly now: () => Date;
  readonly config: { readonly dataDir: string };
}
