import assert from 'node:assert/strict';
import type { AppContext } from '../../app/app-context.js';
import {
  saveConnection,
  validateConnection,
  type OneRosterVersion,
} from '../../oneroster/index.js';
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
export function startProvider(
  dataset = smallDistrict(),
  delayMs = 0,
): Promise<RunningOneRosterServer> {
  return startOneRosterServer({
    dataset,
    clientId: 'test-client',
    clientSecret: 'test-secret',
    delayMs,
  });
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
export async function liveCounts(
  context: AppContext,
  tenant: Tenant,
): Promise<Record<string, number>> {
  return context.db.withTenant(tenant.id, async (tx) => {
    const out: Record<string, number> = {};
    for (const table of [
      'orgs',
      'academic_sessions',
      'courses',
      'classes',
      'people',
      'enrollments',
    ]) {
      const row = await tx.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE deleted_at IS NULL`,
      );
      out[table] = row!.n;
    }
    const demo = await tx.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM people WHERE demographics_hash IS NOT NULL',
    );
    out.demographics = demo!.n;
    const students = await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM students');
    out.students = students!.n;
    return out;
  });
}

/** Columns that differ between districts for the same content (keyed ids, ciphertexts, times). */
const DISTRICT_SPECIFIC = [
  'tenant_id',
  'id',
  'source_hash',
  'seen_run_id',
  'updated_at',
  'deleted_at',
  'given_name_enc',
  'family_name_enc',
  'email_enc',
  'email_bidx',
  'local_id_enc',
  'local_id_bidx',
  'state_id_enc',
  'state_id_bidx',
  'birth_date_enc',
  'demographics_enc',
  'name_birth_bidx',
  'lti_subject_bidx',
  'demographics_hash',
  'demographics_seen_run_id',
];

/**
 * The tenant's stored roster by sourcedId, without what is keyed per district, so two districts
 * fed the same data (or one fed twice) compare equal; a duplicate or lost row changes it.
 */
export async function rosterDigest(context: AppContext, tenant: Tenant): Promise<string> {
  return context.db.withTenant(tenant.id, async (tx) => {
    const parts: string[] = [];
    for (const table of [
      'orgs',
      'academic_sessions',
      'courses',
      'classes',
      'people',
      'enrollments',
    ]) {
      const rows = await tx.query<{ row: unknown }>(
        `SELECT to_jsonb(t) - $1::text[] || jsonb_build_object('deleted', t.deleted_at IS NOT NULL,
            'hasDemographics', to_jsonb(t) ? 'demographics_hash' AND to_jsonb(t)->>'demographics_hash' IS NOT NULL,
            'hasName', to_jsonb(t)->>'given_name_enc' IS NOT NULL) AS row
           FROM ${table} t ORDER BY sourced_id`,
        [DISTRICT_SPECIFIC],
      );
      parts.push(`${table}:${JSON.stringify(rows.map((r) => r.row))}`);
    }
    const students = await tx.query(
      `SELECT p.sourced_id, o.sourced_id AS campus, s.grade_level, s.graduation_year
         FROM students s JOIN people p ON p.id = s.person_id LEFT JOIN orgs o ON o.id = s.campus_org_id
        ORDER BY p.sourced_id`,
    );
    parts.push(`students:${JSON.stringify(students)}`);
    return parts.join('\n');
  });
}

/**
 * Whether a person's stored name+birth-date index matches `familyName`, their stored given name
 * and their stored birth date (it must follow a change of name).
 */
export async function nameBirthIndexMatches(
  context: AppContext,
  tenant: Tenant,
  sourcedId: string,
  familyName: string,
): Promise<boolean> {
  return context.db.withTenant(tenant.id, async (tx) => {
    const cipher = await context.keys.cipherFor(tx);
    const id = cipher.rowId('person', sourcedId);
    const row = await tx.one<{ given: Buffer; birth: Buffer; bidx: Buffer | null }>(
      `SELECT given_name_enc AS given, birth_date_enc AS birth, name_birth_bidx AS bidx
         FROM people WHERE id = $1`,
      [id],
    );
    const at = (column: string) => ({ table: 'people', column, rowId: id });
    const given = cipher.decrypt(row!.given, at('given_name_enc'));
    const birth = cipher.decrypt(row!.birth, at('birth_date_enc'));
    assert.ok(birth, `${sourcedId} has a birth date`);
    const expected = cipher.blindIndex('name_birth', `${familyName}|${given}|${birth}`);
    return row!.bidx !== null && expected!.equals(row!.bidx);
  });
}
