/**
 * Store benchmark: upsert 100,000 roster-like people rows (three encrypted fields and two blind
 * indexes each) in batches, on the embedded database and, when DATABASE_URL is set, on
 * PostgreSQL. Then upsert them all again (the idempotent re-sync case).
 *
 *   node --import tsx bench/store/run.ts [rows]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createKeyRing,
  createTenant,
  openDatabase,
  TenantKeys,
  type Database,
  type TenantCipher,
} from '../../store/index.js';

const ROWS = Number(process.argv[2] ?? 100_000);
const BATCH = 1_000;

const GIVEN = ['Maria', 'Jose', 'Aaliyah', 'Ethan', 'Sofia', 'Nguyen', 'Jamal', 'Emily', 'Diego'];
const FAMILY = ['Garcia', 'Martinez', 'Johnson', 'Smith', 'Hernandez', 'Tran', 'Williams', 'Lopez'];

function personRow(cipher: TenantCipher, tenantId: string, index: number, pass: number) {
  const sourcedId = `stu-${index}`;
  const id = cipher.rowId('person', sourcedId);
  const given = GIVEN[index % GIVEN.length]!;
  const family = `${FAMILY[index % FAMILY.length]!}${pass}`;
  const email = `${given}.${family}.${index}@students.example.org`.toLowerCase();
  const bind = (column: string) => ({ table: 'people', column, rowId: id });
  return [
    tenantId,
    id,
    sourcedId,
    'student',
    cipher.encrypt(given, bind('given_name_enc')),
    cipher.encrypt(family, bind('family_name_enc')),
    cipher.encrypt(email, bind('email_enc')),
    cipher.blindIndex('email', email),
    cipher.blindIndex('local_id', String(100000 + index)),
  ];
}

const COLUMNS =
  'tenant_id, id, sourced_id, role, given_name_enc, family_name_enc, email_enc, email_bidx, local_id_bidx';

async function upsertAll(
  db: Database,
  keys: TenantKeys,
  tenantId: string,
  pass: number,
): Promise<number> {
  const started = performance.now();
  for (let offset = 0; offset < ROWS; offset += BATCH) {
    await db.withTenant(tenantId, async (tx) => {
      const cipher = await keys.cipherFor(tx);
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (let i = offset; i < Math.min(offset + BATCH, ROWS); i += 1) {
        const row = personRow(cipher, tenantId, i, pass);
        tuples.push(`(${row.map((_, k) => `$${params.length + k + 1}`).join(',')})`);
        params.push(...row);
      }
      await tx.query(
        `INSERT INTO people (${COLUMNS}) VALUES ${tuples.join(',')}
         ON CONFLICT (tenant_id, sourced_id) DO UPDATE SET
           given_name_enc = EXCLUDED.given_name_enc, family_name_enc = EXCLUDED.family_name_enc,
           email_enc = EXCLUDED.email_enc, email_bidx = EXCLUDED.email_bidx,
           local_id_bidx = EXCLUDED.local_id_bidx, updated_at = now()`,
        params,
      );
    });
  }
  return performance.now() - started;
}

async function benchmark(label: string, db: Database): Promise<void> {
  const keys = new TenantKeys(createKeyRing(Buffer.alloc(32, 9)));
  const { tenant } = await createTenant(db, keys, {
    slug: `bench-${Date.now()}`,
    name: 'Bench ISD',
  });
  const insertMs = await upsertAll(db, keys, tenant.id, 1);
  const updateMs = await upsertAll(db, keys, tenant.id, 2);
  const count = await db.withTenant(tenant.id, (tx) =>
    tx.one<{ n: number }>('SELECT count(*) AS n FROM people'),
  );
  console.log(
    JSON.stringify({
      backend: label,
      rows: ROWS,
      stored: count?.n,
      insertSeconds: +(insertMs / 1000).toFixed(2),
      insertRowsPerSecond: Math.round(ROWS / (insertMs / 1000)),
      reupsertSeconds: +(updateMs / 1000).toFixed(2),
      reupsertRowsPerSecond: Math.round(ROWS / (updateMs / 1000)),
    }),
  );
}

const folder = mkdtempSync(join(tmpdir(), 'ccmr-bench-store-'));
const embedded = await openDatabase({ dataDir: folder, runMigrations: true });
await benchmark('pglite (data folder)', embedded);
await embedded.close();
rmSync(folder, { recursive: true, force: true });

if (process.env.DATABASE_URL) {
  const server = await openDatabase({ databaseUrl: process.env.DATABASE_URL, runMigrations: true });
  await benchmark('postgres', server);
  await server.close();
}
