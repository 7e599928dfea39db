import { join } from 'node:path';
import type { Database } from './database.js';
import { openPostgresDatabase } from './postgres-database.js';
import { openPgliteDatabase } from './pglite-database.js';
import { lockDataDir } from './data-dir-lock.js';
import { migrate } from './migrate.js';

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; without it the embedded database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; `undefined` with no URL means in memory (tests). */
  dataDir?: string;
  /** Apply pending migrations before returning. */
  runMigrations?: boolean;
  maxConnections?: number;
}

/**
 * Opens the configured backend: PostgreSQL when a URL is given, otherwise PGlite in `dataDir`
 * (holding its lock file) or in memory.
 * @throws DataDirLocked (ERR_STORE_DATA_DIR_LOCKED) when another process holds the folder.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  let db: Database;
  if (options.databaseUrl) {
    db = openPostgresDatabase({
      connectionString: options.databaseUrl,
      maxConnections: options.maxConnections,
    });
  } else if (options.dataDir) {
    const release = lockDataDir(options.dataDir);
    try {
      const embedded = await openPgliteDatabase(join(options.dataDir, 'pg'));
      db = { ...embedded, close: () => embedded.close().finally(release) };
    } catch (error) {
      release();
      throw error;
    }
  } else {
    db = await openPgliteDatabase();
  }
  if (options.runMigrations) await migrate(db);
  return db;
}
