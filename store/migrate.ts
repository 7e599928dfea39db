import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Transaction } from './database.js';

/** Key of the advisory lock that serialises migrators on a shared PostgreSQL server. */
const MIGRATION_LOCK_KEY = 7_311_402;

/** Migrations live beside the sources; a build copies them next to the compiled files. */
function migrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'migrations');
  return existsSync(beside) ? beside : join(here, '..', '..', 'store', 'migrations');
}

/** The migration files in the order they apply: `NNNN-name.sql`, by number. */
export async function listMigrations(): Promise<Array<{ version: string; path: string }>> {
  const folder = migrationsFolder();
  const names = (await readdir(folder)).filter((name) => /^\d{4}-[a-z0-9-]+\.sql$/.test(name));
  return names
    .sort()
    .map((name) => ({ version: name.replace(/\.sql$/, ''), path: join(folder, name) }));
}

/**
 * Applies every migration not yet applied, each in its own transaction, and returns the versions
 * it applied. Safe to run from several processes at once: an advisory lock orders them and each
 * re-checks what is applied after taking it.
 */
export async function migrate(db: Database): Promise<string[]> {
  await db.withOwner((tx) =>
    tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`),
  );
  const applied: string[] = [];
  for (const migration of await listMigrations()) {
    const sql = await readFile(migration.path, 'utf8');
    const didApply = await db.withOwner(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const done = await tx.one('SELECT 1 AS done FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (done) return false;
      await runScript(tx, sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      return true;
    });
    if (didApply) applied.push(migration.version);
  }
  return applied;
}

/**
 * Runs a migration script statement by statement. Splits on semicolons at the end of a line
 * outside dollar-quoted bodies, which is how every migration here is written.
 */
async function runScript(tx: Transaction, sql: string): Promise<void> {
  for (const statement of splitStatements(sql)) await tx.query(statement);
}

/** Splits SQL text into statements, keeping `$$ … $$` bodies whole and dropping comments. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollarBody = false;
  for (const line of sql.split('\n')) {
    const trimmed = line.trim();
    if (!inDollarBody && (trimmed.startsWith('--') || trimmed === '')) continue;
    current += line + '\n';
    const dollarCount = (line.match(/\$\$/g) ?? []).length;
    if (dollarCount % 2 === 1) inDollarBody = !inDollarBody;
    if (!inDollarBody && trimmed.endsWith(';')) {
      statements.push(current.trim().replace(/;$/, ''));
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
