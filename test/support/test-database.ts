import { openDatabase, type Database } from '../../store/index.js';

let shared: Promise<Database> | undefined;

/**
 * The database every test of a run shares, migrated once: the real PostgreSQL server when
 * DATABASE_URL is set (CI creates a fresh database per run), otherwise PGlite in memory.
 * Tests keep apart by creating their own tenants.
 */
export function getTestDatabase(): Promise<Database> {
  shared ??= openDatabase({ databaseUrl: process.env.DATABASE_URL, runMigrations: true });
  return shared;
}

/** Closes the shared database at the end of the run. */
export async function closeTestDatabase(): Promise<void> {
  if (!shared) return;
  const db = await shared;
  shared = undefined;
  await db.close();
}

/** Which backend this run uses, for test titles. */
export function testBackendName(): string {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}
