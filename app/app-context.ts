/**
 * Composition root: opens the database, the key ring, the job queue and the logger once, and
 * hands them to the web server, the worker and the CLI.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createKeyRing,
  JobQueue,
  openDatabase,
  TenantKeys,
  type Database,
} from '../store/index.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import type { DestinationStream } from 'pino';
import { defineJobs } from './jobs.js';
import { OriginList } from './web/origin-list.js';

export interface AppContext {
  readonly config: Readonly<Config>;
  readonly db: Database;
  readonly keys: TenantKeys;
  readonly jobs: JobQueue;
  readonly logger: Logger;
  /** Origins of the registered LTI platforms, for the Content-Security-Policy. */
  readonly platformOrigins: OriginList;
  /** The clock; tests replace it. */
  readonly now: () => Date;
  close(): Promise<void>;
}

export interface OpenContextOptions {
  /** Keep the database in memory instead of `config.dataDir` (tests). */
  inMemory?: boolean;
  logDestination?: DestinationStream;
  now?: () => Date;
  /** An already-open database to share (tests run many servers on one database). */
  db?: Database;
}

/**
 * In embedded mode with no MASTER_KEY, a key is generated once into the data folder so the demo
 * needs no configuration. It sits beside the data it protects, which is why this is refused in
 * production and warned about everywhere else.
 */
function embeddedMasterKey(dataDir: string, logger: Logger): Buffer {
  const path = join(dataDir, 'master.key');
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  logger.warn(
    { event: 'config.master_key.generated' },
    'using a master key generated in the data folder; set MASTER_KEY for real student data',
  );
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
}

/** Opens everything a process needs, applying pending migrations. */
export async function openAppContext(
  config: Readonly<Config>,
  options: OpenContextOptions = {},
): Promise<AppContext> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const masterKey = config.masterKey ?? embeddedMasterKey(config.dataDir, logger);
  const db =
    options.db ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: options.inMemory ? undefined : config.dataDir,
      runMigrations: true,
      maxConnections: config.databaseMaxConnections,
    }));
  const keys = new TenantKeys(createKeyRing(masterKey, config.retiredMasterKeys));
  const jobs = new JobQueue(db, {
    pollingIntervalSeconds: config.jobPollSeconds,
    runsSchedules: [config.rosterSyncCron, config.retentionCron, config.skywardRetryCron].some(
      (cron) => cron !== undefined,
    ),
  });
  const context: AppContext = {
    config,
    db,
    keys,
    jobs,
    logger,
    platformOrigins: new OriginList(),
    now: options.now ?? (() => new Date()),
    async close() {
      await jobs.stop(config.shutdownGraceMs);
      if (!options.db) await db.close();
    },
  };
  defineJobs(context);
  return context;
}
