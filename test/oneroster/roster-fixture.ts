import type { AppContext } from '../../app/app-context.js';
import { saveConnection, validateConnection, type OneRosterVersion } from '../../oneroster/index.js';
import type { Tenant } from '../../store/index.js';
import {
  DistrictDataset,
  DistrictGenerator,
  startOneRosterServer,
  type RunningOneRosterServer,
} from '../peers/oneroster/index.js';

/** A small district: fast, yet with every kind of record. */
export function smallDistrict(students = 120, seed = 7): DistrictDataset {
  return new DistrictDataset(new DistrictGenerator({ seed, students, campuses: 2 }));
}

/** Starts the in-repo provider with a small district. */
export function startProvider(dataset = smallDistrict(), delayMs = 0): Promise<RunningOneRosterServer> {
  return startOneRosterServer({ dataset, clientId: 'test-client', clientSecret: 'test-secret', delayMs });
}

/** Connects the tenant to the provider with the given version (1.1 signs with OAuth 1.0a). */
export async function connectTenant(
  context: AppContext,
  tenant: Tenant,
  server: RunningOneRosterServer,
  version: OneRosterVersion,
  overrides: { clientSecret?: string; oauth2For11?: boolean } = {},
): Promise<void> {
  const connection = validateConnection({
    version,
    baseUrl: server.url,
    clientId: 'test-client',
    clientSecret: overrides.clientSecret ?? 'test-secret',
    tokenUrl: version === '1.2' || overrides.oauth2For11 ? server.tokenUrl : undefined,
  });
  await context.db.withTenant(tenant.id, async (tx) =>
    saveConnection(tx, await context.keys.cipherFor(tx), connection, context.now()),
  );
}

/** Live (not deleted) row counts of every roster table of the tenant. */
export async function liveCounts(context: AppContext, tenant: Tenant): Promise<Record<string, number>> {
  return context.db.withTenant(tenant.id, async (tx) => {
    const out: Record<string, number> = {};
    for (const table of ['orgs', 'academic_sessions', 'courses', 'classes', 'people', 'enrollments']) {
      const row = await tx.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE deleted_at IS NULL`);
      out[table] = row!.n;
    }
    const demo = await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM people WHERE demographics_hash IS NOT NULL');
    out.demographics = demo!.n;
    const students = await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM students');
    out.students = students!.n;
    return out;
  });
}

/** A digest of the tenant's stored roster (content columns, not bookkeeping), to compare states. */
export async function rosterDigest(context: AppContext, tenant: Tenant): Promise<string> {
  return context.db.withTenant(tenant.id, async (tx) => {
    const parts: string[] = [];
    for (const table of ['orgs', 'academic_sessions', 'courses', 'classes', 'people', 'enrollments']) {
      const rows = await tx.query(
        `SELECT id, source_hash, status, deleted_at IS NOT NULL AS deleted FROM ${table} ORDER BY id`,
      );
      parts.push(`${table}:${JSON.stringify(rows)}`);
    }
    const demo = await tx.query('SELECT id, demographics_hash FROM people ORDER BY id');
    const students = await tx.query('SELECT person_id, campus_org_id, grade_level, graduation_year FROM students ORDER BY person_id');
    parts.push(JSON.stringify(demo), JSON.stringify(students));
    return parts.join('\n');
  });
}
