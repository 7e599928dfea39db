import { createTenant, type Database, type TenantKeys } from '../store/index.js';

/**
 * The district that owns nothing but the tool's own secrets. Its data key (wrapped by the master
 * key like every district's) encrypts the tool's private signing keys, so master-key rotation
 * (`ccmr keys rotate`) covers them with no extra scheme.
 */
export const SYSTEM_TENANT = { slug: 'ccmr-system', name: 'CCMR Readiness (tool keys)' } as const;

/**
 * Creates the system district once and returns its id.
 * @param db the database.
 * @param keys the district key store.
 * @returns the system district's id.
 */
export async function ensureSystemTenant(db: Database, keys: TenantKeys): Promise<string> {
  const { tenant } = await createTenant(db, keys, SYSTEM_TENANT);
  return tenant.id;
}
