import { randomUUID } from 'node:crypto';
import type { Database } from './database.js';
import type { TenantKeys } from './tenant-keys.js';
import { InputError } from './errors.js';

/** A district as the product knows it. */
export interface Tenant {
  id: string;
  slug: string;
  name: string;
  status: 'active' | 'offboarded';
  createdAt: Date;
}

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

function toTenant(row: Record<string, unknown>): Tenant {
  return {
    id: row.id as string,
    slug: row.slug as string,
    name: row.name as string,
    status: row.status as Tenant['status'],
    createdAt: row.created_at as Date,
  };
}

/**
 * Creates a district with its own data key, or returns the existing one with that slug.
 * @throws InputError (ERR_STORE_BAD_TENANT_SLUG) for a slug outside [a-z0-9-], 2–63 characters.
 */
export async function createTenant(
  db: Database,
  keys: TenantKeys,
  input: { slug: string; name: string },
): Promise<{ tenant: Tenant; created: boolean }> {
  if (!SLUG_PATTERN.test(input.slug)) {
    throw new InputError(
      'ERR_STORE_BAD_TENANT_SLUG',
      `tenant slug "${input.slug}" must be 2–63 characters of a-z, 0-9 and -, starting with a letter or digit`,
    );
  }
  const existing = await findTenantBySlug(db, input.slug);
  if (existing) return { tenant: existing, created: false };
  const id = randomUUID();
  await db.withSystem((tx) =>
    tx.query(
      'INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING',
      [id, input.slug, input.name],
    ),
  );
  const tenant = (await findTenantBySlug(db, input.slug))!;
  await db.withTenant(tenant.id, (tx) => keys.createFor(tx));
  return { tenant, created: tenant.id === id };
}

/** Every district, oldest first. */
export async function listTenants(db: Database): Promise<Tenant[]> {
  const rows = await db.withSystem((tx) =>
    tx.query('SELECT * FROM tenants ORDER BY created_at, slug'),
  );
  return rows.map(toTenant);
}

export async function findTenantBySlug(db: Database, slug: string): Promise<Tenant | undefined> {
  const row = await db.withSystem((tx) => tx.one('SELECT * FROM tenants WHERE slug = $1', [slug]));
  return row ? toTenant(row) : undefined;
}

export async function findTenantById(db: Database, id: string): Promise<Tenant | undefined> {
  const row = await db.withSystem((tx) => tx.one('SELECT * FROM tenants WHERE id = $1', [id]));
  return row ? toTenant(row) : undefined;
}

/**
 * Finds a district by slug or id, as CLI `--tenant` accepts either.
 * @throws InputError (ERR_STORE_UNKNOWN_TENANT)
 */
export async function resolveTenant(db: Database, slugOrId: string): Promise<Tenant> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(slugOrId);
  const tenant = isUuid ? await findTenantById(db, slugOrId) : await findTenantBySlug(db, slugOrId);
  if (!tenant) throw new InputError('ERR_STORE_UNKNOWN_TENANT', `no tenant "${slugOrId}" exists`);
  return tenant;
}
