import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app/app-context.js';
import { preparedSql, type Tenant } from '../../store/index.js';
import { createTestContext, createTestTenant } from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';

async function insertOrg(context: AppContext, tenant: Tenant, sourcedId: string): Promise<string> {
  const id = randomUUID();
  await context.db.withTenant(tenant.id, (tx) =>
    tx.query(
      `INSERT INTO orgs (tenant_id, id, sourced_id, org_type, name) VALUES ($1, $2, $3, 'school', 'High')`,
      [tenant.id, id, sourcedId],
    ),
  );
  return id;
}

describe(`tenant isolation (${testBackendName()})`, () => {
  let context: AppContext;
  let north: Tenant;
  let south: Tenant;

  before(async () => {
    context = await createTestContext();
    north = await createTestTenant(context, 'north');
    south = await createTestTenant(context, 'south');
  });

  after(() => context.close());

  it('shows a district only its own rows', async () => {
    await insertOrg(context, north, 'n-1');
    await insertOrg(context, south, 's-1');
    const seen = await context.db.withTenant(north.id, (tx) =>
      tx.query<{ sourced_id: string }>('SELECT sourced_id FROM orgs'),
    );
    assert.deepEqual(
      seen.map((row) => row.sourced_id),
      ['n-1'],
    );
  });

  // PostgreSQL switches a prepared statement to a generic plan after five runs; the district
  // must still be decided at each run, not frozen into the plan.
  it('shows each run of a prepared statement only its own district rows', async () => {
    await insertOrg(context, north, 'n-prepared');
    await insertOrg(context, south, 's-prepared');
    const statement = preparedSql(
      'test-prepared-orgs',
      `SELECT sourced_id FROM orgs WHERE sourced_id LIKE $1 ORDER BY sourced_id`,
    );
    for (let run = 0; run < 8; run += 1) {
      const tenant = run % 2 === 0 ? north : south;
      const seen = await context.db.withTenant(tenant.id, (tx) =>
        tx.query<{ sourced_id: string }>(statement, ['%-prepared']),
      );
      assert.deepEqual(
        seen.map((row) => row.sourced_id),
        [tenant === north ? 'n-prepared' : 's-prepared'],
      );
    }
    assert.throws(() => preparedSql('test-prepared-orgs', 'SELECT 1'), TypeError);
  });

  it('shows no tenant-owned rows when no tenant is set', async () => {
    await insertOrg(context, north, 'n-2');
    const rows = await context.db.withSystem((tx) => tx.query('SELECT * FROM orgs'));
    const keys = await context.db.withSystem((tx) => tx.query('SELECT * FROM tenant_keys'));
    assert.equal(rows.length, 0);
    assert.equal(keys.length, 0);
  });

  it('refuses to write a row into another district', async () => {
    await assert.rejects(
      context.db.withTenant(north.id, (tx) =>
        tx.query(
          `INSERT INTO orgs (tenant_id, id, sourced_id, org_type, name) VALUES ($1, $2, 'x', 'school', 'X')`,
          [south.id, randomUUID()],
        ),
      ),
      /row-level security/,
    );
  });

  it('cannot change or delete another district rows', async () => {
    const id = await insertOrg(context, south, 's-2');
    const changed = await context.db.withTenant(north.id, (tx) =>
      tx.query(`UPDATE orgs SET name = 'taken' WHERE id = $1 RETURNING id`, [id]),
    );
    const deleted = await context.db.withTenant(north.id, (tx) =>
      tx.query('DELETE FROM orgs WHERE id = $1 RETURNING id', [id]),
    );
    const still = await context.db.withTenant(south.id, (tx) =>
      tx.one<{ name: string }>('SELECT name FROM orgs WHERE id = $1', [id]),
    );
    assert.equal(changed.length, 0);
    assert.equal(deleted.length, 0);
    assert.equal(still?.name, 'High');
  });

  it('puts every table with a tenant_id under forced row-level security with a policy', async () => {
    const unprotected = await context.db.withOwner((tx) =>
      tx.query<{ table_name: string }>(`
        SELECT c.relname AS table_name
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
               OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))`),
    );
    assert.deepEqual(unprotected, []);
  });

  it('does not let the application role switch itself out of row-level security', async () => {
    await assert.rejects(
      context.db
        .withTenant(north.id, (tx) => tx.query('SET LOCAL row_security = off'))
        .then(() =>
          context.db.withTenant(north.id, (tx) =>
            tx.query('ALTER TABLE orgs DISABLE ROW LEVEL SECURITY'),
          ),
        ),
      /must be owner|permission denied/,
    );
  });

  it('refuses to open a transaction inside another one', async () => {
    await assert.rejects(
      context.db.withTenant(north.id, () => context.db.withTenant(south.id, async () => 1)),
      TypeError,
    );
  });
});
